package org.torchglot.engine.optim;

import java.util.List;
import java.util.Map;

/** {@code PolynomialLR(optimizer, total_iters=5, power=1.0)}: decays to zero as (1 - t / total_iters)^power. */
public class PolynomialLR extends LRScheduler {
    private final int totalIters;
    private final double power;

    public PolynomialLR(Optimizer optimizer, int totalIters, double power, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.totalIters = totalIters;
        this.power = power;
        initialStep();
    }

    @Override
    protected List<Double> computeLr() {
        int t = lastEpoch();
        if (t == 0 || t > totalIters) {
            return currentLrs();
        }
        return scaled(Math.pow((1.0 - (double) t / totalIters) / (1.0 - (double) (t - 1) / totalIters), power));
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Options.of("total_iters", (long) totalIters, "power", power);
    }

    @Override
    protected List<Double> closedFormLr() {
        return fromBase(lr -> lr * Math.pow(1.0 - (double) Math.min(totalIters, lastEpoch()) / totalIters, power));
    }
}
