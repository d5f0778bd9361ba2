package org.torchglot.engine.autograd;

import org.torchglot.engine.tensor.Tensor;

/**
 * A node whose backward is a small formula over saved tensors, like a line of PyTorch's
 * {@code derivatives.yaml}: {@code new FunctionNode("MulBackward0", inputs, saved,
 * (g, s) -> new Tensor[] {g.mul(s[1]), g.mul(s[0])})}.
 */
public final class FunctionNode extends Node {
    /** The derivative formula: input gradients from the output gradient and the saved tensors. */
    @FunctionalInterface
    public interface Formula {
        Tensor[] apply(Tensor grad, Tensor[] saved);
    }

    private final String name;
    private final Formula formula;
    private Tensor[] saved;

    public FunctionNode(String name, Tensor[] inputs, Tensor[] saved, Formula formula) {
        super(inputs);
        this.name = name;
        this.saved = saved;
        this.formula = formula;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        return formula.apply(grad, saved);
    }

    @Override
    protected void releaseSavedTensors() {
        saved = null;
    }
}
