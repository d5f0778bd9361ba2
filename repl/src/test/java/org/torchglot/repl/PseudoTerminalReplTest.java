package org.torchglot.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * One transcript per language of the real REPL on a real pseudo-terminal ({@link PseudoTerminal}):
 * typing brackets and strings across lines, Tab completion, history, Ctrl-C in a running loop, an
 * error, a language switch with {@code :share}, and leaving with a status.
 */
@EnabledOnOs(OS.LINUX)
class PseudoTerminalReplTest {

    @TempDir
    Path home;

    @Test
    void pythonTranscript() throws Exception {
        try (PseudoTerminal repl = PseudoTerminal.start(home)) {
            repl.awaitPrompt("py> ");
            // Brackets and a string with brackets in it: the open '(' and '[' ask for more lines.
            repl.type("xs = [1, (2,\r").await("... ").type("3)]; s = 'a(b' + \"c]\"\r").awaitPrompt("py> ");
            repl.type("print(xs, s)\r").await("[1, (2, 3)] a(bc]").awaitPrompt("py> ");
            // Tab completes a torch name; the result proves the completed name ran.
            repl.type("import torch\r").awaitPrompt("py> ");
            repl.type("torch.matm\t").type("(torch.ones(2, 2), torch.ones(2, 2))\r")
                    .await("tensor([[2., 2.],").awaitPrompt("py> ");
            // History: Ctrl-P three times recalls print(xs, s).
            repl.type("\u0010\u0010\u0010\r").await("[1, (2, 3)] a(bc]").awaitPrompt("py> ");
            // Ctrl-C stops a running loop; the variables stay. NOTE: the loop prints a word its echo does not show,
            // so Ctrl-C comes once it runs (at the prompt, Ctrl-C would discard the line instead).
            repl.type("n = 0\r").awaitPrompt("py> ");
            repl.type("while True:\r").await("... ").type("    if n == 0: print('loop' + 'ing', flush=True)\r")
                    .await("... ").type("    n += 1\r").await("... ").type("\r").await("looping");
            repl.type("\u0003").await("KeyboardInterrupt").awaitPrompt("py> ");
            repl.type("n > 0\r").await("True").awaitPrompt("py> ");
            // An error prints a traceback and the session goes on.
            repl.type("1/0\r").await("ZeroDivisionError: division by zero").awaitPrompt("py> ");
            // :share makes the tensor JavaScript's own: its methods and the same engine object.
            repl.type("t = torch.ones(3)\r").awaitPrompt("py> ");
            repl.type(":share t\r").await("shared t").awaitPrompt("py> ");
            repl.type(":js\r").awaitPrompt("js> ");
            repl.type("t.mul_(7).sum().item()\r").await("21").awaitPrompt("js> ");
            repl.type(":py\r").awaitPrompt("py> ");
            repl.type("t\r").await("tensor([7., 7., 7.])").awaitPrompt("py> ");
            repl.type("import sys; sys.exit(3)\r");
            assertEquals(3, repl.awaitExit(), repl.screen());
        }
        String history = Files.readString(home.resolve(".torchglot/history/python"));
        assertTrue(history.contains("print(xs, s)") && history.contains("sys.exit(3)"), history);
    }

