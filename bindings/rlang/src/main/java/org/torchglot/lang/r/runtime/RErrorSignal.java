package org.torchglot.lang.r.runtime;

/**
 * An R error raised by runtime code that has no node at hand; the nearest node turns it into an {@link RError}
 * with its own call text and source location.
 */
public final class RErrorSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean withCall;

    public RErrorSignal(String message) {
        this(message, true);
    }

    public RErrorSignal(String message, boolean withCall) {
        super(message, null, false, false);
        this.withCall = withCall;
    }

    /** False for errors R reports without a call ({@code Error: object 'x' not found} at top level). */
    public boolean withCall() {
        return withCall;
    }
}
