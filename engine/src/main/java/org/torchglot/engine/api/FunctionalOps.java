package org.torchglot.engine.api;

import org.torchglot.engine.nn.functional.Activations;
import org.torchglot.engine.nn.functional.Distances;
import org.torchglot.engine.nn.functional.Dropouts;
import org.torchglot.engine.nn.functional.Embeddings;
import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.nn.functional.Layers;
import org.torchglot.engine.nn.functional.LikelihoodLosses;
import org.torchglot.engine.nn.functional.MarginLosses;
import org.torchglot.engine.nn.functional.Normalization;
import org.torchglot.engine.nn.functional.Reduction;
import org.torchglot.engine.tensor.Tensor;

/**
 * The op-table entries of {@code torch.nn.functional} beyond the tutorials' core: the other
 * activations and their in-place forms, normalisation, the dropout family, embeddings, distances,
 * padding and the remaining losses, with PyTorch 1.13's signatures.
 */
final class FunctionalOps {
    private static final String LEGACY = "any size_average=None, any reduce=None, ";

    private FunctionalOps() {
    }

    /**
     * A loss's reduction, honouring the deprecated {@code size_average} and {@code reduce} as
     * PyTorch's {@code legacy_get_string} does when either is given.
     */
    static Reduction reduction(Args a, int sizeAverage, int reduce, int reduction) {
        if (sizeAverage < 0 || (a.isNone(sizeAverage) && a.isNone(reduce))) {
            return Reduction.of(a.string(reduction));
        }
        boolean average = a.isNone(sizeAverage) || truthy(a.any(sizeAverage));
        boolean reduced = a.isNone(reduce) || truthy(a.any(reduce));
        return average && reduced ? Reduction.MEAN : reduced ? Reduction.SUM : Reduction.NONE;
    }

    private static boolean truthy(Object o) {
        return o instanceof Boolean b ? b : o instanceof Number n && n.doubleValue() != 0;
    }

    private static Tensor optional(Args a, int i) {
        return a.isNone(i) ? null : a.tensor(i);
    }

    static void register(OpTable t) {
        registerActivations(t);
        registerLayers(t);
        registerLosses(t);
    }

