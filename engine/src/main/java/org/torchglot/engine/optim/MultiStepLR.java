package org.torchglot.engine.optim;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code MultiStepLR(optimizer, milestones, gamma=0.1)}: multiplies the rate by gamma at each
 * milestone epoch (by gamma^k for a milestone listed k times).
 */
public class MultiStepLR extends LRScheduler {
    private final Map<Long, Long> milestones = new TreeMap<>();
    private final double gamma;

    public MultiStepLR(Optimizer optimizer, List<Long> milestones, double gamma, int lastEpoch) {
        super(optimizer, lastEpoch);
        for (long m : milestones) {
            this.milestones.merge(m, 1L, Long::sum);
        }
        this.gamma = gamma;
        initialStep();
    }

    @Override
    protected List<Double> computeLr() {
        Long count = milestones.get((long) lastEpoch());
        return count == null ? currentLrs() : scaled(Math.pow(gamma, count));
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Options.of("milestones", Collections.unmodifiableMap(milestones), "gamma", gamma);
    }

    @Override
    protected List<Double> closedFormLr() {
        long passed = milestones.entrySet().stream().filter(e -> e.getKey() <= lastEpoch())
                .mapToLong(Map.Entry::getValue).sum();
        return fromBase(lr -> lr * Math.pow(gamma, passed));
    }
}
