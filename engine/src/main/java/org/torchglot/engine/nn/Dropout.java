package org.torchglot.engine.nn;

import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code nn.Dropout(p=0.5)}: in training, zeroes elements with probability p (mask drawn from the
 * default generator as libtorch does) and scales the rest by 1/(1-p); identity in eval mode.
 */
public class Dropout extends Module {
    private final double p;
    private final boolean inplace;

    public Dropout() {
        this(0.5, false);
    }

    public Dropout(double p) {
        this(p, false);
    }

    /** {@code inplace} is kept for the repr; the result is always a new tensor. */
    public Dropout(double p, boolean inplace) {
        if (p < 0 || p > 1) {
            throw TorchException.value("dropout probability has to be between 0 and 1, but got " + PythonRepr.ofFloat(p));
        }
        this.p = p;
        this.inplace = inplace;
    }

    public double p() {
        return p;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.dropout(input, p, isTraining());
    }

    @Override
    public String extraRepr() {
        return "p=" + PythonRepr.ofFloat(p) + ", inplace=" + PythonRepr.ofBool(inplace);
    }
}
