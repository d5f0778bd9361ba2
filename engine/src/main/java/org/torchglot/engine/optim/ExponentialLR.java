package org.torchglot.engine.optim;

import java.util.List;

/** {@code ExponentialLR(optimizer, gamma)}: multiplies the rate by gamma every epoch. */
public class ExponentialLR extends LRScheduler {
    private final double gamma;

    public ExponentialLR(Optimizer optimizer, double gamma) {
        super(optimizer);
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected List<Double> computeLr() {
        List<Double> lrs = currentLrs();
        return lastEpoch() == 0 ? lrs : lrs.stream().map(lr -> lr * gamma).toList();
    }
}
