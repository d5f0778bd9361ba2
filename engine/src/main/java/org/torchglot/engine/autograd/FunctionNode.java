package org.torchglot.engine.autograd;

import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

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

    private static final int[] NO_VERSIONS = {};
    private static final Node[] NO_NODES = {};

    private final String name;
    private final Formula formula;
    private Tensor[] saved;
    /** Each saved tensor's version and grad_fn when saved: a later in-place write makes backward refuse. */
    private final int[] savedVersions;
    private final Node[] savedGradFns;

    public FunctionNode(String name, Tensor[] inputs, Tensor[] saved, Formula formula) {
        super(inputs);
        this.name = name;
        this.saved = saved;
        this.formula = formula;
        int n = saved == null ? 0 : saved.length;
        savedVersions = n == 0 ? NO_VERSIONS : new int[n];
        savedGradFns = n == 0 ? NO_NODES : new Node[n];
        for (int i = 0; i < n; i++) {
            if (saved[i] != null) {
                savedVersions[i] = saved[i].version();
                savedGradFns[i] = saved[i].gradFn();
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        for (int i = 0; i < savedVersions.length; i++) {
            if (saved[i] != null && saved[i].version() != savedVersions[i]) {
                throw modifiedInPlace(i);
            }
        }
        return formula.apply(grad, saved);
    }

    /** PyTorch's error for a saved tensor written in place after this node saved it. */
    private TorchException modifiedInPlace(int i) {
        Tensor t = saved[i];
        // NOTE: a saved tensor without history then but with one now is this node's own output.
        Node producer = savedGradFns[i] != null ? savedGradFns[i] : t.gradFn() != null ? this : null;
        return TorchException.runtime("one of the variables needed for gradient computation has been modified by an "
                + "inplace operation: [" + t.dtype().typeName() + " " + Shapes.str(t.shapeRef()) + "]"
                + (producer == null ? "" : ", which is output 0 of " + producer.name() + ",") + " is at version "
                + t.version() + "; expected version " + savedVersions[i] + " instead. Hint: enable anomaly detection to "
                + "find the operation that failed to compute its gradient, with "
                + "torch.autograd.set_detect_anomaly(True).");
    }

    @Override
    protected void releaseSavedTensors() {
        saved = null;
    }
}
