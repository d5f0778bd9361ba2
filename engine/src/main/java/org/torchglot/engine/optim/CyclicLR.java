package org.torchglot.engine.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code CyclicLR(optimizer, base_lr, max_lr, step_size_up=2000, ...)}: the rate cycles between
 * base_lr and max_lr (up in step_size_up steps, down in step_size_down), with the amplitude scaled
 * per cycle ({@code triangular}: 1, {@code triangular2}: halved each cycle) or per iteration
 * ({@code exp_range}: gamma^iteration) or by a custom {@code scale_fn}; the momentum cycles inversely
 * between max_momentum and base_momentum. Meant to be stepped after every batch.
 */
public class CyclicLR extends LRScheduler {
    /** The options besides the optimizer, with PyTorch's defaults. */
    public record Config(List<Double> baseLr, List<Double> maxLr, double stepSizeUp, Double stepSizeDown, String mode,
            double gamma, DoubleUnaryOperator scaleFn, String scaleMode, boolean cycleMomentum,
            List<Double> baseMomentum, List<Double> maxMomentum) {
    }

    private final List<Double> maxLrs;
    private final double totalSize;
    private final double stepRatio;
    private final String mode;
    private final double gamma;
    private final DoubleUnaryOperator scaleFn;
    private final String scaleMode;
    private final boolean cycleMomentum;
    private final List<Double> baseMomentums = new ArrayList<>();
    private final List<Double> maxMomentums;

    public CyclicLR(Optimizer optimizer, Config c, int lastEpoch) {
        super(prepare(optimizer, c, lastEpoch), lastEpoch);
        List<Double> baseLrs = perGroup(optimizer, "base_lr", c.baseLr());
        maxLrs = perGroup(optimizer, "max_lr", c.maxLr());
        double down = c.stepSizeDown() != null ? c.stepSizeDown() : c.stepSizeUp();
        totalSize = c.stepSizeUp() + down;
        stepRatio = c.stepSizeUp() / totalSize;
        mode = c.mode();
        gamma = c.gamma();
        if (c.scaleFn() != null) {
            scaleFn = c.scaleFn();
            scaleMode = c.scaleMode();
        } else {
            scaleFn = switch (mode) {
                case "triangular" -> x -> 1.0;
                case "triangular2" -> x -> 1 / Math.pow(2.0, x - 1);
                case "exp_range" -> x -> Math.pow(gamma, x);
                default -> throw TorchException.value("mode is invalid and scale_fn is None");
            };
            scaleMode = mode.equals("exp_range") ? "iterations" : "cycle";
        }
        cycleMomentum = c.cycleMomentum();
        if (cycleMomentum) {
            for (ParamGroup group : optimizer.paramGroups()) {
                baseMomentums.add(group.getDouble("momentum"));
            }
            maxMomentums = perGroup(optimizer, "max_momentum", c.maxMomentum());
        } else {
            maxMomentums = List.of();
        }
        initialStep();
        setBaseLrs(baseLrs);
    }

    /** Sets each group's rate (and momentum) to the base values before the base class records them. */
    private static Optimizer prepare(Optimizer optimizer, Config c, int lastEpoch) {
        if (c.mode() != null && !List.of("triangular", "triangular2", "exp_range").contains(c.mode())
                && c.scaleFn() == null) {
            throw TorchException.value("mode is invalid and scale_fn is None");
        }
        if (c.cycleMomentum() && !optimizer.defaults().containsKey("momentum")) {
            throw TorchException.value("optimizer must support momentum with `cycle_momentum` option enabled");
        }
        if (lastEpoch == -1) {
            List<Double> lrs = perGroup(optimizer, "base_lr", c.baseLr());
            List<Double> momenta = c.cycleMomentum() ? perGroup(optimizer, "base_momentum", c.baseMomentum()) : null;
            for (int i = 0; i < lrs.size(); i++) {
                ParamGroup group = optimizer.paramGroups().get(i);
                group.setLr(lrs.get(i));
                if (momenta != null) {
                    group.set("momentum", momenta.get(i));
                }
            }
        }
        return optimizer;
    }

    /** A value given once for all groups or once per group. */
    static List<Double> perGroup(Optimizer optimizer, String name, List<Double> values) {
        int groups = optimizer.paramGroups().size();
        if (values.size() == 1) {
            return java.util.Collections.nCopies(groups, values.get(0));
        }
        if (values.size() != groups) {
            throw TorchException.value("expected " + groups + " values for " + name + ", got " + values.size());
        }
        return values;
    }

    @Override
    protected List<Double> computeLr() {
        double cycle = Math.floor(1 + lastEpoch() / totalSize);
        double x = 1.0 + lastEpoch() / totalSize - cycle;
        double scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
        double scale = scaleFn.applyAsDouble(scaleMode.equals("cycle") ? cycle : lastEpoch());
        List<Double> lrs = new ArrayList<>();
        for (int i = 0; i < maxLrs.size(); i++) {
            double base = baseLrs().get(i);
            lrs.add(base + (maxLrs.get(i) - base) * scaleFactor * scale);
        }
        if (cycleMomentum) {
            for (int i = 0; i < maxMomentums.size(); i++) {
                double max = maxMomentums.get(i);
                optimizer.paramGroups().get(i).set("momentum", max - (max - baseMomentums.get(i)) * scaleFactor * scale);
            }
        }
        return lrs;
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        return Options.of("max_lrs", maxLrs, "total_size", totalSize, "step_ratio", stepRatio, "mode", mode,
                "gamma", gamma, "_scale_fn_ref", null, "_scale_fn_custom", null, "scale_mode", scaleMode,
                "cycle_momentum", cycleMomentum, "base_momentums", baseMomentums, "max_momentums", maxMomentums);
    }
}
