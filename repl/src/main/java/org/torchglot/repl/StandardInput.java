package org.torchglot.repl;

/** Facts about this process's standard input; free of polyglot classes, so the attach client may use it. */
public final class StandardInput {

    private StandardInput() {
    }

    /** Whether standard input is a terminal (a REPL is wanted) rather than a pipe or file. */
    public static boolean isTerminal() {
        // NOTE: since JDK 22 System.console() exists even when input is piped; isTerminal() tells.
        return System.console() != null && System.console().isTerminal();
    }
}
