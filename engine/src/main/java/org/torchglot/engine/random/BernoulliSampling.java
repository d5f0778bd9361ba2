package org.torchglot.engine.random;

/**
 * libtorch's CPU {@code bernoulli_} kernels: a scalar {@code p} compares a double uniform (64-bit
 * draw) with {@code p}; float32 per-element probabilities compare a float uniform (32-bit draw),
 * float64 ones a double uniform.
 */
final class BernoulliSampling {
    private BernoulliSampling() {
    }

    static void fill(Generator generator, double p, float[] out) {
        checkProbability(p);
        for (int i = 0; i < out.length; i++) {
            out[i] = UniformSampling.unitDouble(generator.nextLong()) < p ? 1f : 0f;
        }
    }

    static void fill(Generator generator, double p, double[] out) {
        checkProbability(p);
        for (int i = 0; i < out.length; i++) {
            out[i] = UniformSampling.unitDouble(generator.nextLong()) < p ? 1.0 : 0.0;
        }
    }

    static void fill(Generator generator, float[] probs, float[] out) {
        checkSameLength(probs.length, out.length);
        for (int i = 0; i < out.length; i++) {
            checkProbability(probs[i]);
            out[i] = UniformSampling.unitFloat(generator.nextInt()) < probs[i] ? 1f : 0f;
        }
    }

    static void fill(Generator generator, double[] probs, double[] out) {
        checkSameLength(probs.length, out.length);
        for (int i = 0; i < out.length; i++) {
            checkProbability(probs[i]);
            out[i] = UniformSampling.unitDouble(generator.nextLong()) < probs[i] ? 1.0 : 0.0;
        }
    }

    private static void checkProbability(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("bernoulli_ expects p to be in [0, 1], but got p=" + p);
        }
    }

    private static void checkSameLength(int probs, int out) {
        if (probs != out) {
            throw new IllegalArgumentException("bernoulli: probabilities have " + probs
                    + " elements but the output has " + out);
        }
    }
}
