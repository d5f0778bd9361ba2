package org.torchglot.engine.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.TorchException;

/** {@code ChainedScheduler(schedulers)}: each step steps every scheduler in turn, so their factors multiply. */
public class ChainedScheduler implements Scheduler {
    private final List<Scheduler> schedulers;
    private List<Double> lastLr;

    public ChainedScheduler(List<Scheduler> schedulers) {
        if (schedulers.isEmpty()) {
            throw TorchException.value("ChainedScheduler expects at least one scheduler");
        }
        for (int i = 1; i < schedulers.size(); i++) {
            if (schedulers.get(i).optimizer() != schedulers.get(0).optimizer()) {
                throw TorchException.value("ChainedScheduler expects all schedulers to belong to the same optimizer, "
                        + "but got schedulers at index 0 and " + i + " to be different");
            }
        }
        this.schedulers = List.copyOf(schedulers);
        this.lastLr = groupLrs(optimizer());
    }

    static List<Double> groupLrs(Optimizer optimizer) {
        List<Double> out = new ArrayList<>();
        for (ParamGroup group : optimizer.paramGroups()) {
            out.add(group.lr());
        }
        return out;
    }

    @Override
    public Optimizer optimizer() {
        return schedulers.get(0).optimizer();
    }

    @Override
    public void step() {
        for (Scheduler s : schedulers) {
            s.step();
        }
        lastLr = groupLrs(optimizer());
    }

    @Override
    public List<Double> getLastLr() {
        return Collections.unmodifiableList(lastLr);
    }

    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_last_lr", new ArrayList<>(lastLr));
        out.put("_schedulers", schedulers.stream().map(Scheduler::stateDict).toList());
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void loadStateDict(Map<String, Object> state) {
        if (state.get("_last_lr") instanceof List<?> lrs) {
            lastLr = Scheduler.doubles(lrs);
        }
        if (state.get("_schedulers") instanceof List<?> nested) {
            for (int i = 0; i < Math.min(nested.size(), schedulers.size()); i++) {
                if (nested.get(i) instanceof Map<?, ?> inner) {
                    schedulers.get(i).loadStateDict((Map<String, Object>) inner);
                }
            }
        }
    }
}