    private static void registerActivations(OpTable t) {
        t.register("relu_(Tensor input)", "In-place max(x, 0).", a -> Functional.inPlace(true, a.tensor(0), Functional::relu));
        t.register("leaky_relu_(Tensor input, float negative_slope=0.01)", "In-place leaky_relu.",
                a -> Functional.inPlace(true, a.tensor(0), x -> Functional.leakyRelu(x, a.doubleValue(1))));
        t.register("elu_(Tensor input, float alpha=1.0)", "In-place elu.",
                a -> Functional.inPlace(true, a.tensor(0), x -> Functional.elu(x, a.doubleValue(1))));
        t.register("relu6(Tensor input, bool inplace=False)", "min(max(x, 0), 6).",
                a -> Functional.inPlace(a.bool(1), a.tensor(0), x -> Activations.hardtanh(x, 0, 6)));
        t.register("hardtanh(Tensor input, float min_val=-1.0, float max_val=1.0, bool inplace=False)",
                "x clamped to [min_val, max_val].", a -> Functional.inPlace(a.bool(3), a.tensor(0),
                        x -> Activations.hardtanh(x, a.doubleValue(1), a.doubleValue(2))));
        t.register("hardtanh_(Tensor input, float min_val=-1.0, float max_val=1.0)", "In-place hardtanh.",
                a -> Functional.inPlace(true, a.tensor(0), x -> Activations.hardtanh(x, a.doubleValue(1), a.doubleValue(2))));
        t.register("selu(Tensor input, bool inplace=False)", "scale * elu(x, alpha) with SELU's constants.",
                a -> Functional.inPlace(a.bool(1), a.tensor(0), Activations::selu));
        t.register("selu_(Tensor input)", "In-place selu.", a -> Functional.inPlace(true, a.tensor(0), Activations::selu));
        t.register("celu(Tensor input, float alpha=1.0, bool inplace=False)", "max(0, x) + min(0, alpha * (exp(x / alpha) - 1)).",
                a -> Functional.inPlace(a.bool(2), a.tensor(0), x -> Activations.celu(x, a.doubleValue(1))));
        t.register("celu_(Tensor input, float alpha=1.0)", "In-place celu.",
                a -> Functional.inPlace(true, a.tensor(0), x -> Activations.celu(x, a.doubleValue(1))));
        t.register("silu(Tensor input, bool inplace=False)", "x * sigmoid(x).",
                a -> Functional.inPlace(a.bool(1), a.tensor(0), Activations::silu));
        t.register("mish(Tensor input, bool inplace=False)", "x * tanh(softplus(x)).",
                a -> Functional.inPlace(a.bool(1), a.tensor(0), Activations::mish));
        t.register("hardsigmoid(Tensor input, bool inplace=False)", "Piecewise-linear sigmoid: clamp(x / 6 + 1/2, 0, 1).",
                a -> Functional.inPlace(a.bool(1), a.tensor(0), Activations::hardsigmoid));
        t.register("hardswish(Tensor input, bool inplace=False)", "x * hardsigmoid(x).",
                a -> Functional.inPlace(a.bool(1), a.tensor(0), Activations::hardswish));
        t.register("hardshrink(Tensor input, float lambd=0.5)", "x where |x| > lambd, else 0.",
                a -> Activations.hardshrink(a.tensor(0), a.doubleValue(1)));
        t.register("softshrink(Tensor input, float lambd=0.5)", "x shrunk towards 0 by lambd.",
                a -> Activations.softshrink(a.tensor(0), a.doubleValue(1)));
        t.register("tanhshrink(Tensor input)", "x - tanh(x).", a -> Activations.tanhshrink(a.tensor(0)));
        t.register("softsign(Tensor input)", "x / (1 + |x|).", a -> Activations.softsign(a.tensor(0)));
        t.register("threshold(Tensor input, float threshold, float value, bool inplace=False)",
                "x where x > threshold, else value.", a -> Functional.inPlace(a.bool(3), a.tensor(0),
                        x -> Activations.threshold(x, a.doubleValue(1), a.doubleValue(2))));
        t.register("threshold_(Tensor input, float threshold, float value)", "In-place threshold.",
                a -> Functional.inPlace(true, a.tensor(0), x -> Activations.threshold(x, a.doubleValue(1), a.doubleValue(2))));
        t.register("rrelu(Tensor input, float lower=0.125, float upper=0.3333333333333333, bool training=False, "
                + "bool inplace=False)", "Leaky rectifier with random slopes in [lower, upper] while training.",
                a -> Functional.inPlace(a.bool(4), a.tensor(0),
                        x -> Activations.rrelu(x, a.doubleValue(1), a.doubleValue(2), a.bool(3))));
        t.register("rrelu_(Tensor input, float lower=0.125, float upper=0.3333333333333333, bool training=False)",
                "In-place rrelu.", a -> Functional.inPlace(true, a.tensor(0),
                        x -> Activations.rrelu(x, a.doubleValue(1), a.doubleValue(2), a.bool(3))));
        t.register("logsigmoid(Tensor input)", "log(sigmoid(x)), computed stably.", a -> Activations.logsigmoid(a.tensor(0)));
        t.register("glu(Tensor input, dim dim=-1)", "First half of dim times the sigmoid of the second half.",
                a -> Activations.glu(a.tensor(0), a.intValue(1)));
        t.register("prelu(Tensor input, Tensor weight)", "x for x > 0, else weight * x (per channel).",
                a -> Activations.prelu(a.tensor(0), a.tensor(1)));
        t.register("softmin(Tensor input, dim? dim=None, int? _stacklevel=3, ScalarType? dtype=None)",
                "softmax(-x) along dim.", a -> Activations.softmin(
                        a.isNone(3) ? a.tensor(0) : a.tensor(0).to(a.dtype(3)), a.intOrNull(1)));
    }

