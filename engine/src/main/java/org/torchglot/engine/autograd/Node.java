package org.torchglot.engine.autograd;

import java.util.ArrayList;
import java.util.List;
import org.torchglot.engine.tensor.Tensor;

/**
 * One recorded operation of the autograd graph, PyTorch's {@code grad_fn}. A subclass computes the
 * gradient of each input from the gradient of the output; it is named as users see it in
 * {@code grad_fn=<MulBackward0>}. Edges are captured when the node is made, so a later in-place op
 * on an input does not rewire the graph.
 */
public abstract class Node {
    private final Node[] next;
    private final int[][] inputShapes;
    private boolean released;
    /** The output tensor, when {@code retain_grad()} asked for its gradient. */
    private Tensor retainedOutput;
    /** The output tensor's {@code register_hook} hooks, in registration order; null when there are none. */
    private List<GradHook.Named> gradHooks;

    protected Node(Tensor... inputs) {
        next = new Node[inputs.length];
        inputShapes = new int[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            Tensor t = inputs[i];
            if (t != null && t.requiresGrad()) {
                next[i] = t.gradFn() != null ? t.gradFn() : t.gradAccumulator();
                inputShapes[i] = t.shape();
            }
        }
    }

    /** The name PyTorch prints, e.g. {@code AddmmBackward0}. */
    public abstract String name();

    /**
     * Gradients with respect to each input given the output's gradient. An entry may be null for
     * an input that needs none, and may have the broadcast shape: the walker sums it down.
     */
    protected abstract Tensor[] backward(Tensor grad);

    /** Frees saved tensors after a backward pass without {@code retain_graph}. */
    protected void releaseSavedTensors() {
    }

    /** PyTorch's {@code next_functions}: the node feeding each input, null for inputs without grad. */
    public List<Node> nextFunctions() {
        List<Node> out = new ArrayList<>(next.length);
        for (Node n : next) {
            out.add(n);
        }
        return out;
    }

    Node next(int i) {
        return next[i];
    }

    int inputCount() {
        return next.length;
    }

    int[] inputShape(int i) {
        return inputShapes[i];
    }

    Tensor[] apply(Tensor grad) {
        if (released) {
            throw org.torchglot.engine.tensor.TorchException.runtime(
                    "Trying to backward through the graph a second time (or directly access saved tensors after they "
                            + "have already been freed). Saved intermediate values of the graph are freed when you call "
                            + ".backward() or autograd.grad(). Specify retain_graph=True if you need to backward through "
                            + "the graph a second time or if you need to access saved tensors after calling backward.");
        }
        return backward(grad);
    }

    void release() {
        released = true;
        releaseSavedTensors();
    }

    public void retainOutput(Tensor output) {
        retainedOutput = output;
    }

    Tensor retainedOutput() {
        return retainedOutput;
    }

    /** Registers a hook on the gradient of this node's output (for a leaf's AccumulateGrad: the leaf's). */
    public GradHook.Handle addGradHook(GradHook hook, String name) {
        if (gradHooks == null) {
            gradHooks = new ArrayList<>();
        }
        GradHook.Named named = new GradHook.Named(hook, name);
        gradHooks.add(named);
        return new GradHook.Handle(this, named);
    }

    void removeGradHook(GradHook.Named hook) {
        if (gradHooks != null) {
            gradHooks.removeIf(h -> h == hook);
        }
    }

    /** The output's gradient after each hook, in order, had the chance to replace it. */
    Tensor runGradHooks(Tensor grad) {
        if (gradHooks == null) {
            return grad;
        }
        for (GradHook.Named hook : List.copyOf(gradHooks)) {
            Tensor replaced = hook.hook().apply(grad);
            if (replaced != null) {
                if (!java.util.Arrays.equals(replaced.shape(), grad.shape())) {
                    throw org.torchglot.engine.tensor.TorchException.runtime(
                            "hook '" + hook.name() + "' has changed the size of value");
                }
                grad = replaced;
            }
        }
        return grad;
    }

    @Override
    public String toString() {
        return "<" + name() + " object>";
    }
}
