package org.torchglot.engine.autograd;

import java.util.List;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * The node of a {@code torch.autograd.Function} defined in a guest language: its backward is the
 * guest's {@code backward(ctx, grad)}, called back with the output's gradient. Named as PyTorch
 * names it, {@code <ClassName>Backward}.
 */
public final class CustomFunction extends Node {
    /** The guest's backward: one gradient (a Tensor, or null) per forward argument, as a list, array or single tensor. */
    @FunctionalInterface
    public interface Callback {
        Object apply(Tensor grad);
    }

    private final String name;
    private final int argumentCount;
    private Callback callback;

    private CustomFunction(String name, Tensor[] inputs, Callback callback) {
        super(inputs);
        this.name = name;
        this.argumentCount = inputs.length;
        this.callback = callback;
    }

    /**
     * Makes {@code output} (the forward's result, computed without grad) the output of a new node
     * calling {@code backward}, when grad mode is on and a tensor argument requires grad.
     *
     * @param arguments the forward's arguments, null where an argument is no tensor
     */
    public static Tensor record(String className, List<Tensor> arguments, Tensor output, Callback backward) {
        Tensor[] inputs = arguments.toArray(new Tensor[0]);
        if (!Tensor.needsGrad(inputs)) {
            return output;
        }
        // NOTE: an output that is an argument or has history of its own becomes a new tensor on the same data.
        Tensor out = output.isLeaf() && !output.requiresGrad() && !arguments.contains(output) ? output : output.detach();
        return out.withGradFn(new CustomFunction(className + "Backward", inputs, backward));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected Tensor[] backward(Tensor grad) {
        Object result = callback.apply(grad);
        Object[] grads = result instanceof List<?> list ? list.toArray()
                : result instanceof Object[] array ? array : new Object[] {result};
        if (grads.length != argumentCount) {
            throw TorchException.runtime("function " + name + " returned an incorrect number of gradients (expected "
                    + argumentCount + ", got " + grads.length + ")");
        }
        Tensor[] out = new Tensor[grads.length];
        for (int i = 0; i < grads.length; i++) {
            if (grads[i] != null && !(grads[i] instanceof Tensor)) {
                throw TorchException.type("function " + name + " returned a gradient different than None at position "
                        + (i + 1) + ", but the corresponding forward input was not a Variable");
            }
            out[i] = next(i) == null ? null : (Tensor) grads[i];
        }
        return out;
    }

    @Override
    protected void releaseSavedTensors() {
        callback = null;
    }
}
