package org.torchglot.engine.random.numpy;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.IntFunction;
import org.torchglot.engine.tensor.TorchException;

/** The index arithmetic of numpy's {@code choice} that RandomState and Generator share: p's checks and its CDF. */
final class Choice {
    private Choice() {
    }

    /** Checks p as numpy does (its messages differ between RandomState and Generator only in capitals). */
    static void checkProbabilities(double[] p, long popSize, boolean legacy) {
        if (p.length != popSize) {
            throw TorchException.value(legacy ? "'a' and 'p' must have same size" : "a and p must have same size");
        }
        double sum = kahanSum(p);
        if (Double.isNaN(sum)) {
            throw TorchException.value(legacy ? "probabilities contain NaN" : "Probabilities contain NaN");
        }
        for (double v : p) {
            if (v < 0) {
                throw TorchException.value(legacy ? "probabilities are not non-negative"
                        : "Probabilities are not non-negative");
            }
        }
        if (Math.abs(sum - 1.) > Math.sqrt(Math.ulp(1.0))) {
            throw TorchException.value(legacy ? "probabilities do not sum to 1"
                    : "Probabilities do not sum to 1. See Notes section of docstring for more information.");
        }
    }

    private static double kahanSum(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double sum = values[0];
        double c = 0.0;
        for (int i = 1; i < values.length; i++) {
            double y = values[i] - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        return sum;
    }

    /** {@code cdf = p.cumsum(); cdf /= cdf[-1]}. */
    static double[] cdf(double[] p) {
        double[] cdf = new double[p.length];
        double total = 0;
        for (int i = 0; i < p.length; i++) {
            total += p[i];
            cdf[i] = total;
        }
        double last = cdf[cdf.length - 1];
        for (int i = 0; i < cdf.length; i++) {
            cdf[i] /= last;
        }
        return cdf;
    }

    /** {@code cdf.searchsorted(u, side='right')}. */
    static long searchRight(double[] cdf, double u) {
        int lo = 0;
        int hi = cdf.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] <= u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Sampling without replacement with weights: rounds of uniforms through the CDF of the weights not yet taken,
     * keeping each round's new indices in order of first appearance. {@code uniforms} draws a round.
     */
    static long[] weightedWithoutReplacement(double[] weights, int size, IntFunction<double[]> uniforms) {
        long positive = Arrays.stream(weights).filter(w -> w > 0).count();
        if (positive < size) {
            throw TorchException.value("Fewer non-zero entries in p than size");
        }
        double[] p = weights.clone();
        long[] found = new long[size];
        int taken = 0;
        while (taken < size) {
            double[] x = uniforms.apply(size - taken);
            for (int i = 0; i < taken; i++) {
                p[(int) found[i]] = 0;
            }
            double[] cdf = cdf(p);
            Set<Long> fresh = new LinkedHashSet<>();
            for (double u : x) {
                fresh.add(searchRight(cdf, u));
            }
            for (long index : fresh) {
                found[taken++] = index;
            }
        }
        return found;
    }
}
