package org.torchglot.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * The REPL in a real pseudo-terminal ({@code script} from util-linux runs it on one): typing,
 * tab completion, history recall, Ctrl-C during a long loop, errors and Ctrl-D. Every step waits
 * for what the screen shows under a timeout, so a hang fails the test instead of CI.
 */
@EnabledOnOs(OS.LINUX)
class PseudoTerminalReplTest {

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private String command;

    @TempDir
    Path home;

    @Test
    void completionHistoryAndCtrlCOnARealTerminal() throws Exception {
        Process process = start("js");
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

    /**
     * An R torch user's session: {@code $} everywhere (the REPL once froze on it), an {@code
     * nn_module} built and called, brackets and strings, Tab completion of a torch name and of a
     * member after {@code $}, a multi-line function, an error, Ctrl-C in a running loop with the
     * variables kept, history recall, and Ctrl-D.
     */
    @Test
    void anRTorchSessionOnARealTerminal() throws Exception {
        Process process = start("r");
        Thread reader = Thread.ofPlatform().daemon().start(() -> copy(process.getInputStream()));
        OutputStream keys = process.getOutputStream();
        try {
            int mark = await("r> ", 0);
            type(keys, "library(torch)\r");
            mark = await("r> ", mark);
            type(keys, "net <- nn_module(initialize = function() { self$fc1 <- nn_linear(2, 3) }, "
                    + "forward = function(x) self$fc1(x))\r");
            mark = await("r> ", mark);
            type(keys, "model <- net()\r");
            mark = await("r> ", mark);
            type(keys, "y <- model(torch_ones(1, 2)); y$shape\r");
            mark = await("r> ", await("[1] 1 3", mark));
            type(keys, "model$fc\t");
            mark = await("model$fc1", mark);
            type(keys, "$weight$shape\r");
            mark = await("r> ", await("[1] 3 2", mark));
            type(keys, "nn_re\t");
            mark = await("nn_relu", mark);
            type(keys, "()\r");
            mark = await("r> ", await("An `nn_module` containing 0 parameters.", mark));
            type(keys, "paste(\"a(\", 'b]', \"c$d\", \"[[\")\r");
            mark = await("r> ", await("[1] \"a( b] c$d [[\"", mark));
            type(keys, "twice <- function(x) {\r");
            mark = await("... ", mark);
            type(keys, "x * 2\r}\r");
            mark = await("r> ", mark);
            type(keys, "model(torch_ones(1, 5))\r");
            mark = await("r> ", await("mat1 and mat2 shapes cannot be multiplied (1x5 and 2x3)", mark));
            type(keys, "twice(21)\r");
            mark = await("r> ", await("[1] 42", mark));
            type(keys, "i <- 0; cat(\"looping\\n\"); while (TRUE) i <- i + 1\r");
            mark = await("looping", mark);
            type(keys, "\u0003");
            mark = await("r> ", mark);
            type(keys, "i > 0 && exists(\"model\")\r");
            mark = await("r> ", await("[1] TRUE", mark));
            // NOTE: Ctrl-P is "previous history": three back is twice(21).
            type(keys, "\u0010\u0010\u0010\r");
            mark = await("r> ", await("[1] 42", mark));
            type(keys, "\u0004");
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), screen());
            assertEquals(0, process.exitValue(), screen());
        } finally {
            process.destroyForcibly();
            reader.join(2000);
        }
        assertFalse(screen().contains("internal error"), screen());
        String history = Files.readString(home.resolve(".torchglot/history/r"));
        assertTrue(history.contains("self$fc1 <- nn_linear(2, 3)") && history.contains("twice(21)"), history);
    }

    private Process start(String language) throws IOException {
        command = shellCommand(language);
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", command, "/dev/null").redirectErrorStream(true);
        builder.environment().put("TERM", "xterm-256color");
        return builder.start();
    }

    /** The test JVM's own java command, class path and JIT flags, with a throwaway home for the history. */
    private String shellCommand(String language) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Duser.home=" + home,
                "--enable-native-access=ALL-UNNAMED,org.graalvm.truffle", "--sun-misc-unsafe-memory-access=allow",
                "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                "--upgrade-module-path=" + System.getProperty("jdk.module.upgrade.path"),
                "--module-path=" + System.getProperty("jdk.module.path"), "--add-modules=ALL-MODULE-PATH",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--lang", language));
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