    @Test
    void javaScriptTranscript() throws Exception {
        try (PseudoTerminal repl = PseudoTerminal.start(home, "--lang", "js")) {
            repl.awaitPrompt("js> ");
            repl.type("let o = {a: [1,\r").await("... ").type("2], s: 'x{y'}\r").awaitPrompt("js> ");
            repl.type("o\r").await("{ a: [ 1, 2 ], s: 'x{y' }").awaitPrompt("js> ");
            repl.type("const torch = require('torch')\r").awaitPrompt("js> ");
            repl.type("torch.aran\t").type("(3)\r").await("tensor([0, 1, 2])").awaitPrompt("js> ");
            repl.type("\u0010\u0010\u0010\r").await("{ a: [ 1, 2 ], s: 'x{y' }").awaitPrompt("js> ");
            repl.type("let n = 0; console.log('loop' + 'ing'); while (true) { n++ }\r").await("looping");
            repl.type("\u0003").await("Script execution interrupted.").awaitPrompt("js> ");
            repl.type("n > 0\r").await("true").awaitPrompt("js> ");
            repl.type("null.x\r").await("TypeError").awaitPrompt("js> ");
            repl.type("let net = new torch.nn.Linear(2, 1)\r").awaitPrompt("js> ");
            repl.type("net\r").await("Linear(in_features=2, out_features=1, bias=True)").awaitPrompt("js> ");
            repl.type(":share net\r").await("shared net").awaitPrompt("js> ");
            repl.type(":py\r").awaitPrompt("py> ");
            repl.type("import torch; isinstance(net, torch.nn.Module), net(torch.ones(1, 2)).shape\r")
                    .await("(True, torch.Size([1, 1]))").awaitPrompt("py> ");
            repl.type(":js\r").awaitPrompt("js> ");
            repl.type("process.exit(2)\r");
            assertEquals(2, repl.awaitExit(), repl.screen());
        }
        String history = Files.readString(home.resolve(".torchglot/history/js"));
        assertTrue(history.contains("process.exit(2)") && history.contains("null.x"), history);
    }

    /**
     * An R torch user's session: {@code $} everywhere (the REPL once froze on it), an {@code
     * nn_module} built and called, brackets and strings, Tab completion of a torch name and of a
     * member after {@code $}, a multi-line function, an error, Ctrl-C in a running loop with the
     * variables kept, history recall, and Ctrl-D.
     */
    @Test
    void rTranscript() throws Exception {
        try (PseudoTerminal repl = PseudoTerminal.start(home, "--lang", "r")) {
            repl.awaitPrompt("r> ");
            repl.type("library(torch)\r").awaitPrompt("r> ");
            repl.type("net <- nn_module(initialize = function() { self$fc1 <- nn_linear(2, 3) }, "
                    + "forward = function(x) self$fc1(x))\r").awaitPrompt("r> ");
            repl.type("model <- net()\r").awaitPrompt("r> ");
            repl.type("y <- model(torch_ones(1, 2)); y$shape\r").await("[1] 1 3").awaitPrompt("r> ");
            repl.type("model$fc\t").await("model$fc1");
            repl.type("$weight$shape\r").await("[1] 3 2").awaitPrompt("r> ");
            repl.type("y$requires_gr\t").await("y$requires_grad");
            repl.type("\r").await("[1] TRUE").awaitPrompt("r> ");
            repl.type("nn_re\t").await("nn_relu");
            repl.type("()\r").await("An `nn_module` containing 0 parameters.").awaitPrompt("r> ");
            repl.type("paste(\"a(\", 'b]', \"c$d\", \"[[\")\r").await("[1] \"a( b] c$d [[\"").awaitPrompt("r> ");
            repl.type("twice <- function(x) {\r").await("... ").type("x * 2\r}\r").awaitPrompt("r> ");
            repl.type("model(torch_ones(1, 5))\r").await("mat1 and mat2 shapes cannot be multiplied (1x5 and 2x3)")
                    .awaitPrompt("r> ");
            repl.type("twice(21)\r").await("[1] 42").awaitPrompt("r> ");
            // NOTE: the loop prints a word its echo does not show, so Ctrl-C comes once it runs.
            repl.type("i <- 0; cat(\"loop\", \"ing\\n\", sep = \"\"); while (TRUE) i <- i + 1\r").await("looping");
            repl.type("\u0003").awaitPrompt("r> ");
            repl.type("i > 0 && exists(\"model\")\r").await("[1] TRUE").awaitPrompt("r> ");
            // NOTE: Ctrl-P is "previous history": three back is twice(21).
            repl.type("\u0010\u0010\u0010\r").await("[1] 42").awaitPrompt("r> ");
            repl.type("\u0004");
            assertEquals(0, repl.awaitExit(), repl.screen());
            assertFalse(repl.screen().contains("internal error"), repl.screen());
        }
        String history = Files.readString(home.resolve(".torchglot/history/r"));
        assertTrue(history.contains("self$fc1 <- nn_linear(2, 3)") && history.contains("twice(21)"), history);
    }
}
