package org.torchglot.engine.nn;

import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.tensor.Tensor;

/** {@code nn.Softplus(beta=1, threshold=20)}: log(1 + exp(beta x)) / beta, linear above the threshold. */
public class Softplus extends Module {
    private final Number beta;
    private final Number threshold;

    public Softplus() {
        this(1L, 20L);
    }

    /** Numbers print as the caller's Python type did: {@code 2} for a Long, {@code 2.0} for a Double. */
    public Softplus(Number beta, Number threshold) {
        this.beta = beta;
        this.threshold = threshold;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.softplus(input, beta.doubleValue(), threshold.doubleValue());
    }

    @Override
    public String extraRepr() {
        return "beta=" + PythonRepr.ofNumber(beta) + ", threshold=" + PythonRepr.ofNumber(threshold);
    }
}
