package org.torchglot.engine.nn;

import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.tensor.Tensor;

/** {@code nn.GELU(approximate='none')}: x * Phi(x), or its tanh approximation. */
public class GELU extends Module {
    private final String approximate;

    public GELU() {
        this("none");
    }

    public GELU(String approximate) {
        this.approximate = approximate;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.gelu(input, approximate);
    }

    @Override
    public String extraRepr() {
        return "approximate=" + PythonRepr.ofString(approximate);
    }
}
