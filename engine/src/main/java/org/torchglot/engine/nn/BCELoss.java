package org.torchglot.engine.nn;

import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.nn.functional.Reduction;
import org.torchglot.engine.tensor.Tensor;

/** {@code nn.BCELoss(weight=None, reduction='mean')}: binary cross-entropy of probabilities. */
public class BCELoss extends Loss {
    public BCELoss() {
        this(null, Reduction.MEAN);
    }

    /** {@code weight} (may be null) rescales each element's loss; it is kept as a buffer. */
    public BCELoss(Tensor weight, Reduction reduction) {
        super(reduction);
        registerBuffer("weight", weight);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.binaryCrossEntropy(input, target, buffer("weight"), reduction());
    }
}
