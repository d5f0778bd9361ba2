package org.torchglot.engine.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.nn.BCELoss;
import org.torchglot.engine.nn.BCEWithLogitsLoss;
import org.torchglot.engine.nn.CrossEntropyLoss;
import org.torchglot.engine.nn.Dropout;
import org.torchglot.engine.nn.ELU;
import org.torchglot.engine.nn.Flatten;
import org.torchglot.engine.nn.GELU;
import org.torchglot.engine.nn.GradClipping;
import org.torchglot.engine.nn.Init;
import org.torchglot.engine.nn.Identity;
import org.torchglot.engine.nn.L1Loss;
import org.torchglot.engine.nn.LeakyReLU;
import org.torchglot.engine.nn.Linear;
import org.torchglot.engine.nn.LogSoftmax;
import org.torchglot.engine.nn.MSELoss;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.nn.ModuleDict;
import org.torchglot.engine.nn.ModuleList;
import org.torchglot.engine.nn.NLLLoss;
import org.torchglot.engine.nn.ParameterDict;
import org.torchglot.engine.nn.ParameterList;
import org.torchglot.engine.nn.ReLU;
import org.torchglot.engine.nn.Sequential;
import org.torchglot.engine.nn.Sigmoid;
import org.torchglot.engine.nn.SmoothL1Loss;
import org.torchglot.engine.nn.Softmax;
import org.torchglot.engine.nn.Softplus;
import org.torchglot.engine.nn.StructuredInit;
import org.torchglot.engine.nn.Tanh;
import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.nn.functional.Reduction;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** The op-table entries of {@code torch.nn.functional}, the {@code nn} module constructors. */
final class NnOps {
    private NnOps() {
    }

    private static Reduction reduction(Args a, int i) {
        return Reduction.of(a.string(i));
    }

    static void registerFunctional(OpTable t) {
        t.register("relu(Tensor input, bool inplace=False)", "max(x, 0).",
                a -> Functional.inPlace(a.bool(1), a.tensor(0), Functional::relu));
        t.register("sigmoid(Tensor input)", "1 / (1 + exp(-x)).", a -> Functional.sigmoid(a.tensor(0)));
        t.register("tanh(Tensor input)", "Hyperbolic tangent.", a -> Functional.tanh(a.tensor(0)));
        t.register("leaky_relu(Tensor input, float negative_slope=0.01, bool inplace=False)",
                "x for x > 0, else negative_slope * x.",
                a -> Functional.inPlace(a.bool(2), a.tensor(0), x -> Functional.leakyRelu(x, a.doubleValue(1))));
        t.register("elu(Tensor input, float alpha=1.0, bool inplace=False)", "Exponential linear unit.",
                a -> Functional.inPlace(a.bool(2), a.tensor(0), x -> Functional.elu(x, a.doubleValue(1))));
        t.register("gelu(Tensor input, *, str approximate='none')", "Gaussian error linear unit.",
                a -> Functional.gelu(a.tensor(0), a.string(1)));
        t.register("softplus(Tensor input, float beta=1.0, float threshold=20.0)", "log(1 + exp(beta * x)) / beta.",
                a -> Functional.softplus(a.tensor(0), a.doubleValue(1), a.doubleValue(2)));
        t.register("softmax(Tensor input, dim? dim=None, int? _stacklevel=3, ScalarType? dtype=None)",
                "exp(x) / sum(exp(x)) along dim.", a -> Functional.softmax(dtyped(a, 3), a.intOrNull(1)));
        t.register("log_softmax(Tensor input, dim? dim=None, int? _stacklevel=3, ScalarType? dtype=None)",
                "log(softmax(x)), computed stably.", a -> Functional.logSoftmax(dtyped(a, 3), a.intOrNull(1)));
        t.register("dropout(Tensor input, float p=0.5, bool training=True, bool inplace=False)",
                "Zeroes elements with probability p and scales the rest by 1/(1-p).",
                a -> Functional.dropout(a.tensor(0), a.doubleValue(1), a.bool(2)));
        t.register("linear(Tensor input, Tensor weight, Tensor? bias=None)", "x @ weight.T + bias.",
                a -> Functional.linear(a.tensor(0), a.tensor(1), a.isNone(2) ? null : a.tensor(2)));
        t.register("mse_loss(Tensor input, Tensor target, any size_average=None, any reduce=None, str reduction='mean')",
                "Mean squared error.", a -> Functional.mseLoss(a.tensor(0), a.tensor(1), reduction(a, 4)));
        t.register("l1_loss(Tensor input, Tensor target, any size_average=None, any reduce=None, str reduction='mean')",
                "Mean absolute error.", a -> Functional.l1Loss(a.tensor(0), a.tensor(1), reduction(a, 4)));
        t.register("smooth_l1_loss(Tensor input, Tensor target, any size_average=None, any reduce=None, "
                + "str reduction='mean', float beta=1.0)", "Huber-like loss.",
                a -> Functional.smoothL1Loss(a.tensor(0), a.tensor(1), reduction(a, 4), a.doubleValue(5)));
        t.register("binary_cross_entropy(Tensor input, Tensor target, Tensor? weight=None, any size_average=None, "
                + "any reduce=None, str reduction='mean')", "Binary cross-entropy of probabilities.",
                a -> Functional.binaryCrossEntropy(a.tensor(0), a.tensor(1), optional(a, 2), reduction(a, 5)));
        t.register("binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight=None, "
                + "any size_average=None, any reduce=None, str reduction='mean', Tensor? pos_weight=None)",
                "Binary cross-entropy of logits (sigmoid inside, stably).",
                a -> Functional.binaryCrossEntropyWithLogits(a.tensor(0), a.tensor(1), optional(a, 2), optional(a, 6),
                        reduction(a, 5)));
        t.register("nll_loss(Tensor input, IndexTensor target, Tensor? weight=None, any size_average=None, "
                + "index ignore_index=-100, any reduce=None, str reduction='mean')",
                "Negative log-likelihood of log-probabilities.",
                a -> Functional.nllLoss(a.tensor(0), a.tensor(1), optional(a, 2), a.longValue(4), reduction(a, 6)));
        t.register("cross_entropy(Tensor input, IndexTensor target, Tensor? weight=None, any size_average=None, "
                + "index ignore_index=-100, any reduce=None, str reduction='mean', float label_smoothing=0.0)",
                "Cross-entropy of logits against class indices or class probabilities.",
                a -> Functional.crossEntropy(a.tensor(0), a.tensor(1), optional(a, 2), a.longValue(4), reduction(a, 6),
                        a.doubleValue(7)));
        FunctionalOps.register(t);
    }

