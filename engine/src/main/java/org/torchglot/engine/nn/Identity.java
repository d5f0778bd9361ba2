package org.torchglot.engine.nn;

import org.torchglot.engine.tensor.Tensor;

/** {@code nn.Identity()}: returns its input. */
public class Identity extends Module {
    @Override
    public Tensor forward(Tensor input) {
        return input;
    }
}
