package org.torchglot.engine.nn;

import org.torchglot.engine.tensor.Tensor;

/** {@code nn.ReLU()}: max(x, 0). */
public class ReLU extends Module {
    private final boolean inplace;

    public ReLU() {
        this(false);
    }

    /** {@code inplace} is kept for the repr; the result is always a new tensor. */
    public ReLU(boolean inplace) {
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.relu();
    }

    @Override
    public String extraRepr() {
        return inplace ? "inplace=True" : "";
    }
}
