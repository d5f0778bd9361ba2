package org.torchglot.engine.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.TorchException;

/**
 * The base of the learning-rate schedulers ({@code _LRScheduler} of PyTorch 1.13): records each
 * group's {@code initial_lr}, takes the first step on construction, and on every {@link #step()}
 * writes {@link #computeLr()} (PyTorch's chainable {@code get_lr}) into the groups.
 *
 * <p>{@link #stateDict()} has PyTorch's keys: the subclass's {@link #hyperParameters()} plus
 * {@code base_lrs}, {@code last_epoch}, {@code _step_count}, {@code _last_lr} and the flags.
 * {@link #loadStateDict} restores the progress (epoch, step count, rates) and the subclass's
 * {@link #loadProgress mutable state}; hyper-parameters stay the constructor's.
 */
public abstract class LRScheduler implements Scheduler {
    protected final Optimizer optimizer;
    private List<Double> baseLrs = new ArrayList<>();
    private List<Double> lastLr = List.of();
    private int lastEpoch;
    private int stepCount;

    protected LRScheduler(Optimizer optimizer) {
        this(optimizer, -1);
    }

    /** {@code lastEpoch} other than -1 resumes: every group must then hold its {@code initial_lr}. */
    protected LRScheduler(Optimizer optimizer, int lastEpoch) {
        if (optimizer == null) {
            throw TorchException.type("NoneType is not an Optimizer");
        }
        this.optimizer = optimizer;
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) {
            ParamGroup group = groups.get(i);
            if (lastEpoch == -1) {
                group.options().putIfAbsent("initial_lr", group.get("lr"));
            } else if (!group.options().containsKey("initial_lr")) {
                throw TorchException.value("param 'initial_lr' is not specified in param_groups[" + i
                        + "] when resuming an optimizer");
            }
            baseLrs.add(group.getDouble("initial_lr"));
        }
        this.lastEpoch = lastEpoch;
    }

    /** Takes the constructor's initial step; subclasses call it last in their constructor. */
    protected final void initialStep() {
        stepCount = 0;
        step();
    }

    /** The learning rate of every group for the current {@link #lastEpoch()}. */
    protected abstract List<Double> computeLr();

    /** The constructor's options under PyTorch's attribute names, for {@link #stateDict()}. */
    protected abstract Map<String, Object> hyperParameters();

    /** Advances one epoch and updates the optimizer's learning rates. */
    @Override
    public void step() {
        stepCount++;
        lastEpoch++;
        apply(computeLr());
    }

    /**
     * {@code step(epoch)}: jumps to an epoch, using the closed form where PyTorch has one
     * (deprecated in PyTorch except through SequentialLR, which restarts schedulers at 0).
     */
    public void step(int epoch) {
        stepCount++;
        lastEpoch = epoch;
        apply(closedFormLr());
    }

    /** The rates at {@link #lastEpoch()} computed from the base rates; the chainable form when there is none. */
    protected List<Double> closedFormLr() {
        return computeLr();
    }

    /** {@code base_lr * factor(base_lr)} for each group. */
    protected List<Double> fromBase(java.util.function.DoubleUnaryOperator rate) {
        return baseLrs.stream().map(rate::applyAsDouble).toList();
    }

    /** Writes one rate per group and remembers them for {@link #getLastLr()}. */
    protected final void apply(List<Double> values) {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).setLr(values.get(i));
        }
        lastLr = currentLrs();
    }

    @Override
    public Optimizer optimizer() {
        return optimizer;
    }

    /** {@code get_last_lr()}: the rates the last step set. */
    @Override
    public List<Double> getLastLr() {
        return Collections.unmodifiableList(lastLr);
    }

    public int lastEpoch() {
        return lastEpoch;
    }

    /** Moves the epoch counter; schedulers that drive others (SequentialLR) use it. */
    protected void setLastEpoch(int epoch) {
        lastEpoch = epoch;
    }

    protected int stepCount() {
        return stepCount;
    }

    protected List<Double> baseLrs() {
        return Collections.unmodifiableList(baseLrs);
    }

    /** Replaces the base rates (CyclicLR's base_lr). */
    protected void setBaseLrs(List<Double> lrs) {
        baseLrs = new ArrayList<>(lrs);
    }

    /** Each group's current learning rate. */
    protected List<Double> currentLrs() {
        List<Double> out = new ArrayList<>();
        for (ParamGroup group : optimizer.paramGroups()) {
            out.add(group.lr());
        }
        return out;
    }

    /** Each group's current rate times {@code factor}. */
    protected List<Double> scaled(double factor) {
        return currentLrs().stream().map(lr -> lr * factor).toList();
    }

    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> out = new LinkedHashMap<>(hyperParameters());
        out.put("base_lrs", new ArrayList<>(baseLrs));
        out.put("last_epoch", (long) lastEpoch);
        out.put("verbose", false);
        out.put("_step_count", (long) stepCount);
        out.put("_get_lr_called_within_step", false);
        out.put("_last_lr", new ArrayList<>(lastLr));
        return out;
    }

    @Override
    public void loadStateDict(Map<String, Object> state) {
        if (state.get("base_lrs") instanceof List<?> lrs) {
            baseLrs = Scheduler.doubles(lrs);
        }
        if (state.get("last_epoch") instanceof Number n) {
            lastEpoch = n.intValue();
        }
        if (state.get("_step_count") instanceof Number n) {
            stepCount = n.intValue();
        }
        if (state.get("_last_lr") instanceof List<?> lrs) {
            lastLr = Scheduler.doubles(lrs);
        }
        loadProgress(state);
    }

    /** Restores state beyond the epoch that a subclass changes while stepping; none by default. */
    protected void loadProgress(Map<String, Object> state) {
    }
}
