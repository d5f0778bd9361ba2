package org.torchglot.engine.random;

import java.util.function.DoubleUnaryOperator;

/**
 * libtorch 1.13's serial CPU samplers beyond uniform and normal ({@code ATen/core/DistributionsHelper.h},
 * {@code TransformationHelper.h}, {@code native/Distributions.h} and {@code .cpp}), one draw per element in
 * order, each computed in double and then cast to the tensor's dtype as libtorch casts it. The caller
 * stores {@code out[i]} into a float32 tensor by rounding, which is libtorch's {@code static_cast<float>}.
 */
public final class Distributions {
    private static final double TWO_POW_24_PLUS_1 = (1L << 24) + 1;

    private Distributions() {
    }

    /** {@code cauchy_(median, sigma)}: {@code median + sigma * tan(pi * (u - 0.5))}, u a double uniform. */
    public static void cauchy(Generator g, double[] out, double median, double sigma) {
        synchronized (g) {
            for (int i = 0; i < out.length; i++) {
                double u = UniformSampling.unitDouble(g.nextLong());
                // NOTE: GCC contracts libtorch's "median + sigma * tan(...)" into one FMA, as in normal_.
                out[i] = Math.fma(sigma, Math.tan(Math.PI * (u - 0.5)), median);
            }
        }
    }

    /** {@code exponential_(lambd)}: {@code -1 / lambd * log(1 - u)}. */
    public static void exponential(Generator g, double[] out, double lambd) {
        synchronized (g) {
            for (int i = 0; i < out.length; i++) {
                double u = UniformSampling.unitDouble(g.nextLong());
                out[i] = -1.0 / lambd * Math.log(1.0 - u);
            }
        }
    }

    /** {@code geometric_(p)}: {@code ceil(log(u) / log(1 - p))}, the number of trials to the first success. */
    public static void geometric(Generator g, double[] out, double p) {
        synchronized (g) {
            double logQ = Math.log(1.0 - p);
            for (int i = 0; i < out.length; i++) {
                double u = UniformSampling.unitDouble(g.nextLong());
                out[i] = Math.ceil(Math.log(u) / logQ);
            }
        }
    }

    /** {@code log_normal_(mean, std)}: exp of libtorch's double normal (which uses the generator's cached sample). */
    public static void logNormal(Generator g, double[] out, double mean, double std) {
        synchronized (g) {
            for (int i = 0; i < out.length; i++) {
                out[i] = Math.exp(NormalSampling.nextNormal(g, mean, std));
            }
        }
    }

    /**
     * {@code random_()} with no bounds: {@code uniform_int_distribution<T>}. A float32 tensor takes a 32-bit draw
     * modulo 2^24 + 1, a float64 tensor a 64-bit draw modulo 2^53 + 1, an int64 one a 64-bit draw modulo 2^63,
     * a bool one the low bit of a 32-bit draw: every value the dtype holds exactly.
     */
    public static void randomFull(Generator g, double[] out, boolean float32) {
        synchronized (g) {
            for (int i = 0; i < out.length; i++) {
                out[i] = float32 ? Integer.toUnsignedLong(g.nextInt()) % TWO_POW_24_PLUS_1
                        : Long.remainderUnsigned(g.nextLong(), (1L << 53) + 1);
            }
        }
    }

    /** {@link #randomFull} for int64 ({@code bool} when {@code bool}) tensors. */
    public static void randomFull(Generator g, long[] out, boolean bool) {
        synchronized (g) {
            for (int i = 0; i < out.length; i++) {
                out[i] = bool ? g.nextInt() & 1 : g.nextLong() & Long.MAX_VALUE;
            }
        }
    }

    /** {@code torch.poisson(rates)}: libtorch's {@code sample_poisson} per rate, in double. */
    public static void poisson(Generator g, double[] rates, double[] out, DoubleUnaryOperator lgamma) {
        synchronized (g) {
            for (int i = 0; i < out.length; i++) {
                out[i] = samplePoisson(g, rates[i], lgamma);
            }
        }
    }

    private static double uniform(Generator g) {
        return UniformSampling.unitDouble(g.nextLong());
    }

