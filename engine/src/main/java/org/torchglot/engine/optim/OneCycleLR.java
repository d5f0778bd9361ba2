package org.torchglot.engine.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code OneCycleLR(optimizer, max_lr, total_steps=None, epochs=None, steps_per_epoch=None, ...)}:
 * the 1cycle policy. The rate rises from {@code max_lr / div_factor} to max_lr over
 * {@code pct_start} of the steps, then anneals ({@code cos} or {@code linear}) to
 * {@code initial_lr / final_div_factor} (three_phase: back to the initial rate first); momentum (or
 * Adam's beta1) moves the other way. The groups carry {@code initial_lr}, {@code max_lr},
 * {@code min_lr}, {@code max_momentum}, {@code base_momentum}, as in PyTorch.
 */
public class OneCycleLR extends LRScheduler {
    /** The options besides the optimizer, with PyTorch's defaults. */
    public record Config(List<Double> maxLr, Integer totalSteps, Integer epochs, Integer stepsPerEpoch,
            double pctStart, String annealStrategy, boolean cycleMomentum, List<Double> baseMomentum,
            List<Double> maxMomentum, double divFactor, double finalDivFactor, boolean threePhase) {
    }

    private record Phase(double endStep, String startLr, String endLr, String startMomentum, String endMomentum) {
    }

    private final int totalSteps;
    private final List<Phase> phases;
    private final boolean linear;
    private final boolean cycleMomentum;
    private final boolean useBeta1;

    public OneCycleLR(Optimizer optimizer, Config c, int lastEpoch) {
        super(prepare(optimizer, c, lastEpoch), lastEpoch);
        totalSteps = totalSteps(c);
        phases = c.threePhase()
                ? List.of(new Phase(c.pctStart() * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                        new Phase(2 * c.pctStart() * totalSteps - 2, "max_lr", "initial_lr", "base_momentum",
                                "max_momentum"),
                        new Phase(totalSteps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum"))
                : List.of(new Phase(c.pctStart() * totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                        new Phase(totalSteps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum"));
        linear = c.annealStrategy().equals("linear");
        cycleMomentum = c.cycleMomentum();
        useBeta1 = optimizer.defaults().containsKey("betas");
        initialStep();
    }

    private static int totalSteps(Config c) {
        if (c.totalSteps() == null && c.epochs() == null && c.stepsPerEpoch() == null) {
            throw TorchException.value("You must define either total_steps OR (epochs AND steps_per_epoch)");
        }
        if (c.totalSteps() != null) {
            if (c.totalSteps() <= 0) {
                throw TorchException.value("Expected positive integer total_steps, but got " + c.totalSteps());
            }
            return c.totalSteps();
        }
        if (c.epochs() == null || c.epochs() <= 0) {
            throw TorchException.value("Expected positive integer epochs, but got " + c.epochs());
        }
        if (c.stepsPerEpoch() == null || c.stepsPerEpoch() <= 0) {
            throw TorchException.value("Expected positive integer steps_per_epoch, but got " + c.stepsPerEpoch());
        }
        return c.epochs() * c.stepsPerEpoch();
    }

    /** Writes the per-group rates and momenta the schedule reads, before the base class records initial_lr. */
    private static Optimizer prepare(Optimizer optimizer, Config c, int lastEpoch) {
        totalSteps(c);
        if (c.pctStart() < 0 || c.pctStart() > 1) {
            throw TorchException.value("Expected float between 0 and 1 pct_start, but got " + c.pctStart());
        }
        if (!c.annealStrategy().equals("cos") && !c.annealStrategy().equals("linear")) {
            throw TorchException.value("anneal_strategy must by one of 'cos' or 'linear', instead got "
                    + c.annealStrategy());
        }
        List<Double> maxLrs = CyclicLR.perGroup(optimizer, "max_lr", c.maxLr());
        List<ParamGroup> groups = optimizer.paramGroups();
        if (lastEpoch == -1) {
            for (int i = 0; i < groups.size(); i++) {
                ParamGroup group = groups.get(i);
                double initial = maxLrs.get(i) / c.divFactor();
                group.set("initial_lr", initial);
                group.set("max_lr", maxLrs.get(i));
                group.set("min_lr", initial / c.finalDivFactor());
            }
        }
        if (c.cycleMomentum()) {
            boolean beta1 = optimizer.defaults().containsKey("betas");
            if (!optimizer.defaults().containsKey("momentum") && !beta1) {
                throw TorchException.value("optimizer must support momentum with `cycle_momentum` option enabled");
            }
            List<Double> maxMomenta = CyclicLR.perGroup(optimizer, "max_momentum", c.maxMomentum());
            List<Double> baseMomenta = CyclicLR.perGroup(optimizer, "base_momentum", c.baseMomentum());
            if (lastEpoch == -1) {
                for (int i = 0; i < groups.size(); i++) {
                    setMomentum(groups.get(i), beta1, maxMomenta.get(i));
                    groups.get(i).set("max_momentum", maxMomenta.get(i));
                    groups.get(i).set("base_momentum", baseMomenta.get(i));
                }
            }
        }
        return optimizer;
    }

    private static void setMomentum(ParamGroup group, boolean beta1, double momentum) {
        if (beta1) {
            // NOTE: a tuple, as PyTorch's (m, *betas[1:]), so state dicts and checkpoints keep betas' type.
            List<?> betas = (List<?>) group.get("betas");
            group.set("betas", Options.tuple(momentum, ((Number) betas.get(1)).doubleValue()));
        } else {
            group.set("momentum", momentum);
        }
    }

    private double anneal(double start, double end, double pct) {
        return linear ? (end - start) * pct + start : end + (start - end) / 2.0 * (StrictMath.cos(Math.PI * pct) + 1);
    }

    @Override
    protected List<Double> computeLr() {
        int stepNum = lastEpoch();
        if (stepNum > totalSteps) {
            throw TorchException.value("Tried to step " + (stepNum + 1) + " times. The specified number of total steps is "
                    + totalSteps);
        }
        List<Double> lrs = new ArrayList<>();
        for (ParamGroup group : optimizer.paramGroups()) {
            double startStep = 0;
            for (int i = 0; i < phases.size(); i++) {
                Phase phase = phases.get(i);
                if (stepNum <= phase.endStep() || i == phases.size() - 1) {
                    double pct = (stepNum - startStep) / (phase.endStep() - startStep);
                    lrs.add(anneal(group.getDouble(phase.startLr()), group.getDouble(phase.endLr()), pct));
                    if (cycleMomentum) {
                        setMomentum(group, useBeta1, anneal(group.getDouble(phase.startMomentum()),
                                group.getDouble(phase.endMomentum()), pct));
                    }
                    break;
                }
                startStep = phase.endStep();
            }
        }
        return lrs;
    }

    @Override
    protected Map<String, Object> hyperParameters() {
        List<Map<String, Object>> schedule = phases.stream().map(p -> Options.of("end_step", p.endStep(),
                "start_lr", p.startLr(), "end_lr", p.endLr(), "start_momentum", p.startMomentum(),
                "end_momentum", p.endMomentum())).toList();
        return Options.of("total_steps", (long) totalSteps, "_schedule_phases", schedule,
                "anneal_func", linear ? "linear" : "cos", "cycle_momentum", cycleMomentum, "use_beta1", useBeta1);
    }
}
