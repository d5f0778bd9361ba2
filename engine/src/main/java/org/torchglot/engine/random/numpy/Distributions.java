package org.torchglot.engine.random.numpy;

import org.torchglot.engine.tensor.TorchException;

/**
 * numpy's sampling algorithms (numpy/random/src/distributions/distributions.c and, for the legacy
 * {@code RandomState}, legacy/legacy-distributions.c), step for step, so each draw consumes the same bits and rounds
 * the same way as numpy's C code.
 */
final class Distributions {
    private Distributions() {
    }

    // ---- bounded integers ---------------------------------------------------------------------

    /** The smallest all-ones bit mask covering {@code max}. */
    static long genMask(long max) {
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        mask |= mask >>> 32;
        return mask;
    }

    /** {@code random_interval}: a value in [0, max] by masked rejection (shuffles use it). */
    static long interval(BitSource bits, long max) {
        if (max == 0) {
            return 0;
        }
        long mask = genMask(max);
        long value;
        if (Long.compareUnsigned(max, 0xffffffffL) <= 0) {
            while ((value = Integer.toUnsignedLong(bits.nextUint32()) & mask) > max) {
                // rejected
            }
        } else {
            while (Long.compareUnsigned(value = bits.nextUint64() & mask, max) > 0) {
                // rejected
            }
        }
        return value;
    }

    /**
     * {@code random_bounded_uint64}: {@code off} plus a value in [0, rng], by masked rejection (the legacy
     * {@code randint}) or by Lemire's method ({@code Generator.integers}).
     */
    static long bounded(BitSource bits, long off, long rng, boolean masked) {
        if (rng == 0) {
            return off;
        }
        if (Long.compareUnsigned(rng, 0xffffffffL) <= 0) {
            if (rng == 0xffffffffL) {
                return off + Integer.toUnsignedLong(bits.nextUint32());
            }
            if (masked) {
                long mask = genMask(rng);
                long value;
                while ((value = Integer.toUnsignedLong(bits.nextUint32()) & mask) > rng) {
                    // rejected
                }
                return off + value;
            }
            return off + lemire32(bits, (int) rng);
        }
        if (rng == -1L) {
            return off + bits.nextUint64();
        }
        if (masked) {
            long mask = genMask(rng);
            long value;
            while (Long.compareUnsigned(value = bits.nextUint64() & mask, rng) > 0) {
                // rejected
            }
            return off + value;
        }
        return off + lemire64(bits, rng);
    }

    private static long lemire32(BitSource bits, int rng) {
        long rngExcl = Integer.toUnsignedLong(rng + 1);
        long m = Integer.toUnsignedLong(bits.nextUint32()) * rngExcl;
        long leftover = m & 0xffffffffL;
        if (leftover < rngExcl) {
            long threshold = Long.remainderUnsigned(0xffffffffL - Integer.toUnsignedLong(rng), rngExcl);
            while (leftover < threshold) {
                m = Integer.toUnsignedLong(bits.nextUint32()) * rngExcl;
                leftover = m & 0xffffffffL;
            }
        }
        return m >>> 32;
    }

    private static long lemire64(BitSource bits, long rng) {
        long rngExcl = rng + 1;
        long x = bits.nextUint64();
        long leftover = x * rngExcl;
        if (Long.compareUnsigned(leftover, rngExcl) < 0) {
            long threshold = Long.remainderUnsigned(-1L - rng, rngExcl);
            while (Long.compareUnsigned(leftover, threshold) < 0) {
                x = bits.nextUint64();
                leftover = x * rngExcl;
            }
        }
        return Math.unsignedMultiplyHigh(x, rngExcl);
    }

