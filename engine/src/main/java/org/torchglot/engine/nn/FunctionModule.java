package org.torchglot.engine.nn;

import java.util.function.BiFunction;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * A built-in module without parameters whose forward is a function of its input tensors and of
 * the training flag: the activations ({@code nn.Hardtanh}), the dropout variants, {@code nn.GLU},
 * {@code nn.Unflatten}, {@code nn.PairwiseDistance}. It prints as PyTorch's class of that name,
 * with PyTorch's {@code extra_repr}.
 */
public final class FunctionModule extends Module {
    private final String typeName;
    private final String extraRepr;
    private final int arity;
    private final BiFunction<Tensor[], Boolean, Tensor> forward;

    /** A one-input module; {@code forward} receives the input and whether the module is in training mode. */
    public FunctionModule(String typeName, String extraRepr, BiFunction<Tensor, Boolean, Tensor> forward) {
        this(typeName, extraRepr, 1, (inputs, training) -> forward.apply(inputs[0], training));
    }

    public FunctionModule(String typeName, String extraRepr, int arity, BiFunction<Tensor[], Boolean, Tensor> forward) {
        this.typeName = typeName;
        this.extraRepr = extraRepr;
        this.arity = arity;
        this.forward = forward;
    }

    @Override
    public Object forward(Object... args) {
        if (args.length != arity) {
            throw TorchException.type(typeName + ".forward() takes " + (arity + 1) + " positional arguments but "
                    + (args.length + 1) + " were given");
        }
        Tensor[] inputs = new Tensor[arity];
        for (int i = 0; i < arity; i++) {
            if (!(args[i] instanceof Tensor t)) {
                throw TorchException.type(typeName + ".forward(): argument " + (i + 1) + " must be a Tensor, not "
                        + (args[i] == null ? "None" : args[i].getClass().getSimpleName()));
            }
            inputs[i] = t;
        }
        return forward.apply(inputs, isTraining());
    }

    @Override
    public Tensor forward(Tensor input) {
        return (Tensor) forward(new Object[] {input});
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public String extraRepr() {
        return extraRepr;
    }
}
