package org.torchglot.engine.tensor;

/**
 * One item of a Python-style index expression {@code x[0, 1:3, None, ..., mask]}. Bindings turn
 * their language's index syntax into these (R converts its 1-based indices first).
 */
public sealed interface Index {
    /** A single position; removes the dim. */
    record At(long position) implements Index {
    }

    /** {@code start:stop:step}, each bound optional (null), negative bounds counting from the end. */
    record Slice(Long start, Long stop, Long step) implements Index {
    }

    /** {@code None}: inserts a dim of size 1. */
    record NewAxis() implements Index {
    }

    /** {@code ...}: as many full slices as needed. */
    record Ellipsis() implements Index {
    }

    /** An int64 index tensor or a bool mask (advanced indexing, copies). */
    record Select(Tensor indices) implements Index {
    }

    static Index at(long position) {
        return new At(position);
    }

    static Index slice(Long start, Long stop, Long step) {
        return new Slice(start, stop, step);
    }

    static Index all() {
        return new Slice(null, null, null);
    }

    Index NEW_AXIS = new NewAxis();
    Index ELLIPSIS = new Ellipsis();

    static Index select(Tensor indices) {
        return new Select(indices);
    }
}
