package org.torchglot.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL in a real pseudo-terminal ({@code script} from util-linux runs it on one): tab
 * completion, history recall with the up arrow, and Ctrl-C during a long loop.
 */
@EnabledOnOs(OS.LINUX)
class PseudoTerminalReplTest {

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private String command;

    @TempDir
    Path home;

    @Test
    void completionHistoryAndCtrlCOnARealTerminal() throws Exception {
        command = shellCommand();
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", command, "/dev/null").redirectErrorStream(true);
        builder.environment().put("TERM", "xterm-256color");
        Process process = builder.start();
        Thread reader = Thread.ofPlatform().daemon().start(() -> copy(process.getInputStream()));
        OutputStream keys = process.getOutputStream();
        try {
            await("js>", 0);
            type(keys, "let net = { hidden: 4, forward(x) { return x } }\r");
            int mark = await("js>", screen().lastIndexOf("net = {"));
            type(keys, "net.hid\t");
            mark = await("net.hidden", mark);
            type(keys, "\r");
            mark = await("4", mark);
            type(keys, "let n = 0; while (true) { n++ }\r");
            Thread.sleep(1500);
            type(keys, "\u0003");
            mark = await("Script execution interrupted.", mark);
            type(keys, "n > 0\r");
            mark = await("js> ", await("true", mark));
            // NOTE: keys go in only at a prompt (typed during an evaluation the tty echoes them raw); Ctrl-P is "previous history".
            type(keys, "\u0010\u0010\u0010\r");
            mark = await("js> ", await("4", mark));
            type(keys, "\u0004");
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), screen());
            assertEquals(0, process.exitValue(), screen());
        } finally {
            process.destroyForcibly();
            reader.join(2000);
        }
        String history = Files.readString(home.resolve(".torchglot/history/js"));
        assertTrue(history.contains("net.hidden") && history.contains("n > 0"), history);
    }

    /** The test JVM's own java command, class path and JIT flags, with a throwaway home for the history. */
    private String shellCommand() {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Duser.home=" + home,
                "--enable-native-access=ALL-UNNAMED,org.graalvm.truffle", "--sun-misc-unsafe-memory-access=allow",
                "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                "--upgrade-module-path=" + System.getProperty("jdk.module.upgrade.path"),
                "--module-path=" + System.getProperty("jdk.module.path"), "--add-modules=ALL-MODULE-PATH",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--lang", "js"));
        // NOTE: script's pty has no size when its own input is a pipe; JLine needs one to draw the prompt.
        return "stty cols 120 rows 40; exec " + String.join(" ", command.stream().map(arg -> "'" + arg.replace("'", "'\\''") + "'").toList());
    }

    private int await(String text, int from) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            int index = screen().indexOf(text, Math.max(0, from));
            if (index >= 0) {
                return index + text.length();
            }
            Thread.sleep(25);
        }
        throw new AssertionError("timed out waiting for " + text + " from " + command + " in:\n" + screen());
    }

    private String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    private void copy(InputStream in) {
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (screen) {
                    screen.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // NOTE: the stream closes when the process ends.
        }
    }

    private static void type(OutputStream keys, String text) throws IOException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }
}
