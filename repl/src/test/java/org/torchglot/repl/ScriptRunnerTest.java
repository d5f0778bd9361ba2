package org.torchglot.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torchglot.bindings.Language;

class ScriptRunnerTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aPythonScriptSeesItsArgumentsAndExitsWithZero() throws IOException {
        Path script = write("args.py", "import sys\nprint(__name__, sys.argv[1:])\n");
        assertEquals(0, runner("").runFile(script, List.of("--epochs", "3")));
        assertEquals("__main__ ['--epochs', '3']\n", stdout());
        assertEquals("", stderr());
    }

    @Test
    void anUncaughtPythonErrorPrintsATracebackAndExitsWithOne() throws IOException {
        Path script = write("broken.py", "x = 1\nprint('before')\nprint(y)\n");
        assertEquals(1, runner("").runFile(script, List.of()));
        assertEquals("before\n", stdout());
        // NOTE: CPython 3.11 underlines 'y' with a caret line here; GraalPy 25 leaves it out.
        assertEquals("""
                Traceback (most recent call last):
                  File "%s", line 3, in <module>
                    print(y)
                NameError: name 'y' is not defined
                """.formatted(script.toAbsolutePath()), withoutCaretLines(stderr()));
    }

    @Test
    void anRScriptSeesItsArgumentsAsRscriptGivesThem() throws IOException {
        Path script = write("args.R", "print(commandArgs(trailingOnly = TRUE))\ncat(tail(commandArgs(), 3), \"\\n\")\n");
        assertEquals(0, runner("").runFile(script, List.of("--epochs", "3")));
        assertEquals("[1] \"--epochs\" \"3\"       \n--args --epochs 3 \n", stdout());
    }

    @Test
    void aProgramOnStandardInputNamedByADashGetsItsArguments() {
        assertEquals(0, runner("import sys\nprint(sys.argv)\n").runStdin(Language.PYTHON, "-", List.of("a", "b")));
        assertEquals("['-', 'a', 'b']\n", stdout());
    }

    @Test
    void sysExitSetsTheExitStatus() throws IOException {
        Path script = write("exits.py", "import sys\nsys.exit(3)\nprint('not reached')\n");
        assertEquals(3, runner("").runFile(script, List.of()));
        assertEquals("", stdout());
    }

    @Test
    void sysExitWithAMessagePrintsItToStderrAndExitsWithOneAsCPythonDoes() throws IOException {
        Path script = write("bye.py", "import sys\nprint('leaving')\nsys.exit('bye')\n");
        assertEquals(1, runner("").runFile(script, List.of()));
        assertEquals("leaving\n", stdout());
        assertEquals("bye\n", stderr());
    }

    @Test
    void systemExitWithAnIntOrNoneOrTrueExitsSilently() throws IOException {
        assertEquals(3, runner("").runFile(write("three.py", "raise SystemExit(3)\n"), List.of()));
        assertEquals(0, runner("").runFile(write("none.py", "import sys\nsys.exit(None)\n"), List.of()));
        assertEquals(1, runner("").runFile(write("true.py", "import sys\nsys.exit(True)\n"), List.of()));
        assertEquals(1, runner("").runFile(write("float.py", "raise SystemExit(2.5)\n"), List.of()));
        assertEquals("2.5\n", stderr(), "only the float code is printed, as str(code)");
    }

    @Test
    void processExitSetsTheExitStatusInJavaScript() throws IOException {
        Path script = write("exits.js", "console.log(process.argv.slice(2).join(' '));\nprocess.exit(5);\n");
        assertEquals(5, runner("").runFile(script, List.of("a", "b")));
        assertEquals("a b\n", stdout());
    }

    @Test
    void aSandboxRefusalIsAPythonErrorAtTheScriptsLine() throws IOException {
        Path script = write("shell.py", "import os\nos.system('true')\n");
        assertEquals(1, runner("").runFile(script, List.of()));
        String err = stderr();
        assertTrue(err.contains("File \"" + script + "\", line 2, in <module>"), err);
        assertTrue(err.endsWith("PermissionError: [Errno 1] running other programs is not allowed in torchglot's sandbox\n"),
                err);
    }

    @Test
    void anUnknownExtensionIsAUsageError() throws IOException {
        Path notes = write("notes.txt", "hello\n");
        assertEquals(2, runner("").runFile(notes, List.of()));
        assertTrue(stderr().startsWith("torchglot: don't know how to run"), stderr());
    }

    @Test
    void aMissingScriptIsAUsageError() {
        assertEquals(2, runner("").runFile(directory.resolve("missing.py"), List.of()));
        assertTrue(stderr().startsWith("torchglot: can't open file"), stderr());
    }

    @Test
    void standardInputRunsAsAProgramNamedStdin() {
        assertEquals(1, runner("print(6 * 7)\nraise ValueError('bad')\n").runStdin(Language.PYTHON, "", List.of()));
        assertEquals("42\n", stdout());
        assertTrue(stderr().startsWith("Traceback (most recent call last):\n  File \"<stdin>\", line 2, in <module>\n"), stderr());
        assertTrue(stderr().endsWith("ValueError: bad\n"), stderr());
    }

    @Test
    void codeFromTheCommandLineRunsWithItsArguments() {
        assertEquals(0, runner("").runCode(Language.JS, "console.log(process.argv.slice(1).join(' '))", "-c", List.of("x")));
        assertEquals("-c x\n", stdout());
    }

    private ScriptRunner runner(String stdin) {
        return new ScriptRunner(print(out), print(err), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), false);
    }

    private Path write(String name, String code) throws IOException {
        return Files.writeString(directory.resolve(name), code);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String withoutCaretLines(String traceback) {
        return traceback.replaceAll("(?m)^ *[\\^~]+ *\n", "");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
