package org.torchglot.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.Fixtures;
import org.torchglot.engine.nn.Parameter;
import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Every optimizer's first five steps, its state and its errors, against PyTorch 1.13. */
class OptimizerTest {
    private static final Fixtures F = Fixtures.load("fixtures/optim/optim.txt");
    private static final String[] CASES = {"sgd", "sgd_momentum", "sgd_nesterov", "sgd_dampening_maximize", "adam",
        "adam_amsgrad_wd", "adamw", "adamw_amsgrad", "rmsprop", "rmsprop_centered_momentum", "adagrad",
        "adagrad_decay"};

    /** Python keyword arguments as a binding would pass them: Double, Long, Boolean, List for tuples. */
    static Map<String, Object> kwargs(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String pair : text.split(" ")) {
            String[] kv = pair.split("=", 2);
            String v = kv[1];
            Object value;
            if (v.contains(",")) {
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

    static Optimizer make(String className, List<?> params, Map<String, Object> kwargs) {
        Map<String, Function<Map<String, Object>, Optimizer>> byName = Map.of(
                "SGD", k -> new SGD(params, k), "Adam", k -> new Adam(params, k), "AdamW", k -> new AdamW(params, k),
                "RMSprop", k -> new RMSprop(params, k), "Adagrad", k -> new Adagrad(params, k));
        return byName.get(className).apply(kwargs);
    }

    @Test
    void firstFiveStepsMatchPyTorch() {
        Tensor x = F.tensor("problem.x", 5, 4);
        Tensor y = F.tensor("problem.y", 5, 3);
        for (String name : CASES) {
            Parameter weight = new Parameter(F.tensor("problem.weight", 3, 4));
            Parameter bias = new Parameter(F.tensor("problem.bias", 3));
            Optimizer opt = make(F.string("opt." + name + ".class"), List.of(weight, bias),
                    kwargs(F.string("opt." + name + ".kwargs")));
            for (int step = 0; step < 5; step++) {
                opt.zeroGrad();
                Functional.mseLoss(Functional.linear(x, weight, bias), y).backward();
                opt.step();
                F.assertClose("opt." + name + "." + step + ".weight", weight, 1e-6, 1e-7);
                F.assertClose("opt." + name + "." + step + ".bias", bias, 1e-6, 1e-7);
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

    @Test
    void schedulersMatchPyTorch() {
        Map<String, Function<Optimizer, LRScheduler>> cases = Map.of(
                "step", o -> new StepLR(o, 3, 0.5),
                "exponential", o -> new ExponentialLR(o, 0.9),
                "cosine", o -> new CosineAnnealingLR(o, 4, 0.01));
        cases.forEach((name, make) -> {
            Optimizer opt = new SGD(List.of(Torch.zeros(1).requiresGrad_(true)), 0.1);
            LRScheduler sched = make.apply(opt);
            double[] lrs = new double[13];
            lrs[0] = sched.getLastLr().get(0);
            for (int i = 1; i <= 12; i++) {
                opt.step();
                sched.step();
                lrs[i] = sched.getLastLr().get(0);
            }
            Fixtures.assertClose("sched." + name, F.doubles("sched." + name), lrs, 1e-15, 0);
            assertEquals(lrs[12], opt.paramGroups().get(0).lr());
        });
    }
}
