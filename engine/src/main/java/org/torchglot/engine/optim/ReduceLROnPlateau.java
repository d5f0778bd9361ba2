package org.torchglot.engine.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code ReduceLROnPlateau(optimizer, mode='min', factor=0.1, patience=10, threshold=1e-4,
 * threshold_mode='rel', cooldown=0, min_lr=0, eps=1e-8)}: {@code step(metric)} multiplies the rates
 * by factor (not below min_lr) once the metric has not improved by threshold for more than patience
 * epochs, then waits cooldown epochs before counting again.
 */
public class ReduceLROnPlateau implements Scheduler {
    /** The options besides the optimizer, with PyTorch's defaults. */
    public record Config(String mode, double factor, int patience, double threshold, String thresholdMode,
            int cooldown, List<Double> minLr, double eps) {
    }

    private final Optimizer optimizer;
    private final Config config;
    private final List<Double> minLrs;
    private double best;
    private int numBadEpochs;
    private int cooldownCounter;
    private int lastEpoch;
    private List<Double> lastLr;

    public ReduceLROnPlateau(Optimizer optimizer, Config config) {
        if (config.factor() >= 1.0) {
            throw TorchException.value("Factor should be < 1.0.");
        }
        if (!config.mode().equals("min") && !config.mode().equals("max")) {
            throw TorchException.value("mode " + config.mode() + " is unknown!");
        }
        if (!config.thresholdMode().equals("rel") && !config.thresholdMode().equals("abs")) {
            throw TorchException.value("threshold mode " + config.thresholdMode() + " is unknown!");
        }
        this.optimizer = optimizer;
        this.config = config;
        this.minLrs = CyclicLR.perGroup(optimizer, "min_lrs", config.minLr());
        this.best = worst();
        this.lastLr = currentLrs();
    }

    private double worst() {
        return config.mode().equals("min") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    @Override
    public Optimizer optimizer() {
        return optimizer;
    }

    @Override
    public void step() {
        throw TorchException.type("step() missing 1 required positional argument: 'metrics'");
    }

    public void step(Tensor metrics) {
        step(metrics.item());
    }

    /** One epoch with its validation metric. */
    public void step(double metrics) {
        lastEpoch++;
        if (isBetter(metrics)) {
            best = metrics;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > config.patience()) {
            reduceLr();
            cooldownCounter = config.cooldown();
            numBadEpochs = 0;
        }
        lastLr = currentLrs();
    }

    private boolean isBetter(double a) {
        boolean min = config.mode().equals("min");
        if (config.thresholdMode().equals("rel")) {
            return min ? a < best * (1.0 - config.threshold()) : a > best * (config.threshold() + 1.0);
        }
        return min ? a < best - config.threshold() : a > best + config.threshold();
    }

    private void reduceLr() {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < groups.size(); i++) {
            double old = groups.get(i).lr();
            double reduced = Math.max(old * config.factor(), minLrs.get(i));
            if (old - reduced > config.eps()) {
                groups.get(i).setLr(reduced);
            }
        }
    }

    private List<Double> currentLrs() {
        List<Double> out = new ArrayList<>();
        for (ParamGroup group : optimizer.paramGroups()) {
            out.add(group.lr());
        }
        return out;
    }

    /** The rates after the last step (PyTorch 1.13 has only {@code _last_lr}; later versions add this). */
    @Override
    public List<Double> getLastLr() {
        return Collections.unmodifiableList(lastLr);
    }

    @Override
    public Map<String, Object> stateDict() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("factor", config.factor());
        out.put("min_lrs", minLrs);
        out.put("patience", (long) config.patience());
        out.put("verbose", false);
        out.put("cooldown", (long) config.cooldown());
        out.put("cooldown_counter", (long) cooldownCounter);
        out.put("mode", config.mode());
        out.put("threshold", config.threshold());
        out.put("threshold_mode", config.thresholdMode());
        out.put("best", best);
        out.put("num_bad_epochs", (long) numBadEpochs);
        out.put("mode_worse", worst());
        out.put("eps", config.eps());
        out.put("last_epoch", (long) lastEpoch);
        out.put("_last_lr", new ArrayList<>(lastLr));
        return out;
    }

    @Override
    public void loadStateDict(Map<String, Object> state) {
        if (state.get("best") instanceof Number n) {
            best = n.doubleValue();
        }
        if (state.get("num_bad_epochs") instanceof Number n) {
            numBadEpochs = n.intValue();
        }
        if (state.get("cooldown_counter") instanceof Number n) {
            cooldownCounter = n.intValue();
        }
        if (state.get("last_epoch") instanceof Number n) {
            lastEpoch = n.intValue();
        }
        if (state.get("_last_lr") instanceof List<?> lrs) {
            lastLr = Scheduler.doubles(lrs);
        }
    }
}
