package org.torchglot.engine.data;

import java.util.ArrayList;
import java.util.List;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code WeightedRandomSampler(weights, num_samples, replacement=True, generator=None)}: indices
 * drawn with probability proportional to their (float64) weight, by {@code torch.multinomial}'s CPU
 * algorithm in PyTorch 1.13: with replacement, a binary search of each uniform draw in the
 * normalised cumulative weights; without, the {@code num_samples} largest {@code weight / q} with
 * {@code q ~ Exp(1)}.
 */
public class WeightedRandomSampler implements Sampler {
    private static final double UNIT = 1.0 / (1L << 53);

    private final double[] weights;
    private final int numSamples;
    private final boolean replacement;
    private final Generator generator;

    public WeightedRandomSampler(double[] weights, int numSamples, boolean replacement, Generator generator) {
        if (numSamples <= 0) {
            throw TorchException.value("num_samples should be a positive integer value, but got num_samples="
                    + numSamples);
        }
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw TorchException.runtime("probability tensor contains either `inf`, `nan` or element < 0");
            }
        }
        if (!replacement && numSamples > weights.length) {
            throw TorchException.runtime("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
        }
        this.weights = weights.clone();
        this.numSamples = numSamples;
        this.replacement = replacement;
        this.generator = generator;
    }

    @Override
    public int len() {
        return numSamples;
    }

    @Override
    public List<Integer> indices() {
        Generator g = generator != null ? generator : Generator.getDefault();
        return replacement ? withReplacement(g) : byExponentialKeys(g);
    }

    /** {@code uniform_real_distribution<double>(0, 1)}: 53 random bits. */
    private static double uniform(Generator g) {
        return (g.random64() & ((1L << 53) - 1)) * UNIT;
    }

    private List<Integer> withReplacement(Generator g) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (!(sum > 0)) {
            throw TorchException.runtime("invalid multinomial distribution (sum of probabilities <= 0)");
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
        List<Integer> out = new ArrayList<>(numSamples);
        for (int j = 0; j < numSamples; j++) {
            double u = uniform(g);
            int left = 0;
            int right = cumulative.length;
            while (right - left > 0) {
                int mid = left + (right - left) / 2;
                if (cumulative[mid] < u) {
                    left = mid + 1;
                } else {
                    right = mid;
                }
            }
            out.add(left);
        }
        return out;
    }

    private List<Integer> byExponentialKeys(Generator g) {
        double[] keys = new double[weights.length];
        for (int i = 0; i < keys.length; i++) {
            double q = -1.0 * Math.log(1.0 - uniform(g));
            keys[i] = weights[i] / q;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(keys[b], keys[a]));
        return new ArrayList<>(order.subList(0, numSamples));
    }
}
