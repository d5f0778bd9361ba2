package org.torchglot.engine.nn;

import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.tensor.Tensor;

/** {@code nn.LeakyReLU(negative_slope=0.01)}: x for x > 0, else slope * x. */
public class LeakyReLU extends Module {
    private final double negativeSlope;
    private final boolean inplace;

    public LeakyReLU() {
        this(0.01, false);
    }

    public LeakyReLU(double negativeSlope) {
        this(negativeSlope, false);
    }

    /** {@code inplace} is kept for the repr; the result is always a new tensor. */
    public LeakyReLU(double negativeSlope, boolean inplace) {
        this.negativeSlope = negativeSlope;
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.leakyRelu(input, negativeSlope);
    }

    @Override
    public String extraRepr() {
        return "negative_slope=" + PythonRepr.ofFloat(negativeSlope) + (inplace ? ", inplace=True" : "");
    }
}
