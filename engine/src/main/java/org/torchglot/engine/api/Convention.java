package org.torchglot.engine.api;

/**
 * How a language numbers dims and positions. The op table converts {@code dim} and {@code index}
 * arguments and index results with it, so no language package carries per-op conversions.
 */
public enum Convention {
    /** Python and JavaScript: 0-based, negative counts from the end. */
    ZERO_BASED,
    /** R torch: 1-based, negative counts from the end ({@code -1} is the last). */
    ONE_BASED;

    /** The engine's 0-based (or negative) value of a user's dim or position. */
    public long toEngine(long userValue) {
        if (this == ONE_BASED && userValue > 0) {
            return userValue - 1;
        }
        if (this == ONE_BASED && userValue == 0) {
            throw org.torchglot.engine.tensor.TorchException.index(
                    "Indexing starts at 1 but found a 0.");
        }
        return userValue;
    }

    /** The user's value of an engine position. */
    public long fromEngine(long engineValue) {
        return this == ONE_BASED ? engineValue + 1 : engineValue;
    }
}
