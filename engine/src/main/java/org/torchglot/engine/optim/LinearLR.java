package org.torchglot.engine.optim;

import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code LinearLR(optimizer, start_factor=1/3, end_factor=1.0, total_iters=5)}: the rate's factor
 * moves linearly from start_factor to end_factor over total_iters epochs.
 */
public class LinearLR extends LRScheduler {
    private final double startFactor;
    private final double endFactor;
    private final int totalIters;

    public LinearLR(Optimizer optimizer, double startFactor, double endFactor, int totalIters, int lastEpoch) {
        super(optimizer, lastEpoch);
        if (startFactor > 1.0 || startFactor < 0) {
            throw TorchException.value("Starting multiplicative factor expected to be between 0 and 1.");
        }
        if (endFactor > 1.0 || endFactor < 0) {
            throw TorchException.value("Ending multiplicative factor expected to be between 0 and 1.");
        }
        this.startFactor = startFactor;
        this.endFactor = endFactor;
        this.totalIters = totalIters;
        initialStep();
    }

    @Override
    protected List<Double> computeLr() {
        if (lastEpoch() == 0) {
            return scaled(startFactor);
        }
        if (lastEpoch() > totalIters) {
            return currentLrs();
        }
        return scaled(1. + (endFactor - startFactor)
                / (totalIters * startFactor + (lastEpoch() - 1) * (endFactor - startFactor)));
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Options.of("start_factor", startFactor, "end_factor", endFactor, "total_iters", (long) totalIters);
    }

    @Override
    protected List<Double> closedFormLr() {
        return fromBase(lr -> lr * (startFactor
                + (endFactor - startFactor) * Math.min(totalIters, lastEpoch()) / totalIters));
    }
}
