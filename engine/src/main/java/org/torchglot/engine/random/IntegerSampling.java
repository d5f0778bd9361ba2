package org.torchglot.engine.random;

/** libtorch's integer samplers: {@code random_(from, to)} (behind {@code randint}) and CPU {@code randperm}. */
final class IntegerSampling {
    private static final long TWO_POW_32 = 1L << 32;

    private IntegerSampling() {
    }

    /** {@code uniform_int_from_to_distribution<int64_t>}: {@code (bits % range) + low}. */
    static void randint(Generator generator, long low, long high, long[] out) {
        if (low >= high) {
            throw new IllegalArgumentException("random_ expects 'from' to be less than 'to', but got from="
                    + low + " >= to=" + high);
        }
        long range = high - low;
        // NOTE: a range of 2^32 or more takes a 64-bit draw (two engine steps), a smaller one 32 bits.
        boolean wide = Long.compareUnsigned(range, TWO_POW_32) >= 0;
        for (int i = 0; i < out.length; i++) {
            long bits = wide ? generator.nextLong() : Integer.toUnsignedLong(generator.nextInt());
            out[i] = Long.remainderUnsigned(bits, range) + low;
        }
    }

    /** {@code randperm_cpu}: a forward Fisher-Yates shuffle of 0..n-1 with 32-bit draws. */
    static long[] randperm(Generator generator, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be non-negative, got" + n);
        }
        long[] result = new long[n];
        for (int i = 0; i < n; i++) {
            result[i] = i;
        }
        for (int i = 0; i < n - 1; i++) {
            int z = (int) (Integer.toUnsignedLong(generator.nextInt()) % (n - i));
            long saved = result[i];
            result[i] = result[z + i];
            result[z + i] = saved;
        }
        return result;
    }
}