    private static void registerLayers(OpTable t) {
        t.register("batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight=None, "
                + "Tensor? bias=None, bool training=False, float momentum=0.1, float eps=1e-05)",
                "Normalises each channel (dim 1) with batch or running statistics.",
                a -> Normalization.batchNorm(a.tensor(0), optional(a, 1), optional(a, 2), optional(a, 3), optional(a, 4),
                        a.bool(5), a.doubleValue(6), a.doubleValue(7)));
        t.register("layer_norm(Tensor input, int[] normalized_shape, Tensor? weight=None, Tensor? bias=None, "
                + "float eps=1e-05)", "Normalises over the trailing normalized_shape dims.",
                a -> Normalization.layerNorm(a.tensor(0), a.ints(1), optional(a, 2), optional(a, 3), a.doubleValue(4)));
        t.register("group_norm(Tensor input, int num_groups, Tensor? weight=None, Tensor? bias=None, float eps=1e-05)",
                "Normalises groups of channels per sample.",
                a -> Normalization.groupNorm(a.tensor(0), a.intValue(1), optional(a, 2), optional(a, 3), a.doubleValue(4)));
        t.register("normalize(Tensor input, float p=2.0, dim dim=1, float eps=1e-12, any out=None)",
                "x divided by its p-norm along dim (at least eps).",
                a -> Normalization.normalize(a.tensor(0), a.doubleValue(1), a.intValue(2), a.doubleValue(3)));
        t.register("alpha_dropout(Tensor input, float p=0.5, bool training=False, bool inplace=False)",
                "Dropout that keeps SELU's mean and variance.",
                a -> Functional.inPlace(a.bool(3), a.tensor(0), x -> Dropouts.alphaDropout(x, a.doubleValue(1), a.bool(2))));
        t.register("feature_alpha_dropout(Tensor input, float p=0.5, bool training=False, bool inplace=False)",
                "Alpha dropout of whole channels.", a -> Functional.inPlace(a.bool(3), a.tensor(0),
                        x -> Dropouts.featureAlphaDropout(x, a.doubleValue(1), a.bool(2))));
        t.register("dropout1d(Tensor input, float p=0.5, bool training=True, bool inplace=False)",
                "Zeroes whole channels of (N, C, L) input.", a -> Functional.inPlace(a.bool(3), a.tensor(0),
                        x -> Dropouts.dropout1d(x, a.doubleValue(1), a.bool(2))));
        t.register("dropout2d(Tensor input, float p=0.5, bool training=True, bool inplace=False)",
                "Zeroes whole channels of (N, C, H, W) input.", a -> Functional.inPlace(a.bool(3), a.tensor(0),
                        x -> Dropouts.dropout2d(x, a.doubleValue(1), a.bool(2))));
        t.register("dropout3d(Tensor input, float p=0.5, bool training=True, bool inplace=False)",
                "Zeroes whole channels of (N, C, D, H, W) input.", a -> Functional.inPlace(a.bool(3), a.tensor(0),
                        x -> Dropouts.dropout3d(x, a.doubleValue(1), a.bool(2))));
        t.register("embedding(IndexTensor input, Tensor weight, index? padding_idx=None, float? max_norm=None, "
                + "float norm_type=2.0, bool scale_grad_by_freq=False, bool sparse=False)",
                "Rows of weight for each index.", a -> Embeddings.embedding(a.tensor(0), a.tensor(1),
                        a.isNone(2) ? null : a.longValue(2), a.doubleOrNull(3), a.doubleValue(4)));
        t.register("embedding_bag(IndexTensor input, Tensor weight, Tensor? offsets=None, float? max_norm=None, "
                + "float norm_type=2, bool scale_grad_by_freq=False, str mode='mean', bool sparse=False, "
                + "Tensor? per_sample_weights=None, bool include_last_offset=False, index? padding_idx=None)",
                "Sums, means or maxima of bags of embeddings.", a -> Embeddings.embeddingBag(a.tensor(0), a.tensor(1),
                        optional(a, 2), a.doubleOrNull(3), a.doubleValue(4), a.string(6), optional(a, 8), a.bool(9),
                        a.isNone(10) ? null : a.longValue(10)));
        t.register("one_hot(IndexTensor tensor, int num_classes=-1)", "int64 one-hot vectors along a new last dim.",
                a -> Embeddings.oneHot(a.tensor(0), a.longValue(1)));
        t.register("pairwise_distance(Tensor x1, Tensor x2, float p=2.0, float eps=1e-06, bool keepdim=False)",
                "p-norm of x1 - x2 + eps along the last dim.",
                a -> Distances.pairwiseDistance(a.tensor(0), a.tensor(1), a.doubleValue(2), a.doubleValue(3), a.bool(4)));
        t.register("pdist(Tensor input, float p=2)", "p-norm distances between all pairs of rows.",
                a -> Distances.pdist(a.tensor(0), a.doubleValue(1)));
        t.register("cosine_similarity(Tensor x1, Tensor x2, dim dim=1, float eps=1e-08)", "Cosine of the angle along dim.",
                a -> Distances.cosineSimilarity(a.tensor(0), a.tensor(1), a.intValue(2), a.doubleValue(3)));
        t.register("pad(Tensor input, int[] pad, str mode='constant', float? value=None)",
                "Pads (or crops, if negative) the last dims with a constant.",
                a -> Layers.pad(a.tensor(0), a.ints(1), a.string(2), a.isNone(3) ? 0.0 : a.doubleValue(3)));
        t.register("bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor? bias=None)", "x1 . weight . x2 + bias.",
                a -> Layers.bilinear(a.tensor(0), a.tensor(1), a.tensor(2), optional(a, 3)));
    }

