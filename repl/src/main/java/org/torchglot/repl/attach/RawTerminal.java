package org.torchglot.repl.attach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client's own terminal while a REPL in the warm server owns it: raw (every key goes to the
 * server, which echoes, edits and handles Ctrl-C itself) until {@link #restore()}, which a shutdown
 * hook also runs, so a client stopped by a signal leaves the terminal as it found it.
 *
 * <p>NOTE: stty(1) rather than JLine: the client must stay a bare JVM that starts in tens of
 * milliseconds; one {@code sh} running three {@code stty} costs a few.
 */
final class RawTerminal {

    /** A terminal size. */
    record Size(int columns, int rows) {
    }

    private final String saved;
    private final Size initialSize;
    private final AtomicBoolean restored = new AtomicBoolean();

    private RawTerminal(String saved, Size initialSize) {
        this.saved = saved;
        this.initialSize = initialSize;
    }

    /** Saves the settings of the terminal on standard input and makes it raw, without echo. */
    static RawTerminal enter() throws IOException {
        List<String> lines = stty("stty -g && stty size && stty raw -echo");
        if (lines.size() < 2) {
            throw new IOException("stty could not read the terminal's settings");
        }
        RawTerminal terminal = new RawTerminal(lines.get(0).strip(), parseSize(lines.get(1)));
        Runtime.getRuntime().addShutdownHook(new Thread(terminal::restore, "torchglot-restore-terminal"));
        return terminal;
    }

    Size initialSize() {
        return initialSize;
    }

    /** The terminal's size now (after SIGWINCH). */
    Size currentSize() throws IOException {
        List<String> lines = stty("stty size");
        return lines.isEmpty() ? initialSize : parseSize(lines.get(0));
    }

    /** Puts back the settings saved by {@link #enter()}; once, whoever calls first. */
    void restore() {
        if (restored.compareAndSet(false, true)) {
            try {
                stty("stty " + saved);
            } catch (IOException e) {
                // NOTE: nothing more to try; the launcher restores the settings it saved once the client has exited.
            }
        }
    }

    private static Size parseSize(String line) throws IOException {
        String[] rowsColumns = line.strip().split("\\s+");
        try {
            return new Size(Integer.parseInt(rowsColumns[1]), Integer.parseInt(rowsColumns[0]));
        } catch (RuntimeException e) {
            throw new IOException("unexpected terminal size from stty: " + line, e);
        }
    }

    /** Runs a shell command on this process's terminal (standard input) and returns its output lines. */
    private static List<String> stty(String command) throws IOException {
        Process process = new ProcessBuilder("sh", "-c", command)
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException("stty failed: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running stty", e);
        }
        return output.lines().toList();
    }
}
