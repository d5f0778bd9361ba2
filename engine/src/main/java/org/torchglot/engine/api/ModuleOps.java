package org.torchglot.engine.api;

import java.util.List;
import org.torchglot.engine.nn.BatchNorm1d;
import org.torchglot.engine.nn.Bilinear;
import org.torchglot.engine.nn.ComposedLoss;
import org.torchglot.engine.nn.Embedding;
import org.torchglot.engine.nn.FunctionModule;
import org.torchglot.engine.nn.GroupNorm;
import org.torchglot.engine.nn.LayerNorm;
import org.torchglot.engine.nn.PReLU;
import org.torchglot.engine.nn.PythonRepr;
import org.torchglot.engine.nn.functional.Activations;
import org.torchglot.engine.nn.functional.Distances;
import org.torchglot.engine.nn.functional.Dropouts;
import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.nn.functional.LikelihoodLosses;
import org.torchglot.engine.nn.functional.MarginLosses;
import org.torchglot.engine.nn.functional.Reduction;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * Constructors of the {@code torch.nn} modules beyond the tutorials' core, with PyTorch 1.13's
 * signatures and reprs: activations, normalisation layers, the dropout variants, embeddings,
 * bilinear and unflatten layers, distances and the remaining losses.
 */
final class ModuleOps {
    private static final String LEGACY = "any size_average=None, any reduce=None, ";

    private ModuleOps() {
    }

    static void register(OpTable t) {
        registerActivations(t);
        registerLayers(t);
        registerLosses(t);
    }

    /** PyTorch's {@code ', inplace=True'} suffix (nothing when False). */
    private static String inplaceSuffix(boolean inplace) {
        return inplace ? ", inplace=True" : "";
    }

    private static String num(Args a, int i) {
        return PythonRepr.ofNumber(a.number(i));
    }

    private static FunctionModule activation(String name, String extra, boolean inplace,
            java.util.function.UnaryOperator<Tensor> f) {
        return new FunctionModule(name, extra, (x, training) -> Functional.inPlace(inplace, x, f));
    }

