package org.torchglot.engine.nn.functional;

/** Special functions missing from {@link Math}, accurate to double precision. */
final class SpecialMath {
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;

    private SpecialMath() {
    }

    /** The error function: Taylor series near 0, Lentz's continued fraction for erfc beyond. */
    static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double ax = Math.abs(x);
        if (ax < 2.5) {
            // erf(x) = 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1))
            double x2 = x * x;
            double term = x;
            double sum = x;
            for (int n = 1; n < 200; n++) {
                term *= -x2 / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                    break;
                }
            }
            return TWO_OVER_SQRT_PI * sum;
        }
        if (ax > 6.5) {
            return Math.signum(x);
        }
        double erfc = erfcContinuedFraction(ax);
        return x > 0 ? 1 - erfc : erfc - 1;
    }

    /** erfc(x) for x > 0: exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...)))). */
    private static double erfcContinuedFraction(double x) {
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 500; n++) {
            double a = n / 2.0;
            d = x + a * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = x + a / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / (f * Math.sqrt(Math.PI));
    }
}
