package org.torchglot.repl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs the real REPL ({@link Main} in a JVM of its own) on a real pseudo-terminal, as a user's
 * terminal would: {@code script} from util-linux gives it one. A transcript types keys and waits for
 * what the screen shows; every wait has a timeout, so a hang fails the test instead of hanging it.
 *
 * <pre>{@code
 * try (PseudoTerminal repl = PseudoTerminal.start(home, "--lang", "js")) {
 *     repl.await("js> ").type("1 + 1\r").await("2");
 *     repl.type("process.exit(2)\r").awaitExit(2);
 * }
 * }</pre>
 */
public final class PseudoTerminal implements AutoCloseable {

    /** The first prompt waits for the JVM and the language to start; a loaded CI machine is slow. */
    private static final Duration FIRST_STEP = Duration.ofSeconds(90);
    private static final Duration STEP = Duration.ofSeconds(30);
    /** Terminal control sequences: colours (CSI), titles (OSC), keypad and charset switches. */
    private static final Pattern CONTROL = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)|\u001B[()][0-9A-Za-z]|\u001B[=>]|\r");

    private final Process process;
    private final Thread reader;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final OutputStream keys;
    private final String arguments;
    private int mark;
    private boolean started;

    private PseudoTerminal(Process process, List<String> arguments) {
        this.process = process;
        this.arguments = String.join(" ", arguments);
        this.keys = process.getOutputStream();
        this.reader = Thread.ofPlatform().daemon().start(() -> copy(process.getInputStream()));
    }

    /** Starts {@code torchglot ARGS} on a pseudo-terminal of 120x40, with {@code home} as the user's home (history). */
    static PseudoTerminal start(Path home, String... args) throws IOException {
        List<String> command = new ArrayList<>(jvm(home, "-XX:TieredStopAtLevel=1"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return startShell("exec " + quote(command), String.join(" ", args));
    }

    /**
     * Starts a shell command on a pseudo-terminal of 120x40; {@code description} names it in failures. The
     * command's own output, e.g. {@code echo}, shows on the screen.
     */
    public static PseudoTerminal startShell(String command, String description) throws IOException {
        // NOTE: script's pty has no size when its own input is a pipe; JLine needs one to draw the prompt.
        ProcessBuilder builder = new ProcessBuilder("script", "-qfec", "stty cols 120 rows 40; " + command, "/dev/null")
                .redirectErrorStream(true);
        builder.environment().put("TERM", "xterm-256color");
        return new PseudoTerminal(builder.start(), List.of(description));
    }

    /**
     * The test JVM's own java command with its class path and module flags, {@code home} as the user's home, and
     * {@code flags}; the main class and its arguments follow.
     */
    public static List<String> jvm(Path home, String... flags) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Duser.home=" + home,
                "--enable-native-access=ALL-UNNAMED,org.graalvm.truffle", "--sun-misc-unsafe-memory-access=allow",
                "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI"));
        command.addAll(List.of(flags));
        command.addAll(List.of(
                "--upgrade-module-path=" + System.getProperty("jdk.module.upgrade.path"),
                "--module-path=" + System.getProperty("jdk.module.path"), "--add-modules=ALL-MODULE-PATH",
                "-cp", System.getProperty("java.class.path")));
        return command;
    }

    /** Words quoted for sh. */
    public static String quote(List<String> words) {
        return String.join(" ", words.stream().map(arg -> "'" + arg.replace("'", "'\\''") + "'").toList());
    }

    /** Stops the processes running on the terminal (not the terminal itself) with SIGTERM, as {@code kill} would. */
    public void terminateCommand() {
        process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .forEach(ProcessHandle::destroy);
    }

    /** Types keys: {@code "\r"} is Enter, {@code "\t"} Tab, {@code "\u0003"} Ctrl-C, {@code "\u0010"} Ctrl-P. */
    public PseudoTerminal type(String text) {
        try {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the REPL stopped reading keys:\n" + screen(), e);
        }
        return this;
    }

    /** Waits until {@code text} shows after what earlier waits consumed, and consumes it. */
    public PseudoTerminal await(String text) {
        Duration timeout = started ? STEP : FIRST_STEP;
        started = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            int index = screen().indexOf(text, mark);
            if (index >= 0) {
                mark = index + text.length();
                return this;
            }
            if (!process.isAlive() && screen().indexOf(text, mark) < 0) {
                throw new AssertionError("the REPL exited (status " + process.exitValue() + ") before showing "
                        + text + ":\n" + screen().substring(Math.min(mark, screen().length())) + "\nwhole screen:\n" + screen());
            }
            sleep(20);
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + text + " after:\n"
                + screen().substring(Math.min(mark, screen().length())) + "\nREPL arguments: " + arguments);
    }

    /** Waits for the next prompt that starts a line ({@code "py> "}). */
    public PseudoTerminal awaitPrompt(String prompt) {
        return await("\n" + prompt);
    }

    /** Waits for the REPL to exit and returns its status. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(STEP.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the REPL did not exit:\n" + screen());
        }
        reader.join(STEP.toMillis());
        return process.exitValue();
    }

    /** Everything shown so far, control sequences and carriage returns removed. */
    public String screen() {
        synchronized (output) {
            return CONTROL.matcher(output.toString(StandardCharsets.UTF_8)).replaceAll("");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        reader.join(STEP.toMillis());
    }

    private void copy(InputStream in) {
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (output) {
                    output.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // NOTE: the stream closes when the process ends.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