    private static Tensor optional(Args a, int i) {
        return a.isNone(i) ? null : a.tensor(i);
    }

    private static Tensor dtyped(Args a, int dtypeIndex) {
        return a.isNone(dtypeIndex) ? a.tensor(0) : a.tensor(0).to(a.dtype(dtypeIndex));
    }

    static void registerModules(OpTable t) {
        t.register("Linear(int in_features, int out_features, bool bias=True, any device=None, any dtype=None) -> Module",
                "y = x @ weight.T + bias.", a -> new Linear(a.intValue(0), a.intValue(1), a.bool(2)));
        t.register("Identity(any... args=[]) -> Module", "Returns its input.", a -> new Identity());
        t.register("Flatten(dim start_dim=1, dim end_dim=-1) -> Module", "Flattens a range of dims.",
                a -> new Flatten(a.intValue(0), a.intValue(1)));
        t.register("Dropout(float p=0.5, bool inplace=False) -> Module", "Randomly zeroes elements while training.",
                a -> new Dropout(a.doubleValue(0), a.bool(1)));
        t.register("ReLU(bool inplace=False) -> Module", "max(x, 0).", a -> new ReLU(a.bool(0)));
        t.register("LeakyReLU(float negative_slope=0.01, bool inplace=False) -> Module", "Leaky rectifier.",
                a -> new LeakyReLU(a.doubleValue(0), a.bool(1)));
        t.register("Sigmoid() -> Module", "1 / (1 + exp(-x)).", a -> new Sigmoid());
        t.register("Tanh() -> Module", "Hyperbolic tangent.", a -> new Tanh());
        t.register("Softmax(dim? dim=None) -> Module", "Softmax along dim.", a -> new Softmax(a.intOrNull(0)));
        t.register("LogSoftmax(dim? dim=None) -> Module", "Log-softmax along dim.", a -> new LogSoftmax(a.intOrNull(0)));
        t.register("GELU(str approximate='none') -> Module", "Gaussian error linear unit.", a -> new GELU(a.string(0)));
        t.register("ELU(float alpha=1.0, bool inplace=False) -> Module", "Exponential linear unit.",
                a -> new ELU(a.doubleValue(0), a.bool(1)));
        t.register("Softplus(Scalar beta=1, Scalar threshold=20) -> Module", "Smooth rectifier.",
                a -> new Softplus(whole(a.doubleValue(0)), whole(a.doubleValue(1))));
        t.register("MSELoss(any size_average=None, any reduce=None, str reduction='mean') -> Module",
                "Mean squared error.", a -> new MSELoss(reduction(a, 2)));
        t.register("L1Loss(any size_average=None, any reduce=None, str reduction='mean') -> Module",
                "Mean absolute error.", a -> new L1Loss(reduction(a, 2)));
        t.register("SmoothL1Loss(any size_average=None, any reduce=None, str reduction='mean', float beta=1.0) -> Module",
                "Huber-like loss.", a -> new SmoothL1Loss(reduction(a, 2), a.doubleValue(3)));
        t.register("BCELoss(Tensor? weight=None, any size_average=None, any reduce=None, str reduction='mean') -> Module",
                "Binary cross-entropy of probabilities.", a -> new BCELoss(optional(a, 0), reduction(a, 3)));
        t.register("BCEWithLogitsLoss(Tensor? weight=None, any size_average=None, any reduce=None, "
                + "str reduction='mean', Tensor? pos_weight=None) -> Module", "Binary cross-entropy of logits.",
                a -> new BCEWithLogitsLoss(optional(a, 0), reduction(a, 3), optional(a, 4)));
        t.register("CrossEntropyLoss(Tensor? weight=None, any size_average=None, index ignore_index=-100, "
                + "any reduce=None, str reduction='mean', float label_smoothing=0.0) -> Module",
                "Cross-entropy of logits against class indices or probabilities.",
                a -> new CrossEntropyLoss(optional(a, 0), a.longValue(2), reduction(a, 4), a.doubleValue(5)));
        t.register("NLLLoss(Tensor? weight=None, any size_average=None, index ignore_index=-100, any reduce=None, "
                + "str reduction='mean') -> Module", "Negative log-likelihood.",
                a -> new NLLLoss(optional(a, 0), a.longValue(2), reduction(a, 4)));
        ModuleOps.register(t);
        t.register("Sequential(any... args=[]) -> Module", "Runs modules in order.", a -> sequential(a.any(0)));
        t.register("ModuleList(any? modules=None) -> Module", "A list of modules.",
                a -> a.isNone(0) ? new ModuleList() : new ModuleList(modules(a.any(0))));
        t.register("ModuleDict(any? dict|modules=None) -> Module", "Modules by name.",
                a -> a.isNone(0) ? new ModuleDict() : new ModuleDict(named(a.any(0), NnOps::asModule)));
        t.register("ParameterList(any? values=None) -> Module", "A list of parameters.",
                a -> a.isNone(0) ? new ParameterList() : new ParameterList(tensors(a.any(0))));
        t.register("ParameterDict(any? parameters=None) -> Module", "Parameters by name.",
                a -> a.isNone(0) ? new ParameterDict() : new ParameterDict(named(a.any(0), NnOps::asTensor)));
    }

