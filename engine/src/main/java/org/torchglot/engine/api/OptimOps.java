package org.torchglot.engine.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import org.torchglot.engine.optim.ASGD;
import org.torchglot.engine.optim.Adadelta;
import org.torchglot.engine.optim.Adagrad;
import org.torchglot.engine.optim.Adam;
import org.torchglot.engine.optim.AdamW;
import org.torchglot.engine.optim.Adamax;
import org.torchglot.engine.optim.ChainedScheduler;
import org.torchglot.engine.optim.ConstantLR;
import org.torchglot.engine.optim.CosineAnnealingLR;
import org.torchglot.engine.optim.CosineAnnealingWarmRestarts;
import org.torchglot.engine.optim.CyclicLR;
import org.torchglot.engine.optim.ExponentialLR;
import org.torchglot.engine.optim.LBFGS;
import org.torchglot.engine.optim.LRScheduler;
import org.torchglot.engine.optim.LambdaLR;
import org.torchglot.engine.optim.LinearLR;
import org.torchglot.engine.optim.MultiStepLR;
import org.torchglot.engine.optim.MultiplicativeLR;
import org.torchglot.engine.optim.NAdam;
import org.torchglot.engine.optim.OneCycleLR;
import org.torchglot.engine.optim.Optimizer;
import org.torchglot.engine.optim.PolynomialLR;
import org.torchglot.engine.optim.RAdam;
import org.torchglot.engine.optim.RMSprop;
import org.torchglot.engine.optim.ReduceLROnPlateau;
import org.torchglot.engine.optim.Rprop;
import org.torchglot.engine.optim.SGD;
import org.torchglot.engine.optim.Scheduler;
import org.torchglot.engine.optim.SequentialLR;
import org.torchglot.engine.optim.StepLR;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * The op-table entries of {@code torch.optim}: every optimizer (returns {@code Optimizer}) and
 * learning-rate scheduler (returns {@code Scheduler}), with PyTorch 1.13's signatures. Each
 * language's {@code torch.optim} and {@code lr_scheduler} classes, R's {@code optim_*} and
 * {@code lr_*} functions, completion and docs come from these entries, so a new one is one line here.
 */
final class OptimOps {
    private OptimOps() {
    }

    static void register(OpTable t) {
        registerOptimizers(t);
        registerSchedulers(t);
    }

    private static final String BETAS = "any betas=None, float eps=1e-08, float weight_decay=0";

    private static void registerOptimizers(OpTable t) {
        t.register("SGD(any params, float lr, float momentum=0, float dampening=0, float weight_decay=0, "
                + "bool nesterov=False, *, bool maximize=False, any foreach=None, bool differentiable=False) -> Optimizer",
                "Stochastic gradient descent, with optional momentum.", a -> new SGD(params(a), options(a)));
        t.register("Adam(any params, float lr=0.001, " + BETAS + ", bool amsgrad=False, *, any foreach=None, "
                + "bool maximize=False, bool capturable=False, bool differentiable=False, bool fused=False) -> Optimizer",
                "Adam.", a -> new Adam(params(a), options(a)));
        t.register("AdamW(any params, float lr=0.001, any betas=None, float eps=1e-08, float weight_decay=0.01, "
                + "bool amsgrad=False, *, bool maximize=False, any foreach=None, bool capturable=False) -> Optimizer",
                "Adam with decoupled weight decay.", a -> new AdamW(params(a), options(a)));
        t.register("Adamax(any params, float lr=0.002, " + BETAS + ", any foreach=None, *, bool maximize=False) "
                + "-> Optimizer", "Adam with the infinity norm.", a -> new Adamax(params(a), options(a)));
        t.register("NAdam(any params, float lr=0.002, " + BETAS + ", float momentum_decay=0.004, any foreach=None) "
                + "-> Optimizer", "Adam with Nesterov momentum.", a -> new NAdam(params(a), options(a)));
        t.register("RAdam(any params, float lr=0.001, " + BETAS + ", any foreach=None) -> Optimizer",
                "Rectified Adam.", a -> new RAdam(params(a), options(a)));
        t.register("Adadelta(any params, float lr=1.0, float rho=0.9, float eps=1e-06, float weight_decay=0, "
                + "any foreach=None, *, bool maximize=False) -> Optimizer", "Adadelta.",
                a -> new Adadelta(params(a), options(a)));
        t.register("Adagrad(any params, float lr=0.01, float lr_decay=0, float weight_decay=0, "
                + "float initial_accumulator_value=0, float eps=1e-10, any foreach=None, *, bool maximize=False) "
                + "-> Optimizer", "Adagrad.", a -> new Adagrad(params(a), options(a)));
        t.register("RMSprop(any params, float lr=0.01, float alpha=0.99, float eps=1e-08, float weight_decay=0, "
                + "float momentum=0, bool centered=False, any foreach=None, bool maximize=False, "
                + "bool differentiable=False) -> Optimizer", "RMSprop.", a -> new RMSprop(params(a), options(a)));
        t.register("Rprop(any params, float lr=0.01, any etas=None, any step_sizes=None, any foreach=None, "
                + "bool maximize=False) -> Optimizer", "Resilient backpropagation: per-element step sizes from "
                + "gradient signs.", a -> new Rprop(params(a), options(a)));
        t.register("ASGD(any params, float lr=0.01, float lambd@lambda=0.0001, float alpha=0.75, float t0=1000000.0, "
                + "float weight_decay=0, any foreach=None, bool maximize=False) -> Optimizer", "Averaged SGD.",
                a -> new ASGD(params(a), options(a)));
        t.register("LBFGS(any params, float lr=1, int max_iter=20, int? max_eval=None, float tolerance_grad=1e-07, "
                + "float tolerance_change=1e-09, int history_size=100, str? line_search_fn=None) -> Optimizer",
                "Limited-memory BFGS; step(closure) re-evaluates the loss.", a -> new LBFGS(params(a), options(a)));
    }

