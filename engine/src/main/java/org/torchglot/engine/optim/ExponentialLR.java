package org.torchglot.engine.optim;

import java.util.List;
import java.util.Map;

/** {@code ExponentialLR(optimizer, gamma)}: multiplies the rate by gamma every epoch. */
public class ExponentialLR extends LRScheduler {
    private final double gamma;

    public ExponentialLR(Optimizer optimizer, double gamma) {
        this(optimizer, gamma, -1);
    }

    public ExponentialLR(Optimizer optimizer, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected List<Double> computeLr() {
        return lastEpoch() == 0 ? currentLrs() : scaled(gamma);
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Options.of("gamma", gamma);
    }

    @Override
    protected List<Double> closedFormLr() {
        return fromBase(lr -> lr * Math.pow(gamma, lastEpoch()));
    }
}
