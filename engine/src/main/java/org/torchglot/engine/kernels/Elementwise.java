package org.torchglot.engine.kernels;

/**
 * Element-wise loops over raw arrays: one plain counted loop per op, with no call per element, so
 * they stay fast when only C1 compiles them. An operand advances by {@code step} per element: 1
 * walks its array, 0 repeats one value (a scalar).
 *
 * <p>The float loops compute in float. That gives the same bits as computing in double and rounding,
 * which the general path does: a sum, difference, product or quotient of two floats, rounded once to
 * double and then to float, is the correctly rounded float result.
 */
public final class Elementwise {
    /** Zeros to copy from: System.arraycopy is a vectorised stub even under C1. */
    private static final int ZERO_CHUNK = 2048;
    private static final float[] FLOAT_ZEROS = new float[ZERO_CHUNK];
    private static final double[] DOUBLE_ZEROS = new double[ZERO_CHUNK];
    private static final long[] LONG_ZEROS = new long[ZERO_CHUNK];

    private Elementwise() {
    }

    /**
     * Sets {@code n} elements from {@code from} to +0.
     * NOTE: under C1 alone (as the launcher runs) {@code Arrays.fill} stays a plain loop, 12x slower.
     */
    public static void zero(float[] a, int from, int n) {
        for (int done = 0; done < n; done += ZERO_CHUNK) {
            System.arraycopy(FLOAT_ZEROS, 0, a, from + done, Math.min(ZERO_CHUNK, n - done));
        }
    }

    /** The float64 twin of {@link #zero(float[], int, int)}. */
    public static void zero(double[] a, int from, int n) {
        for (int done = 0; done < n; done += ZERO_CHUNK) {
            System.arraycopy(DOUBLE_ZEROS, 0, a, from + done, Math.min(ZERO_CHUNK, n - done));
        }
    }

    /** The int64 twin of {@link #zero(float[], int, int)}. */
    public static void zero(long[] a, int from, int n) {
        for (int done = 0; done < n; done += ZERO_CHUNK) {
            System.arraycopy(LONG_ZEROS, 0, a, from + done, Math.min(ZERO_CHUNK, n - done));
        }
    }

    /** The four arithmetic operators. */
    public enum Arith {
        ADD, SUB, MUL, DIV
    }

    /** {@code out[i] = x[i] op y[i]} for {@code i < n}. */
    public static void apply(Arith op, float[] x, int xOff, int xStep, float[] y, int yOff, int yStep, float[] out,
            int outOff, int n) {
        int xi = xOff;
        int yi = yOff;
        int end = outOff + n;
        switch (op) {
            case ADD -> {
                for (int o = outOff; o < end; o++, xi += xStep, yi += yStep) {
                    out[o] = x[xi] + y[yi];
                }
            }
            case SUB -> {
                for (int o = outOff; o < end; o++, xi += xStep, yi += yStep) {
                    out[o] = x[xi] - y[yi];
                }
            }
            case MUL -> {
                for (int o = outOff; o < end; o++, xi += xStep, yi += yStep) {
                    out[o] = x[xi] * y[yi];
                }
            }
            case DIV -> {
                for (int o = outOff; o < end; o++, xi += xStep, yi += yStep) {
                    out[o] = x[xi] / y[yi];
                }
            }
        }
    }

    /** The float64 twin of {@link #apply(Arith, float[], int, int, float[], int, int, float[], int, int)}. */
    public static void apply(Arith op, double[] x, int xOff, int xStep, double[] y, int yOff, int yStep, double[] out,
            int outOff, int n) {
        int xi = xOff;
        int yi = yOff;
        int end = outOff + n;
        switch (op) {
            case ADD -> {
                for (int o = outOff; o < end; o++, xi += xStep, yi += yStep) {
                    out[o] = x[xi] + y[yi];
                }
            }
            case SUB -> {
                for (int o = outOff; o < end; o++, xi += xStep, yi += yStep) {
                    out[o] = x[xi] - y[yi];
                }
            }
            case MUL -> {
                for (int o = outOff; o < end; o++, xi += xStep, yi += yStep) {
                    out[o] = x[xi] * y[yi];
                }
            }
            case DIV -> {
                for (int o = outOff; o < end; o++, xi += xStep, yi += yStep) {
                    out[o] = x[xi] / y[yi];
                }
            }
        }
    }

    /** {@code out[i] = x[i] + alpha * y[i]} with one rounding, as libtorch's vectorised float add with alpha. */
    public static void addScaled(float alpha, float[] x, int xOff, int xStep, float[] y, int yOff, int yStep,
            float[] out, int outOff, int n) {
        int xi = xOff;
        int yi = yOff;
        for (int o = outOff, end = outOff + n; o < end; o++, xi += xStep, yi += yStep) {
            out[o] = Math.fma(alpha, y[yi], x[xi]);
        }
    }

    /** {@code out[i] = x[i] + alpha * y[i]}, the product and the sum each rounded, as libtorch's double add. */
    public static void addScaled(double alpha, double[] x, int xOff, int xStep, double[] y, int yOff, int yStep,
            double[] out, int outOff, int n) {
        int xi = xOff;
        int yi = yOff;
        for (int o = outOff, end = outOff + n; o < end; o++, xi += xStep, yi += yStep) {
            out[o] = x[xi] + alpha * y[yi];
        }
    }

