package org.torchglot.engine.nn;

import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.tensor.Tensor;

/** {@code nn.ELU(alpha=1.0)}: x for x > 0, else alpha * (exp(x) - 1). */
public class ELU extends Module {
    private final double alpha;
    private final boolean inplace;

    public ELU() {
        this(1.0, false);
    }

    public ELU(double alpha) {
        this(alpha, false);
    }

    /** {@code inplace} is kept for the repr; the result is always a new tensor. */
    public ELU(double alpha, boolean inplace) {
        this.alpha = alpha;
        this.inplace = inplace;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.elu(input, alpha);
    }

    @Override
    public String extraRepr() {
        return "alpha=" + PythonRepr.ofFloat(alpha) + (inplace ? ", inplace=True" : "");
    }
}
