package org.torchglot.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How scripts end: their files written, their exit status, Ctrl-C, and files CPython would refuse to run. */
class ScriptEndingTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void pythonFilesLeftOpenAreFlushedWhenTheScriptEndsOrExits() throws IOException {
        assertEquals(0, run("open_files.py", """
                open("u.txt", "w").write("data")
                kept = open("v.txt", "a")
                kept.write("more")
                """));
        assertEquals("data", Files.readString(directory.resolve("u.txt")));
        assertEquals("more", Files.readString(directory.resolve("v.txt")));

        assertEquals(3, run("exits.py", "import sys\nopen('w.txt', 'w').write('exit')\nsys.exit(3)\n"));
        assertEquals("exit", Files.readString(directory.resolve("w.txt")));
    }

    @Test
    void rQuitEndsTheScriptWithItsStatusAfterLast() throws IOException {
        assertEquals(7, run("quits.R", """
                .Last <- function() cat("last\\n")
                cat("before\\n")
                quit(save = "no", status = 7, runLast = TRUE)
                cat("after\\n")
                """));
        assertEquals("before\nlast\n", stdout());
        assertEquals(0, run("q.R", "q()\ncat('after\\n')\n"));
        assertEquals(4, run("q_status.R", ".Last <- function() cat('last')\nq(status = 4, runLast = FALSE)\n"));
        assertEquals("", stdout());
    }

    @Test
    void rWriteLinesAndCatWriteFilesInsideTheSandboxOnly() throws IOException {
        assertEquals(0, run("writes.R", """
                writeLines(c("a", "b"), "lines.txt")
                writeLines("c", con = "con.txt", sep = "")
                cat("x", 1, "\\n", file = "cat.txt")
                cat("y\\n", file = "cat.txt", append = TRUE)
                """));
        assertEquals("", stdout());
        assertEquals("a\nb\n", Files.readString(directory.resolve("lines.txt")));
        assertEquals("c", Files.readString(directory.resolve("con.txt")));
        assertEquals("x 1 \ny\n", Files.readString(directory.resolve("cat.txt")));

        Path outside = directory.getParent().resolve(directory.getFileName() + "-escape.txt");
        assertEquals(1, run("escapes.R", "writeLines('no', '" + outside + "')\n"));
        assertFalse(Files.exists(outside));
        assertTrue(stderr().contains("cannot open file '" + outside + "': Permission denied"), stderr());
    }

    @Test
    void aPythonFileThatIsNotUtf8AndDeclaresNoEncodingIsASyntaxError() throws IOException {
        byte[] latin1 = "print('ran')\nname = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1);
        Path script = Files.write(directory.resolve("latin1.py"), latin1);
        assertEquals(1, runner().runFile(script, List.of()));
        assertEquals("", stdout());
        assertTrue(stderr().endsWith("SyntaxError: Non-UTF-8 code starting with '\\xe9' in file " + script
                + " on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n"), stderr());

        byte[] declared = "# -*- coding: latin-1 -*-\nprint('caf\u00e9')\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(0, runner().runFile(Files.write(directory.resolve("declared.py"), declared), List.of()));
        assertEquals("caf\u00e9\n", stdout());
    }

    /**
     * Ctrl-C, sent to the process group as a terminal does, stops a script that the attach client runs in a JVM of
     * its own (here: the socket directory is refused) with status 130, whatever the language.
     */
    @Test
    void ctrlCStopsAPythonScriptTheAttachClientRunsItselfWithStatus130() throws Exception {
        assertCtrlCStops("loop.py", "print('started', flush=True)\nwhile True:\n    pass\n");
    }

    @Test
    void ctrlCStopsAnRScriptTheAttachClientRunsItselfWithStatus130() throws Exception {
        assertCtrlCStops("loop.R", "cat('started\\n')\ni <- 0\nrepeat { i <- i + 1 }\n");
    }

    private void assertCtrlCStops(String name, String code) throws Exception {
        Files.writeString(directory.resolve(name), code);
        Path shared = Files.createDirectory(directory.resolve("run"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        List<String> command = new ArrayList<>(List.of("setsid", "env", "--default-signal=INT",
                java(), "-cp", System.getProperty("java.class.path"), "org.torchglot.repl.attach.AttachClient",
                shared.resolve("x.sock").toString(), "1", "false"));
        command.addAll(directJvm());
        command.addAll(List.of(Main.class.getName(), name));
        Process client = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        try {
            InputStream output = client.getInputStream();
            String started = new String(output.readNBytes("started\n".length()), StandardCharsets.UTF_8);
            assertEquals("started\n", started);
            Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + client.pid()).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(client.waitFor(30, TimeUnit.SECONDS), "Ctrl-C did not stop " + name);
            assertEquals(130, client.exitValue());
        } finally {
            new ProcessBuilder("kill", "-KILL", "--", "-" + client.pid()).start().waitFor();
        }
    }

    private int run(String name, String code) throws IOException {
        out.reset();
        err.reset();
        return runner().runFile(Files.writeString(directory.resolve(name), code), List.of());
    }

    private ScriptRunner runner() {
        out.reset();
        err.reset();
        return new ScriptRunner(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                InputStream.nullInputStream(), false, directory);
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The flags the launcher gives a direct run, from this test JVM's own module paths. */
    private static List<String> directJvm() {
        return List.of(java(), "--enable-native-access=ALL-UNNAMED,org.graalvm.truffle", "--sun-misc-unsafe-memory-access=allow",
                "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI", "-XX:TieredStopAtLevel=1",
                "--upgrade-module-path=" + System.getProperty("jdk.module.upgrade.path"),
                "--module-path=" + System.getProperty("jdk.module.path"), "--add-modules=ALL-MODULE-PATH",
                "-cp", System.getProperty("java.class.path"));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
