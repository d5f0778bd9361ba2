package org.torchglot.engine.data;

import java.util.List;

/**
 * {@code torch.utils.data.Sampler}: the dataset indices of one epoch. {@link #indices()} draws
 * from the generators when called, as PyTorch's {@code iter(sampler)} does at its first item.
 */
public interface Sampler {
    /** {@code len(sampler)}. */
    int len();

    /** One epoch's indices, drawing any randomness now. */
    List<Integer> indices();
}
