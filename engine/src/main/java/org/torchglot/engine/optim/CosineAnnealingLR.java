package org.torchglot.engine.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code CosineAnnealingLR(optimizer, T_max, eta_min=0)} with PyTorch 1.13's recursive update, so
 * rates match step by step (including after other changes to a group's lr):
 * {@code lr_t = eta_min + (lr_{t-1} - eta_min) * (1 + cos(pi t / T)) / (1 + cos(pi (t-1) / T))}.
 */
public class CosineAnnealingLR extends LRScheduler {
    private final int tMax;
    private final double etaMin;

    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0.0);
    }

    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        this(optimizer, tMax, etaMin, -1);
    }

    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin, int lastEpoch) {
        super(optimizer, lastEpoch);
        this.tMax = tMax;
        this.etaMin = etaMin;
        initialStep();
    }

    @Override
    protected List<Double> computeLr() {
        int epoch = lastEpoch();
        List<Double> lrs = currentLrs();
        List<Double> bases = baseLrs();
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < lrs.size(); i++) {
            double lr = lrs.get(i);
            double base = bases.get(i);
            if (epoch == 0) {
                out.add(lr);
            } else if (stepCount() == 1 && epoch > 0) {
                out.add(etaMin + (base - etaMin) * (1 + StrictMath.cos(epoch * Math.PI / tMax)) / 2);
            } else if (Math.floorMod(epoch - 1 - tMax, 2 * tMax) == 0) {
                out.add(lr + (base - etaMin) * (1 - StrictMath.cos(Math.PI / tMax)) / 2);
            } else {
                out.add((1 + StrictMath.cos(Math.PI * epoch / tMax)) / (1 + StrictMath.cos(Math.PI * (epoch - 1) / tMax))
                        * (lr - etaMin) + etaMin);
            }
        }
        return out;
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Options.of("T_max", (long) tMax, "eta_min", etaMin);
    }

    @Override
    protected List<Double> closedFormLr() {
        return fromBase(lr -> etaMin + (lr - etaMin) * (1 + StrictMath.cos(Math.PI * lastEpoch() / tMax)) / 2);
    }
}
