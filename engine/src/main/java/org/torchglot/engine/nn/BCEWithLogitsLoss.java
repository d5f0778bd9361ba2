package org.torchglot.engine.nn;

import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.nn.functional.Reduction;
import org.torchglot.engine.tensor.Tensor;

/** {@code nn.BCEWithLogitsLoss(weight=None, reduction='mean', pos_weight=None)}: sigmoid + BCE, stably. */
public class BCEWithLogitsLoss extends Loss {
    public BCEWithLogitsLoss() {
        this(null, Reduction.MEAN, null);
    }

    /** {@code weight} and {@code posWeight} may be null; both are kept as buffers. */
    public BCEWithLogitsLoss(Tensor weight, Reduction reduction, Tensor posWeight) {
        super(reduction);
        registerBuffer("weight", weight);
        registerBuffer("pos_weight", posWeight);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Functional.binaryCrossEntropyWithLogits(input, target, buffer("weight"), buffer("pos_weight"),
                reduction());
    }
}
