package org.torchglot.engine.nn;

import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.tensor.Tensor;

/** {@code nn.Softmax(dim=None)}: exp(x) / sum(exp(x)) along {@code dim}, computed stably. */
public class Softmax extends Module {
    private final Integer dim;

    /** A null dim uses PyTorch's legacy choice for the input's rank. */
    public Softmax(Integer dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.softmax(input, dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + (dim == null ? "None" : dim);
    }
}
