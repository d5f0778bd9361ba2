package org.torchglot.repl.attach;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import sun.misc.Signal;

/**
 * The client's half of a REPL run in the warm server: keystrokes and the window size go to the
 * server as they come, the REPL's screen output comes back, and the terminal is restored however the
 * session ends (the REPL's exit status, the server going away, this process being stopped).
 */
final class TerminalRelay {

    private final DataInputStream fromServer;
    private final DataOutputStream toServer;
    private final RawTerminal terminal;

    TerminalRelay(DataInputStream fromServer, DataOutputStream toServer, RawTerminal terminal) {
        this.fromServer = fromServer;
        this.toServer = toServer;
        this.terminal = terminal;
    }

    /** Relays until the REPL exits and returns its status; 1 with a message on {@code err} when the server is lost. */
    int run(InputStream keys, OutputStream screen, OutputStream err) {
        try {
            RawTerminal.Size size = terminal.initialSize();
            Frames.writeWindow(toServer, size.columns(), size.rows());
            Thread.ofPlatform().daemon().name("torchglot-keys").start(() -> sendKeys(keys));
            onWindowChange();
            while (true) {
                Frames.Frame frame = Frames.read(fromServer);
                switch (frame.type()) {
                    case Frames.OUT, Frames.ERR -> {
                        screen.write(frame.payload());
                        screen.flush();
                    }
                    case Frames.EXIT -> {
                        return frame.intPayload();
                    }
                    default -> throw new IOException("unexpected attach frame '" + (char) frame.type() + "'");
                }
            }
        } catch (IOException e) {
            terminal.restore();  // NOTE: first, so that the message shows on a terminal that turns newlines into new lines
            report(err, "\r\ntorchglot: lost the warm server during the session (" + describe(e)
                    + "); its variables are gone. Run torchglot again to start afresh.\n");
            return 1;
        } finally {
            terminal.restore();
        }
    }

    /** Sends every key as it is typed; the end of the terminal's input (a hang-up) is sent as an empty frame. */
    private void sendKeys(InputStream keys) {
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = keys.read(buffer)) > 0; ) {
                Frames.write(toServer, Frames.STDIN, buffer, 0, n);
            }
            Frames.write(toServer, Frames.STDIN, new byte[0]);
        } catch (IOException e) {
            // NOTE: the connection is gone; the relaying thread notices and reports it.
        }
    }

    /** Sends the new size when the window changes (SIGWINCH), so the REPL redraws for it. */
    private void onWindowChange() {
        try {
            Signal.handle(new Signal("WINCH"), signal -> {
                try {
                    RawTerminal.Size size = terminal.currentSize();
                    Frames.writeWindow(toServer, size.columns(), size.rows());
                } catch (IOException e) {
                    // NOTE: a failed size query keeps the old size; a failed send shows up in the relaying thread.
                }
            });
        } catch (IllegalArgumentException e) {
            // NOTE: no SIGWINCH on this platform: the REPL keeps the size it started with.
        }
    }

    private static String describe(IOException e) {
        if (e instanceof EOFException) {
            return "the connection ended";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void report(OutputStream err, String message) {
        try {
            err.write(message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            err.flush();
        } catch (IOException ignored) {
            // standard error is gone too; the exit status still tells
        }
    }
}
