package org.torchglot.lang.r.runtime;

/**
 * R's default generators, bit for bit: Mersenne-Twister with R's {@code set.seed} scrambling, normal deviates by
 * inversion (Wichura's AS 241), and "Rejection" sampling for {@code sample()} (R >= 3.6).
 */
public final class RRandom {
    private static final int N = 624;
    private static final int M = 397;
    private static final double I2_32M1 = 2.328306437080797e-10;

    private final int[] mt = new int[N];
    private int mti = N + 1;

    public RRandom() {
        setSeed((int) (System.nanoTime() ^ System.currentTimeMillis()));
    }

    /** {@code set.seed(seed)}: R's initial scrambling, then the MT state from a linear congruential generator. */
    public void setSeed(int seed) {
        for (int j = 0; j < 50; j++) {
            seed = 69069 * seed + 1;
        }
        // NOTE: R fills 625 words (mti then mt[0..623]); the first, the position, is reset to N afterwards.
        seed = 69069 * seed + 1;
        for (int j = 0; j < N; j++) {
            seed = 69069 * seed + 1;
            mt[j] = seed;
        }
        mti = N;
    }

    private double genrand() {
        int y;
        if (mti >= N) {
            if (mti == N + 1) {
                sgenrand(4357);
            }
            int kk;
            for (kk = 0; kk < N - M; kk++) {
                y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
                mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            for (; kk < N - 1; kk++) {
                y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
                mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
            mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            mti = 0;
        }
        y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return (y & 0xffffffffL) * 2.3283064365386963e-10;
    }

    private void sgenrand(int seed) {
        for (int i = 0; i < N; i++) {
            mt[i] = seed & 0xffff0000;
            seed = 69069 * seed + 1;
            mt[i] |= (seed & 0xffff0000) >>> 16;
            seed = 69069 * seed + 1;
        }
        mti = N;
    }

    /** A uniform deviate in (0, 1). */
    public double unifRand() {
        double v = genrand();
        if (v <= 0.0) {
            return 0.5 * I2_32M1;
        }
        if (1.0 - v <= 0.0) {
            return 1.0 - 0.5 * I2_32M1;
        }
        return v;
    }

    /** A standard normal deviate by inversion, as R's default {@code normal.kind}. */
    public double normRand() {
        final double big = 134217728;
        double u = unifRand();
        u = (int) (big * u) + unifRand();
        return qnorm(u / big);
    }

    /** A uniform integer in [0, dn) by rejection sampling on random bits. */
    public double unifIndex(double dn) {
        if (dn <= 0) {
            return 0;
        }
        int bits = (int) Math.ceil(Math.log(dn) / Math.log(2));
        double dv;
        do {
            dv = rbits(bits);
        } while (dn <= dv);
        return dv;
    }

    private double rbits(int bits) {
        long v = 0;
        for (int n = 0; n <= bits; n += 16) {
            int v1 = (int) Math.floor(unifRand() * 65536);
            v = 65536 * v + v1;
        }
        return (double) (v & ((1L << bits) - 1));
    }

    /** The standard normal quantile function (AS 241, PPND16). */
    public static double qnorm(double p) {
        double q = p - 0.5;
        double r;
        double val;
        if (Math.abs(q) <= .425) {
            r = .180625 - q * q;
            val = q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r
                            + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r + 133.14166789178437745) * r
                            + 3.387132872796366608)
                            / (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r
                                            + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                                            + 42.313330701600911252) * r + 1.);
            return val;
        }
        r = q < 0 ? p : 1 - p;
        r = Math.sqrt(-Math.log(r));
        if (r <= 5.) {
            r += -1.6;
            val = (((((((r * 7.7454501427834140764e-4 + .0227238449892691845833) * r + .24178072517745061177) * r
                            + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r + 4.6303378461565452959) * r
                            + 1.42343711074968357734)
                            / (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + .0151986665636164571966) * r
                                            + .14810397642748007459) * r + .68976733498510000455) * r + 1.6763848301838038494) * r
                                            + 2.05319162663775882187) * r + 1.);
        } else {
            r += -5.;
            val = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + .0012426609473880784386) * r
                            + .026532189526576123093) * r + .29656057182850489123) * r + 1.7848265399172913358) * r + 5.4637849111641143699) * r
                            + 6.6579046435011037772)
                            / (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                                            + 7.868691311456132591e-4) * r + .0148753612908506148525) * r + .13692988092273580531) * r
                                            + .59983220655588793769) * r + 1.);
        }
        return q < 0.0 ? -val : val;
    }
}
