package org.torchglot.engine.optim;

import java.util.List;
import java.util.Map;

/** {@code StepLR(optimizer, step_size, gamma=0.1)}: multiplies the rate by gamma every step_size epochs. */
public class StepLR extends LRScheduler {
    private final int stepSize;
    private final double gamma;

    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        this(optimizer, stepSize, gamma, -1);
    }

    public StepLR(Optimizer optimizer, int stepSize, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.stepSize = stepSize;
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected List<Double> computeLr() {
        return lastEpoch() == 0 || lastEpoch() % stepSize != 0 ? currentLrs() : scaled(gamma);
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Options.of("step_size", (long) stepSize, "gamma", gamma);
    }

    @Override
    protected List<Double> closedFormLr() {
        return fromBase(lr -> lr * Math.pow(gamma, Math.floorDiv(lastEpoch(), stepSize)));
    }
}