    /** Unary functions with whole-array loops; each equals its double formula rounded to the dtype. */
    public enum UnaryKernel {
        NEG, RELU, SIGMOID, TANH, EXP, SIN, COS;

        /** {@code out[i] = f(x[i])} for {@code i < n}. */
        public void apply(float[] x, int xOff, float[] out, int n) {
            switch (this) {
                case NEG -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = -x[xOff + i];
                    }
                }
                case RELU -> {
                    for (int i = 0; i < n; i++) {
                        int bits = Float.floatToRawIntBits(x[xOff + i]);
                        out[i] = Float.intBitsToFloat(bits & ~negativeMask(bits));
                    }
                }
                case SIGMOID -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = (float) (1.0 / (1.0 + Math.exp(-(double) x[xOff + i])));
                    }
                }
                case TANH -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = (float) Math.tanh(x[xOff + i]);
                    }
                }
                case EXP -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = (float) Math.exp(x[xOff + i]);
                    }
                }
                case SIN -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = SleefTrig.sin(x[xOff + i]);
                    }
                }
                case COS -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = SleefTrig.cos(x[xOff + i]);
                    }
                }
            }
        }

        /** The float64 twin of {@link #apply(float[], int, float[], int)}. */
        public void apply(double[] x, int xOff, double[] out, int n) {
            switch (this) {
                case NEG -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = -x[xOff + i];
                    }
                }
                case RELU -> {
                    for (int i = 0; i < n; i++) {
                        long bits = Double.doubleToRawLongBits(x[xOff + i]);
                        out[i] = Double.longBitsToDouble(bits & ~negativeMask(bits));
                    }
                }
                case SIGMOID -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = 1.0 / (1.0 + Math.exp(-x[xOff + i]));
                    }
                }
                case TANH -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = Math.tanh(x[xOff + i]);
                    }
                }
                case EXP -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = Math.exp(x[xOff + i]);
                    }
                }
                case SIN -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = Math.sin(x[xOff + i]);
                    }
                }
                case COS -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = Math.cos(x[xOff + i]);
                    }
                }
            }
        }
    }

    /**
     * ReLU's backward as PyTorch's {@code threshold_backward}: {@code out[i] = r[i] <= 0 ? +0 : g[i]}, from
     * the gradient and ReLU's result (a NaN result passes the gradient on).
     */
    public static void reluBackward(float[] g, int gOff, float[] r, int rOff, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            int gBits = Float.floatToRawIntBits(g[gOff + i]);
            out[i] = Float.intBitsToFloat(gBits & positiveOrNanMask(Float.floatToRawIntBits(r[rOff + i])));
        }
    }

    /** The float64 twin of {@link #reluBackward(float[], int, float[], int, float[], int)}. */
    public static void reluBackward(double[] g, int gOff, double[] r, int rOff, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            long gBits = Double.doubleToRawLongBits(g[gOff + i]);
            out[i] = Double.longBitsToDouble(gBits & positiveOrNanMask(Double.doubleToRawLongBits(r[rOff + i])));
        }
    }

    // NOTE: the masks are branch-free on purpose: {@code v < 0 ? 0 : v} mispredicts half the time on
    // random signs, which made ReLU four times slower than an add. A float's magnitude bits order like
    // its absolute value, with NaNs above infinity; "(a | b) >> 31" is all ones when a or b is negative.

    /** All ones when the float with these bits is {@code < 0} (not -0, not NaN), else 0: what ReLU zeroes. */
    private static int negativeMask(int bits) {
        int magnitude = bits & Integer.MAX_VALUE;
        int nonzeroNumber = ~(((magnitude - 1) | (0x7f800000 - magnitude)) >> 31);
        return (bits >> 31) & nonzeroNumber;
    }

    /** All ones when the float with these bits is {@code > 0} or NaN, else 0: where ReLU passes gradient. */
    private static int positiveOrNanMask(int bits) {
        int magnitude = bits & Integer.MAX_VALUE;
        int nonzero = ~((magnitude - 1) >> 31);
        int nan = (0x7f800000 - magnitude) >> 31;
        return (~(bits >> 31) & nonzero) | nan;
    }

    /** The float64 twin of {@link #negativeMask(int)}. */
    private static long negativeMask(long bits) {
        long magnitude = bits & Long.MAX_VALUE;
        long nonzeroNumber = ~(((magnitude - 1) | (0x7ff0000000000000L - magnitude)) >> 63);
        return (bits >> 63) & nonzeroNumber;
    }

    /** The float64 twin of {@link #positiveOrNanMask(int)}. */
    private static long positiveOrNanMask(long bits) {
        long magnitude = bits & Long.MAX_VALUE;
        long nonzero = ~((magnitude - 1) >> 63);
        long nan = (0x7ff0000000000000L - magnitude) >> 63;
        return (~(bits >> 63) & nonzero) | nan;
    }
}
