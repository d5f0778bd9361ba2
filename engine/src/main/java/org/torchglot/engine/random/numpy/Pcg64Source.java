package org.torchglot.engine.random.numpy;

/**
 * numpy's PCG64 bit generator (the default of {@code np.random.default_rng}): a 128-bit LCG with PCG's XSL-RR output,
 * seeded from four 64-bit words of a {@link SeedSequence}. A 32-bit draw uses half of a 64-bit one and keeps the
 * other half for the next 32-bit draw, as numpy's {@code pcg64_next32} does.
 */
final class Pcg64Source implements BitSource {
    private static final long MULTIPLIER_HIGH = 2549297995355413924L;
    private static final long MULTIPLIER_LOW = 4865540595714422341L;

    private long stateHigh;
    private long stateLow;
    private final long incHigh;
    private final long incLow;
    private boolean hasUint32;
    private int uinteger;

    /** {@code pcg64_set_seed} with seed = words[0]:words[1] and sequence = words[2]:words[3]. */
    Pcg64Source(long[] words) {
        incHigh = words[2] << 1 | words[3] >>> 63;
        incLow = words[3] << 1 | 1L;
        stateHigh = 0;
        stateLow = 0;
        step();
        long low = stateLow + words[1];
        stateHigh = stateHigh + words[0] + (Long.compareUnsigned(low, stateLow) < 0 ? 1 : 0);
        stateLow = low;
        step();
    }

    private void step() {
        long productLow = stateLow * MULTIPLIER_LOW;
        long productHigh = Math.unsignedMultiplyHigh(stateLow, MULTIPLIER_LOW) + stateHigh * MULTIPLIER_LOW
                + stateLow * MULTIPLIER_HIGH;
        long low = productLow + incLow;
        stateHigh = productHigh + incHigh + (Long.compareUnsigned(low, productLow) < 0 ? 1 : 0);
        stateLow = low;
    }

    @Override
    public long nextUint64() {
        step();
        return Long.rotateRight(stateHigh ^ stateLow, (int) (stateHigh >>> 58));
    }

    @Override
    public int nextUint32() {
        if (hasUint32) {
            hasUint32 = false;
            return uinteger;
        }
        long next = nextUint64();
        hasUint32 = true;
        uinteger = (int) (next >>> 32);
        return (int) next;
    }

    @Override
    public double nextDouble() {
        return (nextUint64() >>> 11) * (1.0 / 9007199254740992.0);
    }
}
