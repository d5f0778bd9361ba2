package org.torchglot.engine.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The base of the learning-rate schedulers ({@code _LRScheduler} of PyTorch 1.13): records each
 * group's {@code initial_lr}, takes the first step on construction (epoch 0), and on every
 * {@link #step()} writes {@link #computeLr()} into the groups.
 */
public abstract class LRScheduler {
    protected final Optimizer optimizer;
    private final List<Double> baseLrs = new ArrayList<>();
    private List<Double> lastLr = List.of();
    private int lastEpoch = -1;
    private int stepCount;

    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
        for (ParamGroup group : optimizer.paramGroups()) {
            group.options().putIfAbsent("initial_lr", group.get("lr"));
            baseLrs.add(group.getDouble("initial_lr"));
        }
    }

    /** Takes the constructor's initial step; subclasses call it last in their constructor. */
    protected final void initialStep() {
        step();
    }

    /** The learning rate of every group for the current {@link #lastEpoch()}. */
    protected abstract List<Double> computeLr();

    /** Advances one epoch and updates the optimizer's learning rates. */
    public void step() {
        stepCount++;
        lastEpoch++;
        List<Double> values = computeLr();
        List<ParamGroup> groups = optimizer.paramGroups();
        List<Double> applied = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).setLr(values.get(i));
            applied.add(values.get(i));
        }
        lastLr = applied;
    }

    /** {@code get_last_lr()}: the rates the last step set. */
    public List<Double> getLastLr() {
        return Collections.unmodifiableList(lastLr);
    }

    public int lastEpoch() {
        return lastEpoch;
    }

    protected int stepCount() {
        return stepCount;
    }

    protected List<Double> baseLrs() {
        return Collections.unmodifiableList(baseLrs);
    }

    /** Each group's current learning rate. */
    protected List<Double> currentLrs() {
        List<Double> out = new ArrayList<>();
        for (ParamGroup group : optimizer.paramGroups()) {
            out.add(group.lr());
        }
        return out;
    }
}
