package org.torchglot.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torchglot.bindings.Language;
import org.torchglot.engine.api.OpTable;

/**
 * Each language's own ways to leave the REPL (with a status, after saving the history) and to ask
 * for help, and the smaller habits of each language's console.
 */
class LeavingAndHelpTest {

    @TempDir
    Path history;

    @Test
    void pythonLeavesWithTheStatusOfExitQuitAndSysExit() throws Exception {
        // NOTE: each session starts Python afresh; exit(3) and quit() are the same object as exit().
        assertEquals(0, leave(Language.PYTHON, "exit()\n"));
        assertEquals(4, leave(Language.PYTHON, "import sys\nsys.exit(4)\n"));
        assertTrue(Files.readString(history.resolve("python")).contains("sys.exit(4)"), "history is saved on leaving");
    }

    @Test
    void pythonExitMessageGoesToTheScreenWithStatusOne() throws Exception {
        try (ReplDriver repl = new ReplDriver(Language.PYTHON, history)) {
            repl.type("exit\nraise SystemExit('bye')\nprint('not reached')\n");
            assertEquals(1, repl.finish());
            String screen = repl.screen();
            assertTrue(screen.contains("Use exit() or Ctrl-D (i.e. EOF) to exit\n"), screen);
            assertTrue(screen.contains("bye\n"), screen);
            assertFalse(screen.contains("not reached\n"), screen);
        }
    }

    @Test
    void javaScriptLeavesWithDotExitAndProcessExit() throws Exception {
        assertEquals(0, leave(Language.JS, ".exit\n"));
        assertEquals(2, leave(Language.JS, "process.exit(2)\n"));
    }

    @Test
    void pythonHelpShowsTheOpTableInPythonNamesAndSyntaxErrorsComeAtOnce() throws Exception {
        try (ReplDriver repl = new ReplDriver(Language.PYTHON, history)) {
            repl.type("import torch\nhelp(torch.matmul)\nhelp(torch.nn.Linear)\nt = torch.ones(2)\nhelp(t)\nhelp(t.sum)\n"
                    + "def g():\n    'Adds one.'\n\nhelp(g)\n"
                    + "1 +* 2\ndef f(:\nxs = [1,\n2]\nxs\n");
            repl.finish();
            String screen = repl.screen();
            // A syntax error shows only the user's line (no frame of ast.py) and comes at once.
            assertTrue(screen.contains("py> 1 +* 2\n  File \"<stdin>\", line 1\n    1 +* 2\n       ^\nSyntaxError: invalid syntax\n"), screen);
            assertFalse(screen.contains("ast.py"), screen);
            assertTrue(screen.contains("py> def f(:\n  File \"<stdin>\", line 1\n"), "reported at once, not continued:\n" + screen);
            assertTrue(screen.contains("py> xs = [1,\n... 2]\npy> xs\n[1, 2]\n"), "an open bracket still continues:\n" + screen);
            assertTrue(screen.contains(help("torch.matmul", OpTable.standard(), "matmul")), screen);
            assertTrue(screen.contains(help("torch.nn.Linear", OpTable.modules(), "Linear")), screen);
            assertTrue(screen.contains(help("torch.Tensor.sum", OpTable.standard(), "sum")), screen);
            assertTrue(screen.contains("torch.Tensor: an n-dimensional array with autograd.") && screen.contains(" matmul "), screen);
            assertTrue(screen.contains("py> help(g)\nAdds one.\n"), "other objects show their docstring:\n" + screen);
        }
    }

    @Test
    void javaScriptDeclaresAgainAfterAFailedConstEchoesModulesAndHasDotHelp() throws Exception {
        try (ReplDriver repl = new ReplDriver(Language.JS, history)) {
            repl.type("""
                    const x = undefinedThing
                    const x = 1
                    x
                    let y = 2; let y2 = 3
                    const x = 5
                    const f = (a) => a
                    f
                    const torch = require('torch')
                    new torch.nn.Linear(2, 3)
                    .help
                    """);
            repl.finish();
            String screen = repl.screen();
            assertTrue(screen.contains("ReferenceError: undefinedThing is not defined\n    at <anonymous> (<stdin>:1:11)"), screen);
            assertTrue(screen.contains("js> const x = 1\njs> x\n1\n"), screen);
            assertTrue(screen.contains("js> const x = 5\nSyntaxError: Variable \"x\" has already been declared"),
                    "a successful const stays constant:\n" + screen);
            assertTrue(screen.contains("js> f\n[Function: f]\n"), screen);
            assertTrue(screen.contains("Linear(in_features=2, out_features=3, bias=True)\n"), screen);
            assertTrue(screen.contains("js> .help\nCommands:\n  :help [NAME]"), screen);
        }
    }

    private int leave(Language language, String input) throws Exception {
        try (ReplDriver repl = new ReplDriver(language, history)) {
            repl.type(input + "print('still running')\n");
            int status = repl.finish();
            assertFalse(repl.screen().contains("still running\n"), repl.screen());
            return status;
        }
    }

    private static String help(String name, OpTable table, String op) {
        String signature = table.op(op).signature().toString();
        return name + signature.substring(signature.indexOf('(')) + "\n    " + table.op(op).summary();
    }
}
