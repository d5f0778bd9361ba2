package org.torchglot.repl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.torchglot.bindings.Language;

/** Runs a {@link Repl} on a dumb JLine terminal over pipes: tests type into it and read what it printed. */
final class ReplDriver implements AutoCloseable {

    private final PipedOutputStream keyboard = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Terminal terminal;
    private final CompletableFuture<Integer> status;

    ReplDriver(Language language, Path historyDirectory) {
        try {
            PipedInputStream input = new PipedInputStream(keyboard, 1 << 16);
            terminal = new ExternalTerminal("test", Terminal.TYPE_DUMB, input, screen, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Repl repl = new Repl(terminal, new Repl.Settings(language, historyDirectory, false, java.util.List.of(), java.util.List.of(),
                java.nio.file.Path.of("").toAbsolutePath()));
        status = CompletableFuture.supplyAsync(repl::run);
    }

    /** Types text (include "\n" to press Enter). */
    ReplDriver type(String text) {
        try {
            keyboard.write(text.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Waits until the screen shows {@code text} after {@code from}; returns the index just past it. */
    int awaitText(String text, int from, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            int index = screen().indexOf(text, from);
            if (index >= 0) {
                return index + text.length();
            }
            sleep(20);
        }
        throw new AssertionError("timed out waiting for " + text + " in:\n" + screen());
    }

    /** Everything the REPL printed so far, line ends as "\n". */
    String screen() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\r", "");
        }
    }

    /** Closes the keyboard (Ctrl-D at the end of input) and waits for the REPL's exit status. */
    int finish() {
        try {
            keyboard.close();
            return status.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the REPL did not finish:\n" + screen(), e);
        }
    }

    @Override
    public void close() throws IOException {
        keyboard.close();
        terminal.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