    private static void registerActivations(OpTable t) {
        t.register("ReLU6(bool inplace=False) -> Module", "min(max(x, 0), 6).", a -> activation("ReLU6",
                a.bool(0) ? "inplace=True" : "", a.bool(0), x -> Activations.hardtanh(x, 0, 6)));
        t.register("Hardtanh(float min_val=-1.0, float max_val=1.0, bool inplace=False, float? min_value=None, "
                + "float? max_value=None) -> Module", "x clamped to [min_val, max_val].", a -> {
                    if (!a.isNone(3) || !a.isNone(4)) {
                        throw TorchException.type("keyword arguments min_value and max_value have been deprecated; "
                                + "use min_val and max_val instead");
                    }
                    return activation("Hardtanh", "min_val=" + num(a, 0) + ", max_val=" + num(a, 1)
                            + inplaceSuffix(a.bool(2)), a.bool(2), x -> Activations.hardtanh(x, a.doubleValue(0),
                                    a.doubleValue(1)));
                });
        t.register("RReLU(float lower=0.125, float upper=0.3333333333333333, bool inplace=False) -> Module",
                "Leaky rectifier with random slopes while training.", a -> new FunctionModule("RReLU", "lower=" + num(a, 0)
                        + ", upper=" + num(a, 1) + inplaceSuffix(a.bool(2)), (x, training) -> Functional.inPlace(a.bool(2),
                                x, in -> Activations.rrelu(in, a.doubleValue(0), a.doubleValue(1), training))));
        t.register("SELU(bool inplace=False) -> Module", "Scaled exponential linear unit.",
                a -> activation("SELU", a.bool(0) ? "inplace=True" : "", a.bool(0), Activations::selu));
        t.register("CELU(float alpha=1.0, bool inplace=False) -> Module", "Continuously differentiable ELU.",
                a -> activation("CELU", "alpha=" + num(a, 0) + inplaceSuffix(a.bool(1)), a.bool(1),
                        x -> Activations.celu(x, a.doubleValue(0))));
        t.register("SiLU(bool inplace=False) -> Module", "x * sigmoid(x).",
                a -> activation("SiLU", a.bool(0) ? "inplace=True" : "", a.bool(0), Activations::silu));
        t.register("Mish(bool inplace=False) -> Module", "x * tanh(softplus(x)).",
                a -> activation("Mish", a.bool(0) ? "inplace=True" : "", a.bool(0), Activations::mish));
        t.register("Hardsigmoid(bool inplace=False) -> Module", "Piecewise-linear sigmoid.",
                a -> activation("Hardsigmoid", "", a.bool(0), Activations::hardsigmoid));
        t.register("Hardswish(bool inplace=False) -> Module", "x * hardsigmoid(x).",
                a -> activation("Hardswish", "", a.bool(0), Activations::hardswish));
        t.register("Hardshrink(float lambd=0.5) -> Module", "x where |x| > lambd, else 0.",
                a -> activation("Hardshrink", num(a, 0), false, x -> Activations.hardshrink(x, a.doubleValue(0))));
        t.register("Softshrink(float lambd=0.5) -> Module", "x shrunk towards 0 by lambd.",
                a -> activation("Softshrink", num(a, 0), false, x -> Activations.softshrink(x, a.doubleValue(0))));
        t.register("Tanhshrink() -> Module", "x - tanh(x).", a -> activation("Tanhshrink", "", false,
                Activations::tanhshrink));
        t.register("Softsign() -> Module", "x / (1 + |x|).", a -> activation("Softsign", "", false, Activations::softsign));
        t.register("Threshold(float threshold, float value, bool inplace=False) -> Module",
                "x where x > threshold, else value.", a -> activation("Threshold", "threshold=" + num(a, 0) + ", value="
                        + num(a, 1) + inplaceSuffix(a.bool(2)), a.bool(2),
                        x -> Activations.threshold(x, a.doubleValue(0), a.doubleValue(1))));
        t.register("LogSigmoid() -> Module", "log(sigmoid(x)).", a -> activation("LogSigmoid", "", false,
                Activations::logsigmoid));
        t.register("GLU(dim dim=-1) -> Module", "First half of dim times the sigmoid of the second half.",
                a -> activation("GLU", "dim=" + a.intValue(0), false,
                        x -> Activations.glu(x, a.intValue(0))));
        t.register("Softmin(dim? dim=None) -> Module", "softmax(-x) along dim.",
                a -> activation("Softmin", "dim=" + (a.isNone(0) ? "None" : a.intValue(0)), false,
                        x -> Activations.softmin(x, a.intOrNull(0))));
        t.register("PReLU(int num_parameters=1, float init=0.25, any device=None, any dtype=None) -> Module",
                "x for x > 0, else a learnt slope times x.", a -> new PReLU(a.intValue(0), a.doubleValue(1)));
    }

    private static FunctionModule dropout(String name, Args a, java.util.function.BiFunction<Tensor, Boolean, Tensor> f) {
        double p = a.doubleValue(0);
        if (p < 0 || p > 1) {
            throw TorchException.value("dropout probability has to be between 0 and 1, but got " + PythonRepr.ofFloat(p));
        }
        boolean inplace = a.bool(1);
        return new FunctionModule(name, "p=" + num(a, 0) + ", inplace=" + PythonRepr.ofBool(inplace),
                (x, training) -> Functional.inPlace(inplace && training, x, in -> f.apply(in, training)));
    }

