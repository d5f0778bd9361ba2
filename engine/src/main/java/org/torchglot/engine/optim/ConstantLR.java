package org.torchglot.engine.optim;

import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.TorchException;

/** {@code ConstantLR(optimizer, factor=1/3, total_iters=5)}: the rate times factor until epoch total_iters. */
public class ConstantLR extends LRScheduler {
    private final double factor;
    private final int totalIters;

    public ConstantLR(Optimizer optimizer, double factor, int totalIters, int lastEpoch) {
        super(optimizer, lastEpoch);
        if (factor > 1.0 || factor < 0) {
            throw TorchException.value("Constant multiplicative factor expected to be between 0 and 1.");
        }
        this.factor = factor;
        this.totalIters = totalIters;
        initialStep();
    }

    @Override
    protected List<Double> computeLr() {
        if (lastEpoch() == 0) {
            return scaled(factor);
        }
        return lastEpoch() == totalIters ? scaled(1.0 / factor) : currentLrs();
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Options.of("factor", factor, "total_iters", (long) totalIters);
    }

    @Override
    protected List<Double> closedFormLr() {
        return fromBase(lr -> lr * (factor + (lastEpoch() >= totalIters ? 1 - factor : 0)));
    }
}
