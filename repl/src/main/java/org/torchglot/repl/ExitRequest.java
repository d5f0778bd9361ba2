package org.torchglot.repl;

/**
 * Guest code asked to leave the session with a status ({@code sys.exit(n)}, {@code exit()} in
 * Python): thrown by a {@link LanguageMode} whose language reports leaving as a value rather than
 * as a polyglot exit.
 */
final class ExitRequest extends RuntimeException {

    private final int status;

    ExitRequest(int status) {
        super("exit " + status, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