    private static void registerLayers(OpTable t) {
        t.register("AlphaDropout(float p=0.5, bool inplace=False) -> Module", "Dropout that keeps SELU's statistics.",
                a -> dropout("AlphaDropout", a, (x, training) -> Dropouts.alphaDropout(x, a.doubleValue(0), training)));
        t.register("FeatureAlphaDropout(float p=0.5, bool inplace=False) -> Module", "Alpha dropout of whole channels.",
                a -> dropout("FeatureAlphaDropout", a,
                        (x, training) -> Dropouts.featureAlphaDropout(x, a.doubleValue(0), training)));
        t.register("Dropout1d(float p=0.5, bool inplace=False) -> Module", "Zeroes whole channels of (N, C, L) input.",
                a -> dropout("Dropout1d", a, (x, training) -> Dropouts.dropout1d(x, a.doubleValue(0), training)));
        t.register("Dropout2d(float p=0.5, bool inplace=False) -> Module", "Zeroes whole channels of (N, C, H, W) input.",
                a -> dropout("Dropout2d", a, (x, training) -> Dropouts.dropout2d(x, a.doubleValue(0), training)));
        t.register("Dropout3d(float p=0.5, bool inplace=False) -> Module",
                "Zeroes whole channels of (N, C, D, H, W) input.",
                a -> dropout("Dropout3d", a, (x, training) -> Dropouts.dropout3d(x, a.doubleValue(0), training)));
        t.register("BatchNorm1d(int num_features, float eps=1e-05, float? momentum=0.1, bool affine=True, "
                + "bool track_running_stats=True, any device=None, any dtype=None) -> Module",
                "Batch normalisation of (N, C) or (N, C, L) input.", a -> new BatchNorm1d(a.intValue(0), a.number(1),
                        a.isNone(2) ? null : a.number(2), a.bool(3), a.bool(4)));
        t.register("LayerNorm(int[] normalized_shape, float eps=1e-05, bool elementwise_affine=True, "
                + "any device=None, any dtype=None) -> Module", "Layer normalisation over the trailing dims.",
                a -> new LayerNorm(a.ints(0), a.number(1), a.bool(2)));
        t.register("GroupNorm(int num_groups, int num_channels, float eps=1e-05, bool affine=True, "
                + "any device=None, any dtype=None) -> Module", "Group normalisation of channels.",
                a -> new GroupNorm(a.intValue(0), a.intValue(1), a.number(2), a.bool(3)));
        t.register("Embedding(int num_embeddings, int embedding_dim, index? padding_idx=None, float? max_norm=None, "
                + "float norm_type=2.0, bool scale_grad_by_freq=False, bool sparse=False, Tensor? _weight=None, "
                + "any device=None, any dtype=None) -> Module", "A lookup table of embedding vectors.",
                a -> new Embedding(a.intValue(0), a.intValue(1), a.isNone(2) ? null : a.longValue(2),
                        a.isNone(3) ? null : a.number(3), a.number(4), a.bool(5), a.bool(6), a.isNone(7) ? null : a.tensor(7)));
        t.register("EmbeddingBag(int num_embeddings, int embedding_dim, float? max_norm=None, float norm_type=2.0, "
                + "bool scale_grad_by_freq=False, str mode='mean', bool sparse=False, Tensor? _weight=None, "
                + "bool include_last_offset=False, index? padding_idx=None, any device=None, any dtype=None) -> Module",
                "Sums, means or maxima of bags of embeddings.", a -> {
                    if (a.bool(4) || a.bool(6)) {
                        throw new TorchException(TorchException.Kind.NOT_IMPLEMENTED_ERROR, "nn.EmbeddingBag: "
                                + "scale_grad_by_freq and sparse gradients are not supported by torchglot");
                    }
                    return new org.torchglot.engine.nn.EmbeddingBag(a.intValue(0), a.intValue(1),
                            a.isNone(2) ? null : a.number(2), a.number(3), a.string(5), a.bool(8),
                            a.isNone(9) ? null : a.longValue(9), a.isNone(7) ? null : a.tensor(7));
                });
        t.register("Bilinear(int in1_features, int in2_features, int out_features, bool bias=True, any device=None, "
                + "any dtype=None) -> Module", "y = x1 . weight . x2 + bias.",
                a -> new Bilinear(a.intValue(0), a.intValue(1), a.intValue(2), a.bool(3)));
        t.register("Unflatten(dim dim, any unflattened_size) -> Module", "Splits one dim into the given sizes.",
                a -> unflatten(a.intValue(0), a.any(1)));
        t.register("PairwiseDistance(float p=2.0, float eps=1e-06, bool keepdim=False) -> Module",
                "p-norm of x1 - x2 + eps along the last dim.", a -> new FunctionModule("PairwiseDistance", "", 2,
                        (x, training) -> Distances.pairwiseDistance(x[0], x[1], a.doubleValue(0), a.doubleValue(1),
                                a.bool(2))));
        t.register("CosineSimilarity(dim dim=1, float eps=1e-08) -> Module", "Cosine of the angle along dim.",
                a -> new FunctionModule("CosineSimilarity", "", 2,
                        (x, training) -> Distances.cosineSimilarity(x[0], x[1], a.intValue(0), a.doubleValue(1))));
    }

