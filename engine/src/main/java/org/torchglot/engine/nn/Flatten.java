package org.torchglot.engine.nn;

import org.torchglot.engine.tensor.Tensor;

/** {@code nn.Flatten(start_dim=1, end_dim=-1)}: keeps the batch dim, flattens the rest. */
public class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    public Flatten() {
        this(1, -1);
    }

    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.flatten(startDim, endDim);
    }

    @Override
    public String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
