package org.torchglot.lang.r.runtime;

/** Marks a formal argument that the caller did not supply and that has no default, or an empty index ({@code x[, 1]}). */
public final class RMissing {
    public static final RMissing INSTANCE = new RMissing();

    private RMissing() {
    }

    @Override
    public String toString() {
        return "<missing>";
    }
}
