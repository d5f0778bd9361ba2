package org.torchglot.engine.nn;

import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.nn.functional.Reduction;
import org.torchglot.engine.tensor.Tensor;

/**
 * {@code nn.CrossEntropyLoss(weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0)}
 * on raw scores, against class indices or class probabilities.
 */
public class CrossEntropyLoss extends Loss {
    private final long ignoreIndex;
    private final double labelSmoothing;

    public CrossEntropyLoss() {
        this(null, Functional.IGNORE_INDEX, Reduction.MEAN, 0.0);
    }

    public CrossEntropyLoss(Tensor weight, long ignoreIndex, Reduction reduction, double labelSmoothing) {
        super(reduction);
        this.ignoreIndex = ignoreIndex;
        this.labelSmoothing = labelSmoothing;
        registerBuffer("weight", weight);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.crossEntropy(input, target, buffer("weight"), ignoreIndex, reduction(), labelSmoothing);
    }

    /** The class-index target. */
    @Override
    public boolean isPositionArgument(int index) {
        return index == 1;
    }
}
