package org.torchglot.engine.data;

import java.util.ArrayList;
import java.util.List;
import org.torchglot.engine.ops.Sampling;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code WeightedRandomSampler(weights, num_samples, replacement=True, generator=None)}: indices
 * drawn with probability proportional to their (float64) weight by {@code torch.multinomial}
 * ({@link Sampling#multinomial}), as PyTorch's sampler draws them.
 */
public class WeightedRandomSampler implements Sampler {
    private final double[] weights;
    private final int numSamples;
    private final boolean replacement;
    private final Generator generator;

    public WeightedRandomSampler(double[] weights, int numSamples, boolean replacement, Generator generator) {
        if (numSamples <= 0) {
            throw TorchException.value("num_samples should be a positive integer value, but got num_samples="
                    + numSamples);
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
        List<Integer> out = new ArrayList<>(numSamples);
        for (int i : Sampling.multinomial(weights, numSamples, replacement, false, g)) {
            out.add(i);
        }
        return out;
    }
}
