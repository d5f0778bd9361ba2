package org.torchglot.lang.r.runtime;

/** The value bound to {@code ...} in a function environment: the extra arguments (promises) with their names. */
public record RDots(Object[] values, String[] names) {
    public static final RDots EMPTY = new RDots(new Object[0], new String[0]);

    public int length() {
        return values.length;
    }
}
