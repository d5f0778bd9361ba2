package org.torchglot.engine.nn;

import org.torchglot.engine.nn.functional.Reduction;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * A loss module that calls its functional form with the tensors it is given (two for most losses,
 * three for {@code MarginRankingLoss}, {@code CosineEmbeddingLoss}, {@code TripletMarginLoss},
 * {@code GaussianNLLLoss}) and its own settings; optional class weights are kept as the buffer
 * {@code weight}, as in PyTorch.
 */
public final class ComposedLoss extends Loss {
    /** The loss of the given tensors, reading this module's buffers. */
    @FunctionalInterface
    public interface Forward {
        Tensor apply(Tensor[] inputs, ComposedLoss self);
    }

    private final String typeName;
    private final int arity;
    private final Forward forward;
    private boolean classTarget;

    public ComposedLoss(String typeName, Reduction reduction, int arity, Forward forward) {
        super(reduction);
        this.typeName = typeName;
        this.arity = arity;
        this.forward = forward;
    }

    /** Keeps optional class weights as the buffer {@code weight} (None when null), as {@code _WeightedLoss}. */
    public ComposedLoss withWeight(Tensor weight) {
        registerBuffer("weight", weight);
        return this;
    }

    /** Marks the second argument as class indices ({@link #isPositionArgument}). */
    public ComposedLoss withClassTarget() {
        classTarget = true;
        return this;
    }

    @Override
    public boolean isPositionArgument(int index) {
        return classTarget && index == 1;
    }

    /** The class-weight buffer, or null. */
    public Tensor weight() {
        return has("weight") ? buffer("weight") : null;
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return (Tensor) forward(new Object[] {input, target});
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
                throw TorchException.type(typeName + ".forward(): argument " + (i + 1) + " must be a Tensor");
            }
            inputs[i] = t;
        }
        return forward.apply(inputs, this);
    }

    @Override
    public String typeName() {
        return typeName;
    }
}
