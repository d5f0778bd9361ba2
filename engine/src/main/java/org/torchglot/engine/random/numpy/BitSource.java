package org.torchglot.engine.random.numpy;

/** numpy's {@code bitgen_t}: the raw draws every distribution is built from. */
interface BitSource {
    /** 32 random bits (an unsigned value in an int). */
    int nextUint32();

    /** 64 random bits (an unsigned value in a long). */
    long nextUint64();

    /** A double in [0, 1) with 53 random bits. */
    double nextDouble();
}
