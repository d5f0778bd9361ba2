package org.torchglot.bindings;

/**
 * Where progress bars ({@code tqdm} in Python) draw: an interactive front end such as the REPL
 * installs a {@link Sink} that redraws one line on its terminal; without one, guests print plainly.
 */
public final class ProgressDisplay {

    /** A terminal line that a progress bar redraws in place. */
    public interface Sink {
        /** Redraws the bar's line with {@code text}. */
        void show(String text);

        /** Draws {@code text} a last time and moves to the next line. */
        void finish(String text);

        /** The terminal's width in columns. */
        int width();
    }

    private static volatile Sink sink;

    private ProgressDisplay() {
    }

    /** Installs the terminal sink of an interactive session, or removes it with {@code null}. */
    public static void install(Sink terminalSink) {
        sink = terminalSink;
    }

    /** Whether bars draw on an interactive terminal (otherwise guests print plainly). */
    public static boolean isInteractive() {
        return sink != null;
    }

    /** The terminal's width, or 80 when there is no terminal. */
    public static int width() {
        Sink current = sink;
        return current == null ? 80 : current.width();
    }

    /** Redraws the bar; ignored without a terminal. */
    public static void show(String text) {
        Sink current = sink;
        if (current != null) {
            current.show(text);
        }
    }

    /** Draws the final bar and ends its line; ignored without a terminal. */
    public static void finish(String text) {
        Sink current = sink;
        if (current != null) {
            current.finish(text);
        }
    }
}