    private static long samplePoisson(Generator g, double lambda, DoubleUnaryOperator lgamma) {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("invalid Poisson rate, expected rate to be non-negative");
        }
        if (lambda >= 10) {
            // transformed rejection (Hoermann, 1993)
            double slam = Math.sqrt(lambda);
            double loglam = Math.log(lambda);
            double b = 0.931 + 2.53 * slam;
            double a = -0.059 + 0.02483 * b;
            double invalpha = 1.1239 + 1.1328 / (b - 3.4);
            double vr = 0.9277 - 3.6224 / (b - 2);
            while (true) {
                double u = uniform(g) - 0.5;
                double v = uniform(g);
                double us = 0.5 - Math.abs(u);
                long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
                if (us >= 0.07 && v <= vr) {
                    return k;
                }
                if (k < 0 || (us < 0.013 && v > us)) {
                    continue;
                }
                if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b)
                        <= -lambda + k * loglam - lgamma.applyAsDouble((double) k + 1)) {
                    return k;
                }
            }
        }
        if (lambda == 0) {
            return 0;
        }
        double enlam = Math.exp(-lambda);
        long x = 0;
        double prod = 1.0;
        while (true) {
            prod *= uniform(g);
            if (prod > enlam) {
                x += 1;
            } else {
                return x;
            }
        }
    }

    /**
     * {@code torch.binomial(count, prob)}: libtorch's {@code sample_binomial} (inversion below a mean of 10,
     * BTRS above), its {@code scalar_t} steps rounded to float when {@code float32}.
     */
    public static void binomial(Generator g, double[] counts, double[] probs, double[] out, boolean float32) {
        DoubleUnaryOperator s = float32 ? v -> (float) v : v -> v;
        synchronized (g) {
            for (int i = 0; i < out.length; i++) {
                out[i] = sampleBinomial(g, counts[i], probs[i], s);
            }
        }
    }

    /** {@code s} rounds a value to {@code scalar_t}. */
    private static double sampleBinomial(Generator g, double count, double prob, DoubleUnaryOperator s) {
        if (count <= 0.0 || prob <= 0.0) {
            return 0;
        } else if (prob >= 1.0) {
            return count;
        } else if (prob <= 0.5) {
            return s.applyAsDouble(count * prob) >= 10.0 ? btrs(g, count, prob, s) : inversion(g, count, prob, s);
        } else if (prob > 0.5) {
            double q = s.applyAsDouble(1.0 - prob);
            return s.applyAsDouble(count * q) >= 10.0 ? count - btrs(g, count, q, s) : count - inversion(g, count, q, s);
        }
        return Double.NaN;
    }

    private static double inversion(Generator g, double count, double prob, DoubleUnaryOperator s) {
        double geomSum = 0;
        double numGeom = 0;
        // NOTE: std::log1p of a float argument is the float overload.
        double logprob = s.applyAsDouble(Math.log1p(-prob));
        while (true) {
            double geom = Math.ceil(Math.log(uniform(g)) / logprob);
            geomSum += geom;
            if (geomSum > count) {
                return numGeom;
            }
            numGeom = numGeom + 1;
        }
    }

    private static double btrs(Generator g, double count, double prob, DoubleUnaryOperator s) {
        double stddev = Math.sqrt(s.applyAsDouble(s.applyAsDouble(count * prob) * s.applyAsDouble(1 - prob)));
        double b = 1.15 + 2.53 * stddev;
        double a = -0.0873 + 0.0248 * b + 0.01 * prob;
        double c = s.applyAsDouble(count * prob) + 0.5;
        double vr = 0.92 - 4.2 / b;
        double r = s.applyAsDouble(prob / s.applyAsDouble(1 - prob));
        double alpha = (2.83 + 5.1 / b) * stddev;
        double m = Math.floor(s.applyAsDouble((count + 1) * prob));
        while (true) {
            double u = uniform(g) - 0.5;
            double v = uniform(g);
            double us = 0.5 - Math.abs(u);
            double k = s.applyAsDouble(Math.floor((2 * a / us + b) * u + c));
            if (k < 0 || k > count) {
                continue;
            }
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            v = Math.log(v * alpha / (a / (us * us) + b));
            double upperbound = (m + 0.5) * Math.log((m + 1) / (r * (count - m + 1)))
                    + (count + 1) * Math.log((count - m + 1) / (count - k + 1))
                    + (k + 0.5) * Math.log(r * (count - k + 1) / (k + 1))
                    + stirlingTail(m) + stirlingTail(count - m) - stirlingTail(k) - stirlingTail(count - k);
            if (v <= upperbound) {
                return k;
            }
        }
    }

    private static final double[] STIRLING_TAIL = {0.0810614667953272, 0.0413406959554092, 0.0276779256849983,
        0.02079067210376509, 0.0166446911898211, 0.0138761288230707, 0.0118967099458917, 0.0104112652619720,
        0.00925546218271273, 0.00833056343336287};

    private static double stirlingTail(double k) {
        if (k <= 9) {
            return STIRLING_TAIL[(int) k];
        }
        double kp1sq = (k + 1) * (k + 1);
        return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / (k + 1);
    }
}
