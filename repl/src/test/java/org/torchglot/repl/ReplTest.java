package org.torchglot.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torchglot.bindings.Language;
import org.torchglot.engine.api.OpTable;
import org.torchglot.engine.api.RNames;

/** The REPL driven through a JLine terminal over pipes: commands, multi-line input, languages, errors, Ctrl-C. */
class ReplTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path history;

    @Test
    void pythonBlocksEndOnABlankLineAndErrorsLeaveTheSessionAlive() throws IOException {
        String screen = session(Language.PYTHON, """
                def f(x):
                    return x * 2

                f(21)
                1/0
                for i in range(2):
                    print(i + 10)

                xs = [1,
                  2]
                xs
                None
                x = )
                'still here'
                :vars
                :nope
                """);
        assertTrue(screen.contains("py> f(21)\n42\n"), screen);
        assertTrue(screen.contains("""
                Traceback (most recent call last):
                  File "<stdin>", line 1, in <module>
                ZeroDivisionError: division by zero
                """), screen);
        assertTrue(screen.contains("10\n11\n"), screen);
        assertTrue(screen.contains("py> xs\n[1, 2]\n"), screen);
        assertTrue(screen.contains("py> None\npy> "), "None is not echoed:\n" + screen);
        assertTrue(screen.contains("SyntaxError: unmatched ')'"), screen);
        assertTrue(screen.contains("'still here'\n"), screen);
        assertTrue(screen.contains("xs  list      len 2\n"), screen);
        assertTrue(screen.contains("unknown command :nope (:help lists the commands)"), screen);
        assertTrue(Files.readString(history.resolve("python")).contains("f(21)"), "history is kept per language");
    }

    @Test
    void helpShowsTheOpTableSignatureAndSummary() throws IOException {
        String screen = session(Language.JS, """
                :help torch.matmul
                :help nn_linear
                :help
                :time 6 * 7
                """);
        var matmul = OpTable.standard().op("matmul");
        String signature = matmul.signature().toString();
        assertTrue(screen.contains("torch.matmul" + signature.substring(signature.indexOf('(')) + "\n    " + matmul.summary()), screen);
        assertTrue(screen.contains("nn_linear(") && screen.contains(OpTable.modules().op("Linear").summary()), screen);
        assertTrue(screen.contains(":load FILE       run a .py, .js or .R script into the session"), screen);
        assertTrue(screen.contains("42\nWall time: "), screen);
    }

    @Test
    void rHelpIsRTorchsFormAndVarsCountAModulesParameters() throws IOException {
        String screen = session(Language.R, """
                library(torch)
                model <- nn_linear(2, 3)
                :vars
                :help nn_linear
                :help torch.nn.Flatten
                ?nnf_relu
                help("optim_sgd")
                """);
        assertTrue(screen.contains(RNames.help("nn_linear").orElseThrow().stripTrailing()), screen);
        assertTrue(screen.contains("nn_flatten(start_dim = 2, end_dim = -1)"), screen);
        assertTrue(screen.contains(RNames.help("nnf_relu").orElseThrow()), screen);
        assertTrue(screen.contains(RNames.help("optim_sgd").orElseThrow()), screen);
        assertFalse(screen.contains("Tensor input"), "Python's signature in R:\n" + screen);
        assertTrue(screen.contains("model  nn_linear  9 parameters\n"), screen);
    }

    @Test
    void languagesShareOneContext() throws IOException {
        String screen = session(Language.JS, """
                let a = [1, 2, 3]
                function count() {
                  return a.length
                }
                count()
                ({x: 1, s: 'hi'})
                :share a
                :py
                print(len(a))
                b = 40
                :share b
                :lang R
                b + 2
                f <- function(x) {
                  x * 2
                }
                f(b)
                invisible(7)
                stop("boom")
                1 + 1
                :js
                b + 1
                """);
        assertTrue(screen.contains("js> count()\n3\n"), screen);
        assertTrue(screen.contains("{ x: 1, s: 'hi' }\n"), screen);
        assertTrue(screen.contains("shared a\njs> :py\npy> print(len(a))\n3\n"), screen);
        assertTrue(screen.contains("r> b + 2\n[1] 42\n"), screen);
        assertTrue(screen.contains("r> f(b)\n[1] 80\n"), screen);
        assertTrue(screen.contains("r> invisible(7)\nr> "), "invisible results are not printed:\n" + screen);
        assertTrue(screen.contains("Error: boom"), screen);
        assertTrue(screen.contains("r> 1 + 1\n[1] 2\n"), screen);
        assertTrue(screen.contains("js> b + 1\n41\n"), screen);
    }

    @Test
    void loadRunsAScriptIntoTheSession(@TempDir Path scripts) throws IOException {
        Path script = Files.writeString(scripts.resolve("setup.R"), "w <- c(1, 2, 3)\n");
        String screen = session(Language.R, ":load " + script + "\nsum(w)\n:reset\nexists('w')\n");
        assertTrue(screen.contains("r> sum(w)\n[1] 6\n"), screen);
        assertTrue(screen.contains("the session was reset\nr> exists('w')\n[1] FALSE\n"), screen);
    }

    @Test
    void ctrlCStopsALongLoopAndKeepsTheVariables() throws Exception {
        try (ReplDriver repl = new ReplDriver(Language.PYTHON, history)) {
            repl.type("keep = 42\nn = 0\nwhile True:\n    n += 1\n\n");
            int after = repl.awaitText("...     n += 1\n...", 0, WAIT);
            Thread.sleep(500);
            repl.type("\u0003");
            after = repl.awaitText("KeyboardInterrupt\n", after, WAIT);
            repl.type("print(keep, n > 0)\n");
            repl.awaitText("42 True\n", after, WAIT);
            assertEquals(0, repl.finish());
        }
    }

    private String session(Language language, String input) throws IOException {
        try (ReplDriver repl = new ReplDriver(language, history)) {
            repl.type(input);
            assertEquals(0, repl.finish());
            String screen = repl.screen();
            assertFalse(screen.contains("internal error"), screen);
            return screen;
        }
    }
}
