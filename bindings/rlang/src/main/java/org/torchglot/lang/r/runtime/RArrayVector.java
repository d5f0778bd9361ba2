package org.torchglot.lang.r.runtime;

import java.lang.reflect.Array;

/**
 * A vector over one Java array ({@code double[]}, {@code int[]}, {@code String[]}, {@code Object[]}):
 * its storage, length and element copy, written once for every vector type.
 */
public abstract class RArrayVector<A> extends RVector {
    protected final A data;
    private final int length;

    protected RArrayVector(A data) {
        this.data = data;
        this.length = Array.getLength(data);
    }

    public final A data() {
        return data;
    }

    @Override
    public final int length() {
        return length;
    }

    /** Copies element {@code j} of {@code src}, a vector of this one's type. */
    @Override
    public final void setFrom(int i, RVector src, int j) {
        System.arraycopy(((RArrayVector<?>) src).data, j, data, i, 1);
    }
}