    /** Fisher-Yates as numpy's shuffles run it: the order a shuffle of {@code n} items puts them in. */
    static long[] shuffledOrder(BitSource bits, long n) {
        if (n < 0) {
            throw TorchException.value("negative dimensions are not allowed");
        }
        long[] order = new long[Samples.reserve(n)];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i >= 1; i--) {
            int j = (int) interval(bits, i);
            long tmp = order[j];
            order[j] = order[i];
            order[i] = tmp;
        }
        return order;
    }

    // ---- continuous ---------------------------------------------------------------------------

    /** {@code random_standard_normal}: the ziggurat of {@code Generator}. */
    static double standardNormal(BitSource bits) {
        for (;;) {
            long r = bits.nextUint64();
            int idx = (int) (r & 0xff);
            r >>>= 8;
            boolean negative = (r & 1) != 0;
            long rabs = (r >>> 1) & 0x000fffffffffffffL;
            double x = rabs * ZigguratTables.WI[idx];
            if (negative) {
                x = -x;
            }
            if (rabs < ZigguratTables.KI[idx]) {
                return x;
            }
            if (idx == 0) {
                for (;;) {
                    double xx = -ZigguratTables.NOR_INV_R * Math.log1p(-bits.nextDouble());
                    double yy = -Math.log1p(-bits.nextDouble());
                    if (yy + yy > xx * xx) {
                        return ((rabs >>> 8) & 1) != 0 ? -(ZigguratTables.NOR_R + xx) : ZigguratTables.NOR_R + xx;
                    }
                }
            }
            if ((ZigguratTables.FI[idx - 1] - ZigguratTables.FI[idx]) * bits.nextDouble() + ZigguratTables.FI[idx]
                    < Math.exp(-0.5 * x * x)) {
                return x;
            }
        }
    }

    /** {@code legacy_standard_exponential}: -log(1 - U). */
    static double legacyStandardExponential(BitSource bits) {
        return -Math.log(1.0 - bits.nextDouble());
    }

    /** {@code legacy_standard_gamma} (Marsaglia and Tsang above shape 1), drawing normals from {@code gauss}. */
    static double legacyStandardGamma(BitSource bits, java.util.function.DoubleSupplier gauss, double shape) {
        if (shape == 1.0) {
            return legacyStandardExponential(bits);
        }
        if (shape == 0.0) {
            return 0.0;
        }
        if (shape < 1.0) {
            for (;;) {
                double u = bits.nextDouble();
                double v = legacyStandardExponential(bits);
                if (u <= 1.0 - shape) {
                    double x = Math.pow(u, 1. / shape);
                    if (x <= v) {
                        return x;
                    }
                } else {
                    double y = -Math.log((1 - u) / shape);
                    double x = Math.pow(1.0 - shape + shape * y, 1. / shape);
                    if (x <= v + y) {
                        return x;
                    }
                }
            }
        }
        double b = shape - 1. / 3.;
        double c = 1. / Math.sqrt(9 * b);
        for (;;) {
            double x;
            double v;
            do {
                x = gauss.getAsDouble();
                v = 1.0 + c * x;
            } while (v <= 0.0);
            v = v * v * v;
            double u = bits.nextDouble();
            if (u < 1.0 - 0.0331 * (x * x) * (x * x)) {
                return b * v;
            }
            if (Math.log(u) < 0.5 * x * x + b * (1. - v + Math.log(v))) {
                return b * v;
            }
        }
    }

    /** {@code legacy_beta}: Johnk's algorithm when both parameters are at most 1, else a ratio of gammas. */
    static double legacyBeta(BitSource bits, java.util.function.DoubleSupplier gauss, double a, double b) {
        if (a <= 1.0 && b <= 1.0) {
            for (;;) {
                double u = bits.nextDouble();
                double v = bits.nextDouble();
                double x = Math.pow(u, 1.0 / a);
                double y = Math.pow(v, 1.0 / b);
                if (x + y <= 1.0) {
                    if (x + y > 0) {
                        return x / (x + y);
                    }
                    double logX = Math.log(u) / a;
                    double logY = Math.log(v) / b;
                    double logM = Math.max(logX, logY);
                    logX -= logM;
                    logY -= logM;
                    return Math.exp(logX - Math.log(Math.exp(logX) + Math.exp(logY)));
                }
            }
        }
        double ga = legacyStandardGamma(bits, gauss, a);
        double gb = legacyStandardGamma(bits, gauss, b);
        return ga / (ga + gb);
    }

    // ---- discrete -----------------------------------------------------------------------------

    /** {@code random_poisson}: multiplication below 10, Hoermann's transformed rejection (PTRS) from 10. */
    static long poisson(BitSource bits, double lam) {
        if (lam >= 10) {
            return poissonPtrs(bits, lam);
        }
        if (lam == 0) {
            return 0;
        }
        double enlam = Math.exp(-lam);
        long x = 0;
        double prod = 1.0;
        for (;;) {
            prod *= bits.nextDouble();
            if (prod > enlam) {
                x += 1;
            } else {
                return x;
            }
        }
    }

    private static long poissonPtrs(BitSource bits, double lam) {
        double slam = Math.sqrt(lam);
        double loglam = Math.log(lam);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        for (;;) {
            double u = bits.nextDouble() - 0.5;
            double v = bits.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lam + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
                    <= -lam + k * loglam - logGamma(k + 1)) {
                return k;
            }
        }
    }

    /** {@code random_loggam}: log(Gamma(x)) by Stirling's series. */
    static double logGamma(double x) {
        final double[] a = {8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04,
            -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03, 6.410256410256410e-03,
            -2.955065359477124e-02, 1.796443723688307e-01, -1.39243221690590e+00};
        if (x == 1.0 || x == 2.0) {
            return 0.0;
        }
        long n = x < 7.0 ? (long) (7 - x) : 0;
        double x0 = x + n;
        double x2 = (1.0 / x0) * (1.0 / x0);
        double lg2pi = 1.8378770664093453e+00;
        double gl0 = a[9];
        for (int k = 8; k >= 0; k--) {
            gl0 *= x2;
            gl0 += a[k];
        }
        double gl = gl0 / x0 + 0.5 * lg2pi + (x0 - 0.5) * Math.log(x0) - x0;
        if (x < 7.0) {
            for (long k = 1; k <= n; k++) {
                gl -= Math.log(x0 - 1.0);
                x0 -= 1.0;
            }
        }
        return gl;
    }

    /** {@code legacy_random_binomial}: inversion when n*min(p, 1-p) <= 30, else the legacy BTPE. */
    static long legacyBinomial(BitSource bits, double p, long n) {
        if (p <= 0.5) {
            return p * n <= 30.0 ? legacyBinomialInversion(bits, n, p) : legacyBinomialBtpe(bits, n, p);
        }
        double q = 1.0 - p;
        return n - (q * n <= 30.0 ? legacyBinomialInversion(bits, n, q) : legacyBinomialBtpe(bits, n, q));
    }

    private static long legacyBinomialInversion(BitSource bits, long n, double p) {
        double q = 1.0 - p;
        double qn = Math.exp(n * Math.log(q));
        double np = n * p;
        long bound = (long) Math.min(n, np + 10.0 * Math.sqrt(np * q + 1));
        long x = 0;
        double px = qn;
        double u = bits.nextDouble();
        while (u > px) {
            x++;
            if (x > bound) {
                x = 0;
                px = qn;
                u = bits.nextDouble();
            } else {
                u -= px;
                px = ((n - x + 1) * p * px) / (x * q);
            }
        }
        return x;
    }

    /** The BTPE of numpy 1.16 that RandomState keeps, with its Stirling error terms all added. */
    private static long legacyBinomialBtpe(BitSource bits, long n, double p) {
        double r = Math.min(p, 1.0 - p);
        double q = 1.0 - r;
        double fm = n * r + r;
        long m = (long) Math.floor(fm);
        double p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
        double xm = m + 0.5;
        double xl = xm - p1;
        double xr = xm + p1;
        double c = 0.134 + 20.5 / (15.3 + m);
        double a = (fm - xl) / (fm - xl * r);
        double laml = a * (1.0 + a / 2.0);
        a = (xr - fm) / (xr * q);
        double lamr = a * (1.0 + a / 2.0);
        double p2 = p1 * (1.0 + 2.0 * c);
        double p3 = p2 + c / laml;
        double p4 = p3 + c / lamr;
        for (;;) {
            double nrq = n * r * q;
            double u = bits.nextDouble() * p4;
            double v = bits.nextDouble();
            long y;
            if (u <= p1) {
                y = (long) Math.floor(xm - p1 * v + u);
                return p > 0.5 ? n - y : y;
            }
            if (u <= p2) {
                double x = xl + (u - p1) / c;
                v = v * c + 1.0 - Math.abs(m - x + 0.5) / p1;
                if (v > 1.0) {
                    continue;
                }
                y = (long) Math.floor(x);
            } else if (u <= p3) {
                y = (long) Math.floor(xl + Math.log(v) / laml);
                if (y < 0 || v == 0.0) {
                    continue;
                }
                v = v * (u - p2) * laml;
            } else {
                y = (long) Math.floor(xr - Math.log(v) / lamr);
                if (y > n || v == 0.0) {
                    continue;
                }
                v = v * (u - p3) * lamr;
            }
            long k = Math.abs(y - m);
            if (!(k > 20 && k < nrq / 2.0 - 1)) {
                double s = r / q;
                double aa = s * (n + 1);
                double f = 1.0;
                if (m < y) {
                    for (long i = m + 1; i <= y; i++) {
                        f *= aa / i - s;
                    }
                } else if (m > y) {
                    for (long i = y + 1; i <= m; i++) {
                        f /= aa / i - s;
                    }
                }
                if (v > f) {
                    continue;
                }
                return p > 0.5 ? n - y : y;
            }
            double rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
            double t = -k * k / (2 * nrq);
            double bigA = Math.log(v);
            if (bigA < t - rho) {
                return p > 0.5 ? n - y : y;
            }
            if (bigA > t + rho) {
                continue;
            }
            double x1 = y + 1.0;
            double f1 = m + 1.0;
            double z = n + 1.0 - m;
            double w = n - y + 1.0;
            double x2 = x1 * x1;
            double f2 = f1 * f1;
            double z2 = z * z;
            double w2 = w * w;
            if (bigA > xm * Math.log(f1 / x1) + (n - m + 0.5) * Math.log(z / w) + (y - m) * Math.log(w * r / (x1 * q))
                    + (13680. - (462. - (132. - (99. - 140. / f2) / f2) / f2) / f2) / f1 / 166320.
                    + (13680. - (462. - (132. - (99. - 140. / z2) / z2) / z2) / z2) / z / 166320.
                    + (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x1 / 166320.
                    + (13680. - (462. - (132. - (99. - 140. / w2) / w2) / w2) / w2) / w / 166320.) {
                continue;
            }
            return p > 0.5 ? n - y : y;
        }
    }
}
