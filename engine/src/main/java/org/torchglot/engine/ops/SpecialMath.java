package org.torchglot.engine.ops;

/** Scalar special functions Java's {@code Math} lacks: the error function family, lgamma, digamma (GELU's erf too). */
public final class SpecialMath {
    private static final double TWO_OVER_SQRT_PI = 2.0 / Math.sqrt(Math.PI);

    private SpecialMath() {
    }

    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        if (a < 2.5) {
            return series(x);
        }
        return Math.copySign(1.0 - erfcLarge(a), x);
    }

    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x < 0.5) {
            return 1.0 - erf(x);
        }
        return x < 2.5 ? 1.0 - series(x) : erfcLarge(x);
    }

    /** Maclaurin series of erf; accurate to about 1e-15 relative for |x| < 2.5. */
    private static double series(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 200; n++) {
            term *= -x2 / n;
            double next = term / (2 * n + 1);
            sum += next;
            if (Math.abs(next) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * sum;
    }

    /** erfc for x >= 2.5 by its continued fraction (modified Lentz). */
    private static double erfcLarge(double x) {
        if (x > 27) {
            return 0.0;
        }
        // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 500; n++) {
            double an = n / 2.0;
            d = x + an * d;
            d = d == 0 ? tiny : d;
            c = x + an / c;
            c = c == 0 ? tiny : c;
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
    }

    /** Inverse error function: Giles' approximation refined by Newton steps on {@link #erf}. */
    static double erfinv(double y) {
        if (Double.isNaN(y) || y < -1 || y > 1) {
            return Double.NaN;
        }
        if (y == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (y == -1) {
            return Double.NEGATIVE_INFINITY;
        }
        double w = -Math.log((1.0 - y) * (1.0 + y));
        double x;
        if (w < 5.0) {
            w -= 2.5;
            double p = 2.81022636e-08;
            p = 3.43273939e-07 + p * w;
            p = -3.5233877e-06 + p * w;
            p = -4.39150654e-06 + p * w;
            p = 0.00021858087 + p * w;
            p = -0.00125372503 + p * w;
            p = -0.00417768164 + p * w;
            p = 0.246640727 + p * w;
            p = 1.50140941 + p * w;
            x = p * y;
        } else {
            w = Math.sqrt(w) - 3.0;
            double p = -0.000200214257;
            p = 0.000100950558 + p * w;
            p = 0.00134934322 + p * w;
            p = -0.00367342844 + p * w;
            p = 0.00573950773 + p * w;
            p = -0.0076224613 + p * w;
            p = 0.00943887047 + p * w;
            p = 1.00167406 + p * w;
            p = 2.83297682 + p * w;
            x = p * y;
        }
        for (int i = 0; i < 3; i++) {
            double err = erf(x) - y;
            x -= err / (TWO_OVER_SQRT_PI * Math.exp(-x * x));
        }
        return x;
    }

    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};

    /** log|Gamma(x)| (Lanczos, g = 7; reflection below 0.5). */
    static double lgamma(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Math.abs(x);
        }
        if (x <= 0 && x == Math.rint(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
        }
        double z = x - 1;
        double a = LANCZOS[0];
        double t = z + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            a += LANCZOS[i] / (z + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
    }

    /** The digamma function, d/dx log Gamma(x): recurrence up to x >= 10, then the asymptotic series. */
    static double digamma(double x) {
        if (x == 0) {
            return Math.copySign(Double.POSITIVE_INFINITY, -x);
        }
        if (x < 0 && x == Math.rint(x)) {
            return Double.NaN;
        }
        if (x < 0) {
            return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
        }
        double result = 0;
        while (x < 10) {
            result -= 1 / x;
            x += 1;
        }
        double f = 1 / (x * x);
        return result + Math.log(x) - 0.5 / x
                - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132)))));
    }

    /** The trigamma function, d/dx digamma(x), for the gradient of digamma. */
    static double trigamma(double x) {
        if (x <= 0 && x == Math.rint(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < 0) {
            double s = Math.PI / Math.sin(Math.PI * x);
            return -trigamma(1 - x) + s * s;
        }
        double result = 0;
        while (x < 10) {
            result += 1 / (x * x);
            x += 1;
        }
        double f = 1 / (x * x);
        return result + 1 / x + f / 2 + (1 / (x * x * x)) * (1.0 / 6 - f * (1.0 / 30 - f * (1.0 / 42 - f * (1.0 / 30))));
    }
}
