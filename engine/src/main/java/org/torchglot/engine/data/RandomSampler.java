package org.torchglot.engine.data;

import java.util.ArrayList;
import java.util.List;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code RandomSampler(data_source, replacement=False, num_samples=None, generator=None)} with
 * PyTorch 1.13's draws: without a generator, a fresh one seeded from the default generator each
 * epoch; without replacement, {@code randperm(n)} repeated until num_samples; with replacement,
 * {@code randint(n)} in chunks of 32.
 */
public class RandomSampler implements Sampler {
    private final int length;
    private final boolean replacement;
    private final int numSamples;
    private final Generator generator;

    /** {@code numSamples} null means the dataset's length; {@code generator} null the default one. */
    public RandomSampler(int length, boolean replacement, Integer numSamples, Generator generator) {
        this.length = length;
        this.replacement = replacement;
        this.numSamples = numSamples == null ? length : numSamples;
        if (this.numSamples <= 0) {
            throw TorchException.value("num_samples should be a positive integer value, but got num_samples="
                    + this.numSamples);
        }
        this.generator = generator;
    }

    @Override
    public int len() {
        return numSamples;
    }

    @Override
    public List<Integer> indices() {
        Generator g = generator != null ? generator : new Generator(DataLoader.drawSeed(Generator.getDefault()));
        List<Integer> out = new ArrayList<>(numSamples);
        if (replacement) {
            for (int chunk = 0; chunk < numSamples / 32; chunk++) {
                addAll(out, randint(g, 32));
            }
            addAll(out, randint(g, numSamples % 32));
        } else {
            for (int round = 0; round < numSamples / length; round++) {
                addAll(out, g.randperm(length));
            }
            long[] last = g.randperm(length);
            for (int i = 0; i < numSamples % length; i++) {
                out.add((int) last[i]);
            }
        }
        return out;
    }

    private long[] randint(Generator g, int size) {
        long[] values = new long[size];
        g.randint(0, length, values);
        return values;
    }

    private static void addAll(List<Integer> out, long[] values) {
        for (long v : values) {
            out.add((int) v);
        }
    }
}
