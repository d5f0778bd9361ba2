package org.torchglot.engine.nn;

import org.torchglot.engine.tensor.Tensor;

/** {@code nn.Tanh()}. */
public class Tanh extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input.tanh();
    }
}