    private static void registerLosses(OpTable t) {
        t.register("huber_loss(Tensor input, Tensor target, str reduction='mean', float delta=1.0)",
                "Squared error below delta, scaled absolute error above.",
                a -> LikelihoodLosses.huberLoss(a.tensor(0), a.tensor(1), Reduction.of(a.string(2)), a.doubleValue(3)));
        t.register("kl_div(Tensor input, Tensor target, " + LEGACY + "str reduction='mean', bool log_target=False)",
                "Kullback-Leibler divergence of log-probabilities from a target.",
                a -> LikelihoodLosses.klDiv(a.tensor(0), a.tensor(1), a.isNone(2) && a.isNone(3) ? a.string(4)
                        : reduction(a, 2, 3, 4).pythonName(), a.bool(5)));
        t.register("poisson_nll_loss(Tensor input, Tensor target, bool log_input=True, bool full=False, "
                + "any size_average=None, float eps=1e-08, any reduce=None, str reduction='mean')",
                "Negative log-likelihood of a Poisson target.", a -> LikelihoodLosses.poissonNllLoss(a.tensor(0),
                        a.tensor(1), a.bool(2), a.bool(3), a.doubleValue(5), reduction(a, 4, 6, 7)));
        t.register("gaussian_nll_loss(Tensor input, Tensor target, Tensor var, bool full=False, float eps=1e-06, "
                + "str reduction='mean')", "Negative log-likelihood of a Gaussian target.",
                a -> LikelihoodLosses.gaussianNllLoss(a.tensor(0), a.tensor(1), a.tensor(2), a.bool(3), a.doubleValue(4),
                        Reduction.of(a.string(5))));
        t.register("margin_ranking_loss(Tensor input1, Tensor input2, Tensor target, float margin=0, " + LEGACY
                + "str reduction='mean')", "max(0, -target * (input1 - input2) + margin).",
                a -> MarginLosses.marginRankingLoss(a.tensor(0), a.tensor(1), a.tensor(2), a.doubleValue(3),
                        reduction(a, 4, 5, 6)));
        t.register("hinge_embedding_loss(Tensor input, Tensor target, float margin=1.0, " + LEGACY
                + "str reduction='mean')", "x where target is 1, max(0, margin - x) where it is -1.",
                a -> MarginLosses.hingeEmbeddingLoss(a.tensor(0), a.tensor(1), a.doubleValue(2), reduction(a, 3, 4, 5)));
        t.register("multilabel_margin_loss(Tensor input, IndexTensor target, " + LEGACY + "str reduction='mean')",
                "Multi-class hinge loss against several target classes per sample.",
                a -> MarginLosses.multilabelMarginLoss(a.tensor(0), a.tensor(1), reduction(a, 2, 3, 4)));
        t.register("soft_margin_loss(Tensor input, Tensor target, " + LEGACY + "str reduction='mean')",
                "log(1 + exp(-target * x)).",
                a -> MarginLosses.softMarginLoss(a.tensor(0), a.tensor(1), reduction(a, 2, 3, 4)));
        t.register("multilabel_soft_margin_loss(Tensor input, Tensor target, Tensor? weight=None, " + LEGACY
                + "str reduction='mean')", "Per-class sigmoid cross-entropy, averaged over classes.",
                a -> MarginLosses.multilabelSoftMarginLoss(a.tensor(0), a.tensor(1), optional(a, 2), reduction(a, 3, 4, 5)));
        t.register("cosine_embedding_loss(Tensor input1, Tensor input2, Tensor target, float margin=0, " + LEGACY
                + "str reduction='mean')", "1 - cos where target is 1, max(0, cos - margin) where it is -1.",
                a -> MarginLosses.cosineEmbeddingLoss(a.tensor(0), a.tensor(1), a.tensor(2), a.doubleValue(3),
                        reduction(a, 4, 5, 6)));
        t.register("multi_margin_loss(Tensor input, IndexTensor target, int p=1, float margin=1.0, Tensor? weight=None, "
                + LEGACY + "str reduction='mean')", "Multi-class hinge loss.",
                a -> MarginLosses.multiMarginLoss(a.tensor(0), a.tensor(1), a.intValue(2), a.doubleValue(3), optional(a, 4),
                        reduction(a, 5, 6, 7)));
        t.register("triplet_margin_loss(Tensor anchor, Tensor positive, Tensor negative, float margin=1.0, float p=2, "
                + "float eps=1e-06, bool swap=False, " + LEGACY + "str reduction='mean')",
                "max(0, margin + d(anchor, positive) - d(anchor, negative)).",
                a -> MarginLosses.tripletMarginLoss(a.tensor(0), a.tensor(1), a.tensor(2), a.doubleValue(3),
                        a.doubleValue(4), a.doubleValue(5), a.bool(6), reduction(a, 7, 8, 9)));
    }
}
