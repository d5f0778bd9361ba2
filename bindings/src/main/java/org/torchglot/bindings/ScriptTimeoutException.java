package org.torchglot.bindings;

import java.time.Duration;
import org.graalvm.polyglot.PolyglotException;

/**
 * Thrown by {@link TorchglotContext#eval} when a script runs past the context's {@linkplain
 * TorchglotContext.Builder#timeLimit time limit}; the message reads {@code script exceeded the
 * time limit of 2s}. The host keeps running; see {@link #contextClosed()} for the context.
 */
public final class ScriptTimeoutException extends RuntimeException {
    private final transient Duration limit;
    private final boolean contextClosed;

    ScriptTimeoutException(Duration limit, boolean contextClosed, PolyglotException cause) {
        super("script exceeded the time limit of " + format(limit), cause);
        this.limit = limit;
        this.contextClosed = contextClosed;
    }

    /** The limit that was exceeded. */
    public Duration limit() {
        return limit;
    }

    /**
     * Whether the script had to be cancelled, which closes its context (GraalPy does not always
     * stop for an interrupt); otherwise the script was interrupted and the context remains usable.
     */
    public boolean contextClosed() {
        return contextClosed;
    }

    /** {@code 2s}, {@code 1.5s} or {@code 250ms}. */
    static String format(Duration limit) {
        long millis = limit.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
