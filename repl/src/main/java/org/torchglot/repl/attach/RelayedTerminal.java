package org.torchglot.repl.attach;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Size;
import org.jline.terminal.impl.LineDisciplineTerminal;

/**
 * The JLine terminal a REPL in the warm server draws on: a line discipline (echo, Ctrl-C as SIGINT,
 * CR/LF translation, as the kernel's tty driver would do) between the client's keystrokes, fed in by
 * {@link #type}, and its screen, {@code screen}.
 */
final class RelayedTerminal extends LineDisciplineTerminal {

    /** The largest number of columns or rows taken from a client; a larger (or negative) size is clamped. */
    static final int MAX_EXTENT = 10_000;

    RelayedTerminal(String type, OutputStream screen, int columns, int rows) throws IOException {
        super("torchglot-relayed", type, screen, StandardCharsets.UTF_8);
        setSize(size(columns, rows));
    }

    /** Keys typed on the client's terminal. */
    void type(byte[] keys) throws IOException {
        processInputBytes(keys);
    }

    /** The client's window changed size: the REPL redraws for it, as on SIGWINCH. */
    void resize(int columns, int rows) {
        setSize(size(columns, rows));
        raise(Signal.WINCH);
    }

    /**
     * The size JLine draws for. NOTE: the client reports what stty says (0 x 0 on a terminal without a size, which
     * JLine handles as a direct REPL would); anything past {@link #MAX_EXTENT} would only make the REPL's redraws huge.
     */
    private static Size size(int columns, int rows) {
        return new Size(Math.clamp(columns, 0, MAX_EXTENT), Math.clamp(rows, 0, MAX_EXTENT));
    }

    /**
     * Shows {@code ^C} for Ctrl-C at once, as a tty's echo does before the signal arrives. NOTE: the line
     * discipline writes it unflushed, so without this it came out after the REPL's {@code KeyboardInterrupt}.
     */
    @Override
    protected void echoSignal(Signal signal) {
        super.echoSignal(signal);
        writer().flush();
    }

    /** No more keys will come (the client hung up or went away): reads see the end of input, as at Ctrl-D. */
    void endInput() throws IOException {
        slaveInputPipe.close();
    }
}
