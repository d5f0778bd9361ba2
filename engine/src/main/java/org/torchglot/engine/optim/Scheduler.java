package org.torchglot.engine.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every learning-rate scheduler offers, {@link ReduceLROnPlateau} included (which is no
 * {@code _LRScheduler} in PyTorch): the optimizer it drives, {@code get_last_lr()} and its state.
 */
public interface Scheduler {
    Optimizer optimizer();

    /** One epoch further (ReduceLROnPlateau needs a metric instead). */
    void step();

    List<Double> getLastLr();

    Map<String, Object> stateDict();

    void loadStateDict(Map<String, Object> state);

    /** A list of numbers from a state dict, as doubles. */
    static List<Double> doubles(List<?> values) {
        List<Double> out = new ArrayList<>();
        for (Object v : values) {
            out.add(((Number) v).doubleValue());
        }
        return out;
    }
}