    private static final String LAST_EPOCH = "int last_epoch=-1, bool verbose=False";

    private static void registerSchedulers(OpTable t) {
        t.register("LambdaLR(any optimizer, any lr_lambda, " + LAST_EPOCH + ") -> Scheduler",
                "The initial rate times lr_lambda(epoch).",
                a -> new LambdaLR(optimizer(a), lambdas(a.any(1)), a.intValue(2)));
        t.register("MultiplicativeLR(any optimizer, any lr_lambda, " + LAST_EPOCH + ") -> Scheduler",
                "Multiplies the rate by lr_lambda(epoch) every epoch.",
                a -> new MultiplicativeLR(optimizer(a), lambdas(a.any(1)), a.intValue(2)));
        t.register("StepLR(any optimizer, int step_size, float gamma=0.1, " + LAST_EPOCH + ") -> Scheduler",
                "Decays the learning rate by gamma every step_size epochs.",
                a -> new StepLR(optimizer(a), a.intValue(1), a.doubleValue(2), a.intValue(3)));
        t.register("MultiStepLR(any optimizer, int[] milestones, float gamma=0.1, " + LAST_EPOCH + ") -> Scheduler",
                "Decays the learning rate by gamma at each milestone epoch.",
                a -> new MultiStepLR(optimizer(a), longs(a.any(1)), a.doubleValue(2), a.intValue(3)));
        t.register("ConstantLR(any optimizer, float factor=0.3333333333333333, int total_iters=5, " + LAST_EPOCH
                + ") -> Scheduler", "The rate times factor until epoch total_iters.",
                a -> new ConstantLR(optimizer(a), a.doubleValue(1), a.intValue(2), a.intValue(3)));
        t.register("LinearLR(any optimizer, float start_factor=0.3333333333333333, float end_factor=1.0, "
                + "int total_iters=5, " + LAST_EPOCH + ") -> Scheduler",
                "The rate's factor moves linearly from start_factor to end_factor.",
                a -> new LinearLR(optimizer(a), a.doubleValue(1), a.doubleValue(2), a.intValue(3), a.intValue(4)));
        t.register("ExponentialLR(any optimizer, float gamma, " + LAST_EPOCH + ") -> Scheduler",
                "Decays the learning rate by gamma every epoch.",
                a -> new ExponentialLR(optimizer(a), a.doubleValue(1), a.intValue(2)));
        t.register("PolynomialLR(any optimizer, int total_iters=5, float power=1.0, " + LAST_EPOCH + ") -> Scheduler",
                "Polynomial decay to zero over total_iters epochs.",
                a -> new PolynomialLR(optimizer(a), a.intValue(1), a.doubleValue(2), a.intValue(3)));
        t.register("CosineAnnealingLR(any optimizer, int T_max, float eta_min=0, " + LAST_EPOCH + ") -> Scheduler",
                "Cosine annealing of the learning rate.",
                a -> new CosineAnnealingLR(optimizer(a), a.intValue(1), a.doubleValue(2), a.intValue(3)));
        t.register("ChainedScheduler(any schedulers) -> Scheduler", "Steps several schedulers together.",
                a -> new ChainedScheduler(schedulers(a.any(0), Scheduler.class)));
        t.register("SequentialLR(any optimizer, any schedulers, int[] milestones, " + LAST_EPOCH + ") -> Scheduler",
                "One scheduler after another, switching at the milestones.",
                a -> new SequentialLR(optimizer(a), schedulers(a.any(1), LRScheduler.class), longs(a.any(2)),
                        a.intValue(3)));
        t.register("ReduceLROnPlateau(any optimizer, str mode='min', float factor=0.1, int patience=10, "
                + "float threshold=0.0001, str threshold_mode='rel', int cooldown=0, any min_lr=0, float eps=1e-08, "
                + "bool verbose=False) -> Scheduler", "Reduces the rate when step(metric) stops improving.",
                a -> new ReduceLROnPlateau(optimizer(a), new ReduceLROnPlateau.Config(a.string(1), a.doubleValue(2),
                        a.intValue(3), a.doubleValue(4), a.string(5), a.intValue(6), doubles(a.any(7)),
                        a.doubleValue(8))));
        t.register("CyclicLR(any optimizer, any base_lr, any max_lr, float step_size_up=2000, "
                + "float? step_size_down=None, str mode='triangular', float gamma=1.0, any scale_fn=None, "
                + "str scale_mode='cycle', bool cycle_momentum=True, any base_momentum=0.8, any max_momentum=0.9, "
                + LAST_EPOCH + ") -> Scheduler", "Cycles the rate between base_lr and max_lr (stepped every batch).",
                a -> new CyclicLR(optimizer(a), new CyclicLR.Config(doubles(a.any(1)), doubles(a.any(2)),
                        a.doubleValue(3), a.doubleOrNull(4), a.string(5), a.doubleValue(6), scaleFn(a.any(7)),
                        a.string(8), a.bool(9), doubles(a.any(10)), doubles(a.any(11))), a.intValue(12)));
        t.register("OneCycleLR(any optimizer, any max_lr, int? total_steps=None, int? epochs=None, "
                + "int? steps_per_epoch=None, float pct_start=0.3, str anneal_strategy='cos', bool cycle_momentum=True, "
                + "any base_momentum=0.85, any max_momentum=0.95, float div_factor=25.0, "
                + "float final_div_factor=10000.0, bool three_phase=False, " + LAST_EPOCH + ") -> Scheduler",
                "The 1cycle policy: up to max_lr, then annealed far below the start.",
                a -> new OneCycleLR(optimizer(a), new OneCycleLR.Config(doubles(a.any(1)), a.intOrNull(2),
                        a.intOrNull(3), a.intOrNull(4), a.doubleValue(5), a.string(6), a.bool(7), doubles(a.any(8)),
                        doubles(a.any(9)), a.doubleValue(10), a.doubleValue(11), a.bool(12)), a.intValue(13)));
        t.register("CosineAnnealingWarmRestarts(any optimizer, int T_0, int T_mult=1, float eta_min=0, " + LAST_EPOCH
                + ") -> Scheduler", "Cosine annealing with warm restarts (SGDR).",
                a -> new CosineAnnealingWarmRestarts(optimizer(a), a.intValue(1), a.intValue(2), a.doubleValue(3),
                        a.intValue(4)));
    }

