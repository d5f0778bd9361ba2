package org.torchglot.engine.nn;

import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.nn.functional.Reduction;
import org.torchglot.engine.tensor.Tensor;

/** {@code nn.NLLLoss(weight=None, ignore_index=-100, reduction='mean')} on log-probabilities. */
public class NLLLoss extends Loss {
    private final long ignoreIndex;

    public NLLLoss() {
        this(null, Functional.IGNORE_INDEX, Reduction.MEAN);
    }

    public NLLLoss(Tensor weight, long ignoreIndex, Reduction reduction) {
        super(reduction);
        this.ignoreIndex = ignoreIndex;
        registerBuffer("weight", weight);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.nllLoss(input, target, buffer("weight"), ignoreIndex, reduction());
    }

    /** The class-index target. */
    @Override
    public boolean isPositionArgument(int index) {
        return index == 1;
    }
}
