package org.torchglot.engine.autograd;

import org.torchglot.engine.tensor.Tensor;

/** The sink at a leaf that requires grad: adds incoming gradients into the leaf's {@code .grad}. */
public final class AccumulateGrad extends Node {
    private final Tensor variable;

    public AccumulateGrad(Tensor variable) {
        super();
        this.variable = variable;
    }

    public Tensor variable() {
        return variable;
    }

    @Override
    public String name() {
        return "AccumulateGrad";
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        accumulate(grad);
        return new Tensor[0];
    }

    void accumulate(Tensor grad) {
        Tensor g = grad.dtype() == variable.dtype() ? grad : grad.to(variable.dtype());
        Tensor current = variable.grad();
        if (current == null) {
            // NOTE: a fresh copy, so later in-place updates of .grad never alias a graph value.
            variable.setGrad(g.contiguousCopy());
        } else {
            current.addInPlaceNoGrad(g);
        }
    }
}
