package org.torchglot.engine.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code SequentialLR(optimizer, schedulers, milestones)}: the first scheduler until the first
 * milestone epoch, then the next (restarted at its epoch 0 with its closed form), and so on.
 */
public class SequentialLR implements Scheduler {
    private final Optimizer optimizer;
    private final List<LRScheduler> schedulers;
    private final List<Long> milestones;
    private int lastEpoch;
    private List<Double> lastLr;

    public SequentialLR(Optimizer optimizer, List<LRScheduler> schedulers, List<Long> milestones, int lastEpoch) {
        for (int i = 0; i < schedulers.size(); i++) {
            if (schedulers.get(i).optimizer() != optimizer) {
                throw TorchException.value("Sequential Schedulers expects all schedulers to belong to the same "
                        + "optimizer, but got schedulers at index " + i + " to be different than the optimizer passed in.");
            }
        }
        if (milestones.size() != schedulers.size() - 1) {
            throw TorchException.value("Sequential Schedulers expects number of schedulers provided to be one more "
                    + "than the number of milestone points, but got number of schedulers " + schedulers.size()
                    + " and the number of milestones to be equal to " + milestones.size());
        }
        this.optimizer = optimizer;
        this.schedulers = List.copyOf(schedulers);
        this.milestones = List.copyOf(milestones);
        this.lastEpoch = lastEpoch + 1;
        for (ParamGroup group : optimizer.paramGroups()) {
            group.setLr(group.getDouble("initial_lr"));
        }
        for (LRScheduler s : schedulers) {
            s.setLastEpoch(s.lastEpoch() - 1);
        }
        schedulers.get(0).initialStep();
        lastLr = schedulers.get(0).getLastLr();
    }

    @Override
    public Optimizer optimizer() {
        return optimizer;
    }

    @Override
    public void step() {
        lastEpoch++;
        int idx = 0;
        while (idx < milestones.size() && milestones.get(idx) <= lastEpoch) {
            idx++;
        }
        LRScheduler scheduler = schedulers.get(idx);
        if (idx > 0 && milestones.get(idx - 1) == lastEpoch) {
            scheduler.step(0);
        } else {
            scheduler.step();
        }
        lastLr = scheduler.getLastLr();
    }

    @Override
    public List<Double> getLastLr() {
        return Collections.unmodifiableList(lastLr);
    }

    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_milestones", milestones);
        out.put("last_epoch", (long) lastEpoch);
        out.put("_last_lr", new ArrayList<>(lastLr));
        out.put("_schedulers", schedulers.stream().map(Scheduler::stateDict).toList());
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void loadStateDict(Map<String, Object> state) {
        if (state.get("last_epoch") instanceof Number n) {
            lastEpoch = n.intValue();
        }
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
