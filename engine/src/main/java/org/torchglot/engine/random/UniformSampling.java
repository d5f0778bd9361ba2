package org.torchglot.engine.random;

/**
 * libtorch's {@code uniform_real_distribution} and its {@code uniform_} kernel: a float takes the
 * low 24 bits of one 32-bit draw, a double the low 53 bits of a 64-bit draw, scaled to [0, 1) and
 * then mapped to [from, to) in the tensor's own precision.
 */
final class UniformSampling {
    private static final float FLOAT_DIVISOR = 1.0f / (1 << 24);
    private static final double DOUBLE_DIVISOR = 1.0 / (1L << 53);

    private UniformSampling() {
    }

    /** A float in [0, 1) from 32 random bits. */
    static float unitFloat(int bits) {
        return (bits & 0xFFFFFF) * FLOAT_DIVISOR;
    }

    /** A double in [0, 1) from 64 random bits. */
    static double unitDouble(long bits) {
        return (bits & ((1L << 53) - 1)) * DOUBLE_DIVISOR;
    }

    static void fill(Generator generator, float[] out, int offset, int length, double fromD, double toD) {
        float from = (float) fromD;
        float to = (float) toD;
        checkRange(from, to, to - from, Float.MAX_VALUE);
        float range = to - from;
        for (int i = offset; i < offset + length; i++) {
            // NOTE: GCC fuses libtorch's "x * (to - from) + from" into one FMA.
            out[i] = Math.fma(unitFloat(generator.nextInt()), range, from);
        }
    }

    static void fill(Generator generator, double[] out, int offset, int length, double from, double to) {
        checkRange(from, to, to - from, Double.MAX_VALUE);
        double range = to - from;
        for (int i = offset; i < offset + length; i++) {
            out[i] = Math.fma(unitDouble(generator.nextLong()), range, from);
        }
    }

    private static void checkRange(double from, double to, double range, double max) {
        if (!(from <= to)) {
            throw new IllegalArgumentException("uniform_ expects to return a [from, to) range, but found from="
                    + from + " > to=" + to);
        }
        if (!(range <= max)) {
            throw new IllegalArgumentException("uniform_ expects to-from <= std::numeric_limits<"
                    + (max == Float.MAX_VALUE ? "float" : "double") + ">::max(), but found to=" + to
                    + " and from=" + from + " which result in to-from to exceed the limit");
        }
    }
}
