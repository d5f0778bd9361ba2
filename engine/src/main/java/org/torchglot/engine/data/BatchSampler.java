package org.torchglot.engine.data;

import java.util.ArrayList;
import java.util.List;
import org.torchglot.engine.tensor.TorchException;

/** {@code BatchSampler(sampler, batch_size, drop_last)}: a sampler's indices in batches. */
public class BatchSampler {
    private final Sampler sampler;
    private final int batchSize;
    private final boolean dropLast;

    public BatchSampler(Sampler sampler, int batchSize, boolean dropLast) {
        if (batchSize <= 0) {
            throw TorchException.value("batch_size should be a positive integer value, but got batch_size=" + batchSize);
        }
        this.sampler = sampler;
        this.batchSize = batchSize;
        this.dropLast = dropLast;
    }

    /** {@code len(batch_sampler)}: the number of batches per epoch. */
    public int len() {
        return dropLast ? sampler.len() / batchSize : (sampler.len() + batchSize - 1) / batchSize;
    }

    public Sampler sampler() {
        return sampler;
    }

    /** One epoch's batches, drawing the sampler's randomness now. */
    public List<List<Integer>> batches() {
        return batch(sampler.indices(), batchSize, dropLast);
    }

    /** Cuts indices into batches of {@code size}; the last one shorter unless dropped (also for guest samplers). */
    public static List<List<Integer>> batch(List<Integer> indices, int size, boolean dropLast) {
        List<List<Integer>> out = new ArrayList<>();
        for (int start = 0; start < indices.size(); start += size) {
            int end = Math.min(indices.size(), start + size);
            if (dropLast && end - start < size) {
                break;
            }
            out.add(new ArrayList<>(indices.subList(start, end)));
        }
        return out;
    }
}