    private static FunctionModule unflatten(int dim, Object sizes) {
        int[] parts = sizesOf(sizes);
        String shown = "(" + String.join(", ", java.util.Arrays.stream(parts).mapToObj(Integer::toString).toList())
                + (parts.length == 1 ? ",)" : ")");
        return new FunctionModule("Unflatten", "dim=" + dim + ", unflattened_size=" + shown,
                (x, training) -> {
                    int d = dim < 0 ? dim + x.dim() : dim;
                    int[] shape = x.shape();
                    int[] out = new int[shape.length - 1 + parts.length];
                    System.arraycopy(shape, 0, out, 0, d);
                    System.arraycopy(parts, 0, out, d, parts.length);
                    System.arraycopy(shape, d + 1, out, d + parts.length, shape.length - d - 1);
                    return x.view(out);
                });
    }

    private static int[] sizesOf(Object sizes) {
        if (sizes instanceof int[] ints) {
            return ints.clone();
        }
        if (sizes instanceof List<?> list) {
            int[] out = new int[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number n)) {
                    throw TorchException.type("unflattened_size must be a tuple of ints, but found element of type "
                            + Conversions.describe(list.get(i)));
                }
                out[i] = n.intValue();
            }
            return out;
        }
        throw TorchException.type("unflattened_size must be tuple of ints, but found type " + Conversions.describe(sizes));
    }

    private static ComposedLoss loss(String name, Reduction reduction, int arity, ComposedLoss.Forward f) {
        return new ComposedLoss(name, reduction, arity, f);
    }

    private static void registerLosses(OpTable t) {
        t.register("HuberLoss(str reduction='mean', float delta=1.0) -> Module", "Huber loss.", a -> loss("HuberLoss",
                Reduction.of(a.string(0)), 2, (x, self) -> LikelihoodLosses.huberLoss(x[0], x[1], self.reduction(),
                        a.doubleValue(1))));
        t.register("KLDivLoss(" + LEGACY + "str reduction='mean', bool log_target=False) -> Module",
                "Kullback-Leibler divergence.", a -> {
                    String reduction = a.isNone(0) && a.isNone(1) ? a.string(2)
                            : FunctionalOps.reduction(a, 0, 1, 2).pythonName();
                    return loss("KLDivLoss", reduction.equals("batchmean") ? Reduction.SUM : Reduction.of(reduction), 2,
                            (x, self) -> LikelihoodLosses.klDiv(x[0], x[1], reduction, a.bool(3)));
                });
        t.register("PoissonNLLLoss(bool log_input=True, bool full=False, any size_average=None, float eps=1e-08, "
                + "any reduce=None, str reduction='mean') -> Module", "Poisson negative log-likelihood.",
                a -> loss("PoissonNLLLoss", FunctionalOps.reduction(a, 2, 4, 5), 2, (x, self) ->
                        LikelihoodLosses.poissonNllLoss(x[0], x[1], a.bool(0), a.bool(1), a.doubleValue(3),
                                self.reduction())));
        t.register("GaussianNLLLoss(*, bool full=False, float eps=1e-06, str reduction='mean') -> Module",
                "Gaussian negative log-likelihood.", a -> loss("GaussianNLLLoss", Reduction.of(a.string(2)), 3,
                        (x, self) -> LikelihoodLosses.gaussianNllLoss(x[0], x[1], x[2], a.bool(0), a.doubleValue(1),
                                self.reduction())));
        t.register("MarginRankingLoss(float margin=0.0, " + LEGACY + "str reduction='mean') -> Module",
                "Ranking hinge loss.", a -> loss("MarginRankingLoss", FunctionalOps.reduction(a, 1, 2, 3), 3,
                        (x, self) -> MarginLosses.marginRankingLoss(x[0], x[1], x[2], a.doubleValue(0), self.reduction())));
        t.register("HingeEmbeddingLoss(float margin=1.0, " + LEGACY + "str reduction='mean') -> Module",
                "Hinge embedding loss.", a -> loss("HingeEmbeddingLoss", FunctionalOps.reduction(a, 1, 2, 3), 2,
                        (x, self) -> MarginLosses.hingeEmbeddingLoss(x[0], x[1], a.doubleValue(0), self.reduction())));
        t.register("MultiLabelMarginLoss(" + LEGACY + "str reduction='mean') -> Module",
                "Multi-class multi-label hinge loss.", a -> loss("MultiLabelMarginLoss", FunctionalOps.reduction(a, 0, 1, 2),
                        2, (x, self) -> MarginLosses.multilabelMarginLoss(x[0], x[1], self.reduction())).withClassTarget());
        t.register("SoftMarginLoss(" + LEGACY + "str reduction='mean') -> Module", "Two-class logistic loss.",
                a -> loss("SoftMarginLoss", FunctionalOps.reduction(a, 0, 1, 2), 2,
                        (x, self) -> MarginLosses.softMarginLoss(x[0], x[1], self.reduction())));
        t.register("MultiLabelSoftMarginLoss(Tensor? weight=None, " + LEGACY + "str reduction='mean') -> Module",
                "Multi-label one-versus-all logistic loss.", a -> loss("MultiLabelSoftMarginLoss",
                        FunctionalOps.reduction(a, 1, 2, 3), 2, (x, self) -> MarginLosses.multilabelSoftMarginLoss(x[0],
                                x[1], self.weight(), self.reduction())).withWeight(a.isNone(0) ? null : a.tensor(0)));
        t.register("CosineEmbeddingLoss(float margin=0.0, " + LEGACY + "str reduction='mean') -> Module",
                "Cosine embedding loss.", a -> loss("CosineEmbeddingLoss", FunctionalOps.reduction(a, 1, 2, 3), 3,
                        (x, self) -> MarginLosses.cosineEmbeddingLoss(x[0], x[1], x[2], a.doubleValue(0), self.reduction())));
        t.register("MultiMarginLoss(int p=1, float margin=1.0, Tensor? weight=None, " + LEGACY
                + "str reduction='mean') -> Module", "Multi-class hinge loss.", a -> {
                    if (a.intValue(0) != 1 && a.intValue(0) != 2) {
                        throw TorchException.value("only p == 1 and p == 2 supported");
                    }
                    return loss("MultiMarginLoss", FunctionalOps.reduction(a, 3, 4, 5), 2,
                            (x, self) -> MarginLosses.multiMarginLoss(x[0], x[1], a.intValue(0), a.doubleValue(1),
                                    self.weight(), self.reduction())).withWeight(a.isNone(2) ? null : a.tensor(2)).withClassTarget();
                });
        t.register("TripletMarginLoss(float margin=1.0, float p=2.0, float eps=1e-06, bool swap=False, " + LEGACY
                + "str reduction='mean') -> Module", "Triplet loss with a margin.",
                a -> loss("TripletMarginLoss", FunctionalOps.reduction(a, 4, 5, 6), 3,
                        (x, self) -> MarginLosses.tripletMarginLoss(x[0], x[1], x[2], a.doubleValue(0), a.doubleValue(1),
                                a.doubleValue(2), a.bool(3), self.reduction())));
    }
}
