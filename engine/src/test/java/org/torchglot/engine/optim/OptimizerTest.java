package org.torchglot.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.api.Convention;
import org.torchglot.engine.api.OpTable;
import org.torchglot.engine.nn.Fixtures;
import org.torchglot.engine.nn.Parameter;
import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Every optimizer's first five steps, its state and its errors, against PyTorch 1.13. */
class OptimizerTest {
    private static final Fixtures F = Fixtures.load("fixtures/optim/optim.txt");
    private static final String[] CASES = {"sgd", "sgd_momentum", "sgd_nesterov", "sgd_dampening_maximize", "adam",
        "adam_amsgrad_wd", "adamw", "adamw_amsgrad", "rmsprop", "rmsprop_centered_momentum", "adagrad",
        "adagrad_decay", "adamax", "adamax_wd_maximize", "nadam", "nadam_wd", "radam", "radam_rectified", "adadelta",
        "adadelta_wd", "rprop", "rprop_bounded", "asgd", "asgd_averaging", "lbfgs", "lbfgs_history", "lbfgs_wolfe"};

    /** Python keyword arguments as a binding would pass them: Double, Long, Boolean, List for tuples. */
    static Map<String, Object> kwargs(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String pair : text.isEmpty() ? new String[0] : text.split(" ")) {
            String[] kv = pair.split("=", 2);
            String v = kv[1];
            Object value;
            if (v.matches("[a-z_]+") && !v.equals("e")) {
                value = v;
            } else if (v.contains(",")) {
                List<Double> tuple = new ArrayList<>();
                for (String part : v.split(",")) {
                    tuple.add(Double.parseDouble(part));
                }
                value = tuple;
            } else if (v.equals("True") || v.equals("False")) {
                value = v.equals("True");
            } else if (v.contains(".") || v.contains("e")) {
                value = Double.parseDouble(v);
            } else {
                value = Long.parseLong(v);
            }
            out.put(kv[0], value);
        }
        return out;
    }

    /** Builds an optimizer through the op table, as every language does. */
    static Optimizer make(String className, List<?> params, Map<String, Object> kwargs) {
        return (Optimizer) OpTable.optimizers().call(className, new Object[] {params}, kwargs, Convention.ZERO_BASED);
    }

    @Test
    void firstFiveStepsMatchPyTorch() {
        Tensor x32 = F.tensor("problem.x", 5, 4);
        Tensor y32 = F.tensor("problem.y", 5, 3);
        for (String name : CASES) {
            DType dtype = F.string("opt." + name + ".dtype").equals("float64") ? DType.FLOAT64 : DType.FLOAT32;
            Parameter weight = new Parameter(F.tensor("problem.weight", 3, 4).to(dtype));
            Parameter bias = new Parameter(F.tensor("problem.bias", 3).to(dtype));
            Tensor x = x32.to(dtype);
            Tensor y = y32.to(dtype);
            Optimizer opt = make(F.string("opt." + name + ".class"), List.of(weight, bias),
                    kwargs(F.string("opt." + name + ".kwargs")));
            // NOTE: float64 LBFGS still amplifies dot-product summation order to ~1e-10 by step 4.
            double tolerance = dtype == DType.FLOAT64 ? 1e-8 : 1e-6;
            for (int step = 0; step < 5; step++) {
                opt.step(() -> {
                    opt.zeroGrad();
                    Tensor loss = Functional.mseLoss(Functional.linear(x, weight, bias), y);
                    loss.backward();
                    return loss;
                });
                F.assertClose("opt." + name + "." + step + ".weight", weight, tolerance, tolerance / 10);
                F.assertClose("opt." + name + "." + step + ".bias", bias, tolerance, tolerance / 10);
            }
            @SuppressWarnings("unchecked")
            Map<Integer, Map<String, Object>> state = (Map<Integer, Map<String, Object>>) opt.stateDict().get("state");
            assertEquals(F.string("opt." + name + ".state_keys"), String.join(" ", state.get(0).keySet()), name);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> groups = (List<Map<String, Object>>) opt.stateDict().get("param_groups");
            assertEquals(F.string("opt." + name + ".group_keys"), String.join(" ", groups.get(0).keySet()), name);
        }
    }

    @Test
    void stateDictRestoresTheTrajectory() {
        Tensor x = F.tensor("problem.x", 5, 4);
        Tensor y = F.tensor("problem.y", 5, 3);
        Parameter weight = new Parameter(F.tensor("problem.weight", 3, 4));
        Parameter bias = new Parameter(F.tensor("problem.bias", 3));
        Adam first = new Adam(List.of(weight, bias), kwargs(F.string("opt.adam.kwargs")));
        for (int step = 0; step < 3; step++) {
            first.zeroGrad();
            Functional.mseLoss(Functional.linear(x, weight, bias), y).backward();
            first.step();
        }
        Adam resumed = new Adam(List.of(weight, bias));
        resumed.loadStateDict(first.stateDict());
        for (int step = 3; step < 5; step++) {
            resumed.zeroGrad();
            Functional.mseLoss(Functional.linear(x, weight, bias), y).backward();
            resumed.step();
        }
        F.assertClose("opt.adam.4.weight", weight, 1e-6, 1e-7);
        assertEquals(5.0, ((Tensor) resumed.state(weight).get("step")).item());
    }

    @Test
    void constructorErrorsAndReprMatchPyTorch() {
        List<Tensor> p = List.of(Torch.zeros(1).requiresGrad_(true));
        assertEquals(F.string("error.lr"), message(() -> new SGD(p, -1.0)));
        assertEquals(F.string("error.momentum"), message(() -> new SGD(p, 0.1, -0.5)));
        assertEquals(F.string("error.nesterov"), message(() -> new SGD(p, Map.of("lr", 0.1, "nesterov", true))));
        assertEquals(F.string("error.beta"), message(() -> new Adam(p, Map.of("betas", List.of(1.0, 0.9)))));
        assertEquals(F.string("error.eps"), message(() -> new RMSprop(p, Map.of("eps", -1e-8))));
        assertEquals(F.string("error.empty"), message(() -> new Adam(List.of())));
        assertEquals(F.string("opt.repr"), new SGD(List.of(Torch.zeros(1).requiresGrad_(true)), 0.1, 0.9).toString());
    }

    private static String message(Runnable r) {
        return assertThrows(TorchException.class, r::run).getMessage();
    }

    /** The fixture's schedulers, built through the op table with the generator's keyword arguments. */
    private static Map<String, Function<Optimizer, Scheduler>> schedulers() {
        Map<String, Function<Optimizer, Scheduler>> m = new LinkedHashMap<>();
        m.put("step", o -> sched("StepLR", o, Map.of("step_size", 3L, "gamma", 0.5)));
        m.put("exponential", o -> sched("ExponentialLR", o, Map.of("gamma", 0.9)));
        m.put("cosine", o -> sched("CosineAnnealingLR", o, Map.of("T_max", 4L, "eta_min", 0.01)));
        m.put("lambda", o -> sched("LambdaLR", o, Map.of("lr_lambda", (IntToDoubleFunction) e -> Math.pow(0.95, e))));
        m.put("multiplicative", o -> sched("MultiplicativeLR", o, Map.of("lr_lambda", (IntToDoubleFunction) e -> 0.9)));
        m.put("multistep", o -> sched("MultiStepLR", o, Map.of("milestones", List.of(2L, 5L, 5L, 9L), "gamma", 0.5)));
        m.put("constant", o -> sched("ConstantLR", o, Map.of("factor", 0.5, "total_iters", 4L)));
        m.put("linear", o -> sched("LinearLR", o, Map.of("start_factor", 0.25, "end_factor", 1.0, "total_iters", 6L)));
        m.put("polynomial", o -> sched("PolynomialLR", o, Map.of("total_iters", 8L, "power", 2.0)));
        m.put("warm_restarts", o -> sched("CosineAnnealingWarmRestarts", o,
                Map.of("T_0", 3L, "T_mult", 2L, "eta_min", 0.001)));
        m.put("cyclic", o -> sched("CyclicLR", o, Map.of("base_lr", 0.01, "max_lr", 0.1, "step_size_up", 3L,
                "mode", "triangular2")));
        m.put("cyclic_exp_range", o -> sched("CyclicLR", o, Map.of("base_lr", 0.01, "max_lr", 0.1, "step_size_up", 2L,
                "step_size_down", 4L, "mode", "exp_range", "gamma", 0.9)));
        m.put("one_cycle", o -> sched("OneCycleLR", o, Map.of("max_lr", 0.1, "total_steps", 13L)));
        m.put("one_cycle_three_phase", o -> sched("OneCycleLR", o, Map.of("max_lr", 0.2, "epochs", 3L,
                "steps_per_epoch", 5L, "pct_start", 0.25, "anneal_strategy", "linear", "three_phase", true)));
        m.put("plateau", o -> sched("ReduceLROnPlateau", o, Map.of("factor", 0.5, "patience", 1L, "cooldown", 1L,
                "threshold", 0.01)));
        m.put("chained", o -> sched("ChainedScheduler", null, Map.of("schedulers", List.of(
                sched("ConstantLR", o, Map.of("factor", 0.1, "total_iters", 2L)),
                sched("ExponentialLR", o, Map.of("gamma", 0.9))))));
        m.put("sequential", o -> sched("SequentialLR", o, Map.of("schedulers", List.of(
                sched("ConstantLR", o, Map.of("factor", 0.1, "total_iters", 2L)),
                sched("ExponentialLR", o, Map.of("gamma", 0.9))), "milestones", List.of(3L))));
        return m;
    }

    private static Scheduler sched(String name, Optimizer o, Map<String, Object> kwargs) {
        Object[] positional = o == null ? new Object[0] : new Object[] {o};
        return (Scheduler) OpTable.optimizers().call(name, positional, kwargs, Convention.ZERO_BASED);
    }

    private static final double[] PLATEAU_METRICS = {1.0, 0.9, 0.95, 0.96, 0.97, 0.8, 0.8, 0.8, 0.8, 0.8, 0.7, 0.9};

    private static void stepOnce(Scheduler sched, int i) {
        if (sched instanceof ReduceLROnPlateau plateau) {
            plateau.step(PLATEAU_METRICS[i]);
        } else {
            sched.step();
        }
    }

    @Test
    void schedulersMatchPyTorch() {
        schedulers().forEach((name, make) -> {
            Optimizer opt = new SGD(List.of(Torch.zeros(1).requiresGrad_(true)), Map.of("lr", 0.1, "momentum", 0.9));
            Scheduler sched = make.apply(opt);
            double[] lrs = new double[13];
            double[] momenta = new double[13];
            lrs[0] = opt.paramGroups().get(0).lr();
            momenta[0] = opt.paramGroups().get(0).getDouble("momentum");
            for (int i = 1; i <= 12; i++) {
                opt.step();
                stepOnce(sched, i - 1);
                lrs[i] = sched.getLastLr().get(0);
                momenta[i] = opt.paramGroups().get(0).getDouble("momentum");
            }
            Fixtures.assertClose("sched." + name, F.doubles("sched." + name), lrs, 1e-12, 1e-15);
            Fixtures.assertClose("sched." + name + ".momentum", F.doubles("sched." + name + ".momentum"), momenta,
                    1e-12, 1e-15);
            assertEquals(lrs[12], opt.paramGroups().get(0).lr(), name);
            List<String> keys = new ArrayList<>(sched.stateDict().keySet());
            java.util.Collections.sort(keys);
            assertEquals(F.string("sched." + name + ".state_keys"), String.join(" ", keys), name);
        });
    }

    @Test
    void aSchedulerResumesFromItsStateDict() {
        for (String name : List.of("cosine", "warm_restarts", "plateau", "sequential", "one_cycle")) {
            Optimizer opt = new SGD(List.of(Torch.zeros(1).requiresGrad_(true)), Map.of("lr", 0.1, "momentum", 0.9));
            Scheduler first = schedulers().get(name).apply(opt);
            for (int i = 0; i < 5; i++) {
                stepOnce(first, i);
            }
            Map<String, Object> saved = first.stateDict();
            Optimizer resumedOpt = new SGD(List.of(Torch.zeros(1).requiresGrad_(true)), Map.of("lr", 0.1,
                    "momentum", 0.9));
            Scheduler resumed = schedulers().get(name).apply(resumedOpt);
            resumed.loadStateDict(saved);
            resumedOpt.paramGroups().get(0).setLr(opt.paramGroups().get(0).lr());
            for (int i = 5; i < 12; i++) {
                stepOnce(resumed, i);
            }
            assertEquals(F.doubles("sched." + name)[12], resumed.getLastLr().get(0), 1e-12, name);
        }
    }

    @Test
    void newOptimizersCheckTheirOptionsAsPyTorch() {
        List<Tensor> p = List.of(Torch.zeros(1).requiresGrad_(true));
        assertEquals("Invalid rho value: 1.5", message(() -> make("Adadelta", p, Map.of("rho", 1.5))));
        assertEquals("Invalid eta values: 1.5, 2.0", message(() -> make("Rprop", p, Map.of("etas", List.of(1.5, 2.0)))));
        assertEquals("Invalid beta parameter at index 1: 1.0",
                message(() -> make("NAdam", p, Map.of("betas", List.of(0.9, 1.0)))));
        assertEquals("LBFGS.step() missing 1 required positional argument: 'closure'",
                message(() -> make("LBFGS", p, Map.of()).step()));
        assertEquals("Tried to step 4 times. The specified number of total steps is 2", message(() -> {
            Scheduler s = sched("OneCycleLR", make("SGD", p, Map.of("lr", 0.1)), Map.of("max_lr", 0.1, "total_steps", 2L));
            s.step();
            s.step();
            s.step();
        }));
    }

    @Test
    void oneCycleKeepsAdamsBetasATupleAsPyTorchDoes() {
        List<Parameter> p = List.of(new Parameter(Torch.ones(2)));
        Optimizer adam = make("Adam", p, Map.of());
        sched("OneCycleLR", adam, Map.of("max_lr", 0.1, "total_steps", 5L)).step();
        Object betas = adam.paramGroups().get(0).get("betas");
        assertInstanceOf(org.torchglot.engine.io.Tuple.class, betas);
        assertEquals(0.999, ((Number) ((List<?>) betas).get(1)).doubleValue());
    }
}