    /** A mapping, or a list of (key, value) pairs, as an ordered map with converted values. */
    private static <V> Map<String, V> named(Object arg, java.util.function.Function<Object, V> convert) {
        Map<String, V> out = new LinkedHashMap<>();
        if (arg instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), convert.apply(v)));
            return out;
        }
        if (arg instanceof List<?> pairs) {
            for (Object pair : pairs) {
                if (!(pair instanceof List<?> kv) || kv.size() != 2) {
                    throw TorchException.type("expected a mapping or (key, value) pairs, got " + Conversions.describe(pair));
                }
                out.put(String.valueOf(kv.get(0)), convert.apply(kv.get(1)));
            }
            return out;
        }
        throw TorchException.type("expected a mapping of names, got " + Conversions.describe(arg));
    }

    private static List<Tensor> tensors(Object arg) {
        if (!(arg instanceof List<?> items)) {
            throw TorchException.type("expected a list of tensors, got " + Conversions.describe(arg));
        }
        return items.stream().map(NnOps::asTensor).toList();
    }

    private static Tensor asTensor(Object o) {
        if (o instanceof Tensor t) {
            return t;
        }
        throw TorchException.type("cannot assign '" + Conversions.describe(o) + "' object to parameter (torch.Tensor "
                + "or None required)");
    }

    /** Python prints Softplus(beta=1, ...) for ints and beta=1.5 for floats; keep whole numbers whole. */
    private static Number whole(double v) {
        return v == Math.rint(v) ? (Number) (long) v : (Number) v;
    }

    @SuppressWarnings("unchecked")
    private static Module sequential(Object arg) {
        List<Object> items = (List<Object>) arg;
        if (items.size() == 1 && items.get(0) instanceof Map<?, ?> named) {
            Map<String, Module> ordered = new LinkedHashMap<>();
            named.forEach((k, v) -> ordered.put(String.valueOf(k), asModule(v)));
            return new Sequential(ordered);
        }
        return new Sequential(modules(items).toArray(new Module[0]));
    }

    private static List<Module> modules(Object arg) {
        if (!(arg instanceof List<?> items)) {
            throw TorchException.type("expected a list of modules, got " + Conversions.describe(arg));
        }
        return items.stream().map(NnOps::asModule).toList();
    }

    private static Module asModule(Object o) {
        if (o instanceof Module m) {
            return m;
        }
        throw TorchException.type(Conversions.describe(o) + " is not a Module subclass");
    }

    static void registerUtils(OpTable t) {
        t.register("clip_grad_norm_(any parameters, float max_norm, float norm_type=2.0, "
                + "bool error_if_nonfinite=False)", "Scales gradients to a joint norm of at most max_norm; returns the norm.",
                a -> GradClipping.clipGradNorm_(gradientHolders(a.any(0)), a.doubleValue(1), a.doubleValue(2), a.bool(3)));
        t.register("clip_grad_value_(any parameters, float clip_value) -> None",
                "Clamps every gradient into [-clip_value, clip_value].", a -> {
                    GradClipping.clipGradValue_(gradientHolders(a.any(0)), a.doubleValue(1));
                    return null;
                });
    }

    /** The parameters of a clipping call: one tensor, or an iterable of them, as PyTorch takes them. */
    private static List<Tensor> gradientHolders(Object arg) {
        return arg instanceof Tensor t ? List.of(t) : tensors(arg);
    }

    static void registerInit(OpTable t) {
        t.register("uniform_(Tensor tensor, float a=0.0, float b=1.0, *, Generator? generator=None)",
                "Fills with U(a, b).", a -> Init.uniform_(a.tensor(0), a.doubleValue(1), a.doubleValue(2), a.generator(3)));
        t.register("normal_(Tensor tensor, float mean=0.0, float std=1.0, *, Generator? generator=None)",
                "Fills with N(mean, std^2).",
                a -> Init.normal_(a.tensor(0), a.doubleValue(1), a.doubleValue(2), a.generator(3)));
        t.register("constant_(Tensor tensor, Scalar val)", "Fills with a value.",
                a -> Init.constant_(a.tensor(0), a.doubleValue(1)));
        t.register("zeros_(Tensor tensor)", "Fills with zeros.", a -> Init.zeros_(a.tensor(0)));
        t.register("ones_(Tensor tensor)", "Fills with ones.", a -> Init.ones_(a.tensor(0)));
        t.register("xavier_uniform_(Tensor tensor, float gain=1.0)", "Glorot uniform initialisation.",
                a -> Init.xavierUniform_(a.tensor(0), a.doubleValue(1)));
        t.register("xavier_normal_(Tensor tensor, float gain=1.0)", "Glorot normal initialisation.",
                a -> Init.xavierNormal_(a.tensor(0), a.doubleValue(1)));
        t.register("kaiming_uniform_(Tensor tensor, float a=0, str mode='fan_in', str nonlinearity='leaky_relu')",
                "He uniform initialisation.", a -> Init.kaimingUniform_(a.tensor(0), a.doubleValue(1),
                        Init.FanMode.of(a.string(2)), a.string(3)));
        t.register("kaiming_normal_(Tensor tensor, float a=0, str mode='fan_in', str nonlinearity='leaky_relu')",
                "He normal initialisation.", a -> Init.kaimingNormal_(a.tensor(0), a.doubleValue(1),
                        Init.FanMode.of(a.string(2)), a.string(3)));
        t.register("eye_(Tensor tensor)", "Fills a 2-D tensor with the identity matrix.",
                a -> StructuredInit.eye_(a.tensor(0)));
        t.register("dirac_(Tensor tensor, int groups=1)",
                "Fills a 3-, 4- or 5-D convolution weight with the Dirac delta (identity per group).",
                a -> StructuredInit.dirac_(a.tensor(0), a.intValue(1)));
        t.register("orthogonal_(Tensor tensor, float gain=1, *, Generator? generator=None)",
                "Fills with a (semi-)orthogonal matrix, dims after the first flattened.",
                a -> StructuredInit.orthogonal_(a.tensor(0), a.doubleValue(1), a.generator(2)));
        t.register("trunc_normal_(Tensor tensor, float mean=0.0, float std=1.0, float a=-2.0, float b=2.0, *, "
                + "Generator? generator=None)", "Fills with N(mean, std^2) truncated to [a, b].",
                a -> StructuredInit.truncNormal_(a.tensor(0), a.doubleValue(1), a.doubleValue(2), a.doubleValue(3),
                        a.doubleValue(4), a.generator(5)));
        t.register("calculate_gain(str nonlinearity, float? param=None) -> float",
                "The recommended gain for a nonlinearity.", a -> Init.calculateGain(a.string(0), a.doubleOrNull(1)));
    }
}
