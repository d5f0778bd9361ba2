package org.torchglot.repl;

import java.io.PrintStream;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;
import org.torchglot.bindings.ProgressDisplay;

/** Draws progress bars ({@code tqdm}) on the REPL's terminal: one line, redrawn in place. */
final class TerminalProgress implements ProgressDisplay.Sink {

    private final Terminal terminal;
    private final PrintStream guestOut;

    TerminalProgress(Terminal terminal, PrintStream guestOut) {
        this.terminal = terminal;
        this.guestOut = guestOut;
    }

    @Override
    public synchronized void show(String text) {
        guestOut.flush();
        terminal.puts(Capability.carriage_return);
        terminal.writer().print(fit(text));
        terminal.puts(Capability.clr_eol);
        terminal.flush();
    }

    @Override
    public synchronized void finish(String text) {
        show(text);
        if (!text.isEmpty()) {
            terminal.writer().println();
        }
        terminal.flush();
    }

    @Override
    public int width() {
        int width = terminal.getWidth();
        return width > 0 ? width : 80;
    }

    /** Cuts the line to the terminal's width, so redrawing never wraps. */
    private String fit(String text) {
        int room = width() - 1;
        return text.length() <= room ? text : text.substring(0, room);
    }
}
