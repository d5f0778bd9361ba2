package org.torchglot.engine.random;

/**
 * One lane of libtorch's {@code avx_mathfun.h} ({@code log256_ps}, {@code sincos256_ps}): Cephes
 * single-precision log and sincos, the functions its AVX2 {@code randn} kernel calls. They are not
 * correctly rounded, so {@code Math.log}/{@code Math.sin} would not give PyTorch's bits.
 *
 * <p>NOTE: constants are written as libtorch writes them, double literals narrowed to float; the
 * multiply-adds marked {@code Math.fma} are the ones GCC fused when it compiled libtorch for AVX2
 * ({@code -mfma}, {@code -ffp-contract=fast}), found by matching real PyTorch output.
 */
final class CephesFloatMath {
    private static final float SQRT_HALF = (float) 0.707106781186547524;
    private static final float LOG_P0 = (float) 7.0376836292E-2;
    private static final float LOG_P1 = (float) -1.1514610310E-1;
    private static final float LOG_P2 = (float) 1.1676998740E-1;
    private static final float LOG_P3 = (float) -1.2420140846E-1;
    private static final float LOG_P4 = (float) 1.4249322787E-1;
    private static final float LOG_P5 = (float) -1.6668057665E-1;
    private static final float LOG_P6 = (float) 2.0000714765E-1;
    private static final float LOG_P7 = (float) -2.4999993993E-1;
    private static final float LOG_P8 = (float) 3.3333331174E-1;
    private static final float LOG_Q1 = (float) -2.12194440e-4;
    private static final float LOG_Q2 = (float) 0.693359375;

    private static final float MINUS_DP1 = (float) -0.78515625;
    private static final float MINUS_DP2 = (float) -2.4187564849853515625e-4;
    private static final float MINUS_DP3 = (float) -3.77489497744594108e-8;
    private static final float SIN_P0 = (float) -1.9515295891E-4;
    private static final float SIN_P1 = (float) 8.3321608736E-3;
    private static final float SIN_P2 = (float) -1.6666654611E-1;
    private static final float COS_P0 = (float) 2.443315711809948E-005;
    private static final float COS_P1 = (float) -1.388731625493765E-003;
    private static final float COS_P2 = (float) 4.166664568298827E-002;
    private static final float FOUR_OVER_PI = (float) 1.27323954473516;

    private static final int EXPONENT_MASK = 0x7f800000;
    private static final int SIGN_MASK = 0x80000000;

    private CephesFloatMath() {
    }

    /** {@code log256_ps} for one lane: natural log, NaN for {@code x <= 0}. */
    static float log(float x) {
        boolean invalid = x <= 0f;
        x = Math.max(x, Float.MIN_NORMAL);
        int bits = Float.floatToRawIntBits(x);
        float e = (float) ((bits >>> 23) - 0x7f) + 1f;
        x = Float.intBitsToFloat((bits & ~EXPONENT_MASK) | Float.floatToRawIntBits(0.5f));
        if (x < SQRT_HALF) {
            e -= 1f;
            x = (x - 1f) + x;
        } else {
            x = x - 1f;
        }
        float z = x * x;
        float y = Math.fma(LOG_P0, x, LOG_P1);
        y = Math.fma(y, x, LOG_P2);
        y = Math.fma(y, x, LOG_P3);
        y = Math.fma(y, x, LOG_P4);
        y = Math.fma(y, x, LOG_P5);
        y = Math.fma(y, x, LOG_P6);
        y = Math.fma(y, x, LOG_P7);
        y = Math.fma(y, x, LOG_P8);
        y = Math.fma(y * x, z, e * LOG_Q1);
        y = Math.fma(-z, 0.5f, y);
        x = x + y;
        x = Math.fma(e, LOG_Q2, x);
        return invalid ? Float.NaN : x;
    }

    /**
     * {@code sincos256_ps} for one lane, writing {@code sin} to {@code out[at]} and {@code cos} to
     * {@code out[at + 1]}.
     */
    static void sinCos(float x, float[] out, int at) {
        int signBitSin = Float.floatToRawIntBits(x) & SIGN_MASK;
        x = Math.abs(x);
        int j = (int) (x * FOUR_OVER_PI);
        j = (j + 1) & ~1;
        float y = (float) j;
        int swapSignSin = (j & 4) << 29;
        boolean sinPolynomial = (j & 2) == 0;

        x = Math.fma(y, MINUS_DP1, x);
        x = Math.fma(y, MINUS_DP2, x);
        x = Math.fma(y, MINUS_DP3, x);

        int signBitCos = (~(j - 2) & 4) << 29;
        signBitSin ^= swapSignSin;

        float z = x * x;
        float cosPoly = Math.fma(COS_P0, z, COS_P1);
        cosPoly = Math.fma(cosPoly, z, COS_P2);
        cosPoly = Math.fma(cosPoly * z, z, -(z * 0.5f));
        cosPoly = cosPoly + 1f;

        float sinPoly = Math.fma(SIN_P0, z, SIN_P1);
        sinPoly = Math.fma(sinPoly, z, SIN_P2);
        sinPoly = sinPoly * z;
        sinPoly = Math.fma(sinPoly, x, x);

        // NOTE: the AVX code selects by masking and adding +0.0f, which turns -0.0f into +0.0f.
        float sin = sinPolynomial ? 0f + sinPoly : cosPoly + 0f;
        float cos = sinPolynomial ? cosPoly + 0f : 0f + sinPoly;
        out[at] = Float.intBitsToFloat(Float.floatToRawIntBits(sin) ^ signBitSin);
        out[at + 1] = Float.intBitsToFloat(Float.floatToRawIntBits(cos) ^ signBitCos);
    }
}
