package org.torchglot.engine.nn;

import org.torchglot.engine.tensor.Tensor;

/** {@code nn.Sigmoid()}: 1 / (1 + exp(-x)). */
public class Sigmoid extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.sigmoid();
    }
}
