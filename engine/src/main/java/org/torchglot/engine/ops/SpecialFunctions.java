package org.torchglot.engine.ops;

/**
 * Scalar special functions behind {@code i0}, {@code polygamma}, {@code igamma} and {@code igammac}: the
 * modified Bessel functions I0 and I1, the Hurwitz zeta function, and the regularized incomplete gamma
 * functions, with PyTorch's values at the edges of their domains.
 */
final class SpecialFunctions {
    /** B_2j / (2j)!, the Euler-Maclaurin coefficients of the Hurwitz zeta tail. */
    private static final double[] BERNOULLI_OVER_FACTORIAL = bernoulliOverFactorial();
    private static final double EPSILON = 1e-17;

    private SpecialFunctions() {
    }

    private static double[] bernoulliOverFactorial() {
        double[] b2j = {1.0 / 6, -1.0 / 30, 1.0 / 42, -1.0 / 30, 5.0 / 66, -691.0 / 2730, 7.0 / 6, -3617.0 / 510,
            43867.0 / 798, -174611.0 / 330, 854513.0 / 138, -236364091.0 / 2730};
        double[] out = new double[b2j.length];
        double factorial = 1;
        for (int j = 0; j < b2j.length; j++) {
            factorial *= (2 * j + 1) * (2 * j + 2);
            out[j] = b2j[j] / factorial;
        }
        return out;
    }

    /**
     * The modified Bessel function of the first kind of order 0 by its power series
     * {@code sum (x/2)^2k / (k!)^2}: every term is positive, so the sum is accurate to a few ulp.
     */
    static double i0(double x) {
        return Double.isNaN(x) ? x : besselSeries(x, 0);
    }

    /** The modified Bessel function of order 1 (i0's derivative): {@code (x/2) sum (x/2)^2k / (k! (k+1)!)}. */
    static double i1(double x) {
        return Double.isNaN(x) ? x : x / 2 * besselSeries(x, 1);
    }

    /** {@code sum (x/2)^2k / (k! (k+order)!)}, the series behind i0 and i1, summed until its terms stop counting. */
    private static double besselSeries(double x, int order) {
        double q = x * x / 4;
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 5000 && term > EPSILON * sum && !Double.isInfinite(sum); k++) {
            term *= q / ((double) k * (k + order));
            sum += term;
        }
        return sum;
    }

    /**
     * The Hurwitz zeta function {@code sum_k (q + k)^-s} for s > 1 by Euler-Maclaurin summation (nine terms
     * summed, then the integral, half the next term and twelve Bernoulli corrections), as Cephes' zeta.
     */
    static double zeta(double s, double q) {
        if (s == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (s < 1) {
            return Double.NaN;
        }
        if (q <= 0) {
            if (q == Math.floor(q)) {
                return Double.POSITIVE_INFINITY;
            }
            if (s != Math.floor(s)) {
                return Double.NaN;
            }
        }
        double sum = 0;
        int n = 9;
        for (int k = 0; k < n; k++) {
            sum += Math.pow(q + k, -s);
        }
        double w = q + n;
        sum += Math.pow(w, 1 - s) / (s - 1) + 0.5 * Math.pow(w, -s);
        double rising = s;
        double power = Math.pow(w, -s - 1);
        for (int j = 0; j < BERNOULLI_OVER_FACTORIAL.length; j++) {
            double term = BERNOULLI_OVER_FACTORIAL[j] * rising * power;
            sum += term;
            if (Math.abs(term) < 1e-17 * Math.abs(sum)) {
                break;
            }
            rising *= (s + 2 * j + 1) * (s + 2 * j + 2);
            power /= w * w;
        }
        return sum;
    }

    /** The n-th derivative of digamma: {@code (-1)^(n+1) n! zeta(n + 1, x)} for n >= 2. */
    static double polygamma(int n, double x) {
        if (n == 0) {
            return SpecialMath.digamma(x);
        }
        if (n == 1) {
            return trigamma(x);
        }
        double factorial = Math.exp(SpecialMath.lgamma(n + 1.0));
        return (n % 2 == 1 ? 1.0 : -1.0) * factorial * zeta(n + 1, x);
    }

    /**
     * The trigamma function as PyTorch's {@code calc_trigamma} computes it (reflection below 1/2, six recurrence
     * steps, then four terms of the asymptotic series), so polygamma(1, x) prints PyTorch's digits.
     */
    static double trigamma(double x) {
        double sign = 1;
        double result = 0;
        if (x < 0.5) {
            sign = -1;
            double sinPiX = Math.sin(Math.PI * x);
            result -= (Math.PI * Math.PI) / (sinPiX * sinPiX);
            x = 1 - x;
        }
        for (int i = 0; i < 6; i++) {
            result += 1 / (x * x);
            x += 1;
        }
        double ixx = 1 / (x * x);
        result += (1 + 1 / (2 * x) + ixx * (1.0 / 6 - ixx * (1.0 / 30 - ixx * (1.0 / 42)))) / x;
        return sign * result;
    }

    /** The regularized lower incomplete gamma function P(a, x), with PyTorch's values at the domain's edges. */
    static double igamma(double a, double x) {
        if (x < 0 || a < 0 || Double.isNaN(a) || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (a == 0) {
            return x > 0 ? 1.0 : Double.NaN;
        }
        if (x == 0) {
            return 0.0;
        }
        if (Double.isInfinite(a)) {
            return Double.isInfinite(x) ? Double.NaN : 0.0;
        }
        if (Double.isInfinite(x)) {
            return 1.0;
        }
        return x < a + 1 ? lowerSeries(a, x) : 1.0 - upperFraction(a, x);
    }

    /** The regularized upper incomplete gamma function Q(a, x) = 1 - P(a, x), accurate where P is near 1. */
    static double igammac(double a, double x) {
        if (x < 0 || a < 0 || Double.isNaN(a) || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (a == 0) {
            return x > 0 ? 0.0 : Double.NaN;
        }
        if (x == 0) {
            return 1.0;
        }
        if (Double.isInfinite(a)) {
            return Double.isInfinite(x) ? Double.NaN : 1.0;
        }
        if (Double.isInfinite(x)) {
            return 0.0;
        }
        return x < a + 1 ? 1.0 - lowerSeries(a, x) : upperFraction(a, x);
    }

    /** {@code x^a e^-x / Gamma(a)}, the factor both expansions share, in logs to avoid overflow. */
    private static double prefactor(double a, double x) {
        return Math.exp(a * Math.log(x) - x - SpecialMath.lgamma(a));
    }

    /** P(a, x) by its series {@code sum x^n / (a (a+1) ... (a+n))}, for x < a + 1. */
    private static double lowerSeries(double a, double x) {
        double ap = a;
        double term = 1 / a;
        double sum = term;
        for (int n = 0; n < 100000; n++) {
            ap += 1;
            term *= x / ap;
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * 1e-17) {
                break;
            }
        }
        return sum * prefactor(a, x);
    }

    /** Q(a, x) by its continued fraction (modified Lentz), for x >= a + 1. */
    private static double upperFraction(double a, double x) {
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 100000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return prefactor(a, x) * h;
    }
}