    private static List<?> params(Args a) {
        Object p = a.any(0);
        if (p instanceof List<?> l) {
            return l;
        }
        if (p instanceof Tensor t) {
            throw TorchException.type("params argument given to the optimizer should be an iterable of Tensors or "
                    + "dicts, but got " + t.dtype().typeName());
        }
        if (p instanceof Object[] arr) {
            return List.of(arr);
        }
        if (p instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            it.forEach(out::add);
            return out;
        }
        throw TorchException.type("params argument given to the optimizer should be an iterable of Tensors or dicts, "
                + "but got " + Conversions.describe(p));
    }

    /**
     * Every option after {@code params} by PyTorch's name, except None and values equal to the
     * signature's default: those keep the optimizer's own default, so a group prints
     * {@code weight_decay: 0} as PyTorch's does rather than the table's {@code 0.0}.
     */
    private static Map<String, Object> options(Args a) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Signature.Param> params = a.signature().params();
        for (int i = 1; i < params.size(); i++) {
            Signature.Param p = params.get(i);
            if (!a.isNone(i) && !(p.hasDefault() && isDefault(p, a.any(i)))) {
                out.put(p.name(), a.any(i));
            }
        }
        return out;
    }

    private static boolean isDefault(Signature.Param p, Object value) {
        String text = p.defaultText();
        if (value instanceof Number n && text.matches("-?[0-9.e+-]+")) {
            return n.doubleValue() == Double.parseDouble(text);
        }
        return value instanceof Boolean b && text.equals(b ? "True" : "False");
    }

    private static Optimizer optimizer(Args a) {
        if (a.any(0) instanceof Optimizer o) {
            return o;
        }
        throw TorchException.type(Conversions.describe(a.any(0)) + " is not an Optimizer");
    }

    /** A number, or a list of numbers (one per group), as a list. */
    private static List<Double> doubles(Object v) {
        if (v instanceof Number n) {
            return List.of(n.doubleValue());
        }
        if (v instanceof List<?> items) {
            List<Double> out = new ArrayList<>();
            for (Object item : items) {
                if (!(item instanceof Number n)) {
                    throw TorchException.type("expected a number, got " + Conversions.describe(item));
                }
                out.add(n.doubleValue());
            }
            return out;
        }
        throw TorchException.type("expected a number or a list of numbers, got " + Conversions.describe(v));
    }

    private static List<Long> longs(Object v) {
        List<Long> out = new ArrayList<>();
        if (v instanceof int[] ints) {
            for (int i : ints) {
                out.add((long) i);
            }
            return out;
        }
        for (double d : doubles(v)) {
            out.add((long) d);
        }
        return out;
    }

    /**
     * {@code lr_lambda}: one callable or a list of them. A guest function arrives as a
     * {@code Function<Object[], Object>} taking its arguments as an array (the polyglot mapping of
     * an executable value, and what the R binding passes).
     */
    private static List<IntToDoubleFunction> lambdas(Object v) {
        List<?> items = v instanceof List<?> l ? l : List.of(v);
        List<IntToDoubleFunction> out = new ArrayList<>();
        for (Object item : items) {
            out.add(epoch -> number(call(item, "lr_lambda", epoch), "lr_lambda"));
        }
        return out;
    }

    private static DoubleUnaryOperator scaleFn(Object v) {
        return v == null ? null : x -> number(call(v, "scale_fn", x), "scale_fn");
    }

    @SuppressWarnings("unchecked")
    private static Object call(Object fn, String what, Object arg) {
        if (fn instanceof IntToDoubleFunction f && arg instanceof Integer i) {
            return f.applyAsDouble(i);
        }
        if (fn instanceof DoubleUnaryOperator f && arg instanceof Number n) {
            return f.applyAsDouble(n.doubleValue());
        }
        if (fn instanceof Function<?, ?> f) {
            return ((Function<Object[], Object>) f).apply(new Object[] {arg});
        }
        throw TorchException.type(what + " must be callable, not " + Conversions.describe(fn));
    }

    private static double number(Object v, String what) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Tensor t && t.numel() == 1) {
            return t.item();
        }
        throw TorchException.type(what + " must return a number, not " + Conversions.describe(v));
    }

    private static <S> List<S> schedulers(Object v, Class<S> type) {
        if (!(v instanceof List<?> items)) {
            throw TorchException.type("schedulers must be a list of schedulers, not " + Conversions.describe(v));
        }
        List<S> out = new ArrayList<>();
        for (Object item : items) {
            if (!type.isInstance(item)) {
                throw TorchException.type(Conversions.describe(item) + " is not a learning-rate scheduler");
            }
            out.add(type.cast(item));
        }
        return out;
    }
}
