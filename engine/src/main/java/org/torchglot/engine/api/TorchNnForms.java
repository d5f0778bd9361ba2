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
 * The {@code torch.*} forms of {@code torch.nn.functional} ops ({@code torch.dropout(input, p, train)},
 * {@code torch.kl_div(input, target, reduction=1)}...): PyTorch's native signatures, which differ from
 * F's (required {@code train}, reductions as at::Reduction ints, {@code torch.embedding(weight, indices)}).
 * Each calls the same engine function as its functional entry.
 */
final class TorchNnForms {
    private TorchNnForms() {
    }

    /** at::Reduction's int as apply_loss_reduction reads it: 1 mean, 2 sum, anything else unreduced. */
    private static Reduction reduction(Args a, int i) {
        int r = a.intValue(i);
        return r == 1 ? Reduction.MEAN : r == 2 ? Reduction.SUM : Reduction.NONE;
    }

    private static Tensor optional(Args a, int i) {
        return a.isNone(i) ? null : a.tensor(i);
    }

    static void registerAll(OpTable t) {
        registerActivations(t);
        registerLayers(t);
        registerLosses(t);
    }

    private static void registerActivations(OpTable t) {
        t.register("selu(Tensor input@self)", "scale * elu(x, alpha) with SELU's constants.", a -> Activations.selu(a.tensor(0)));
        t.register("selu_(Tensor input@self)", "In-place selu.", a -> Functional.inPlace(true, a.tensor(0), Activations::selu));
        t.register("celu(Tensor input@self, float alpha=1.0)", "max(0, x) + min(0, alpha * (exp(x / alpha) - 1)).",
                a -> Activations.celu(a.tensor(0), a.doubleValue(1)));
        t.register("celu_(Tensor input@self, float alpha=1.0)", "In-place celu.",
                a -> Functional.inPlace(true, a.tensor(0), x -> Activations.celu(x, a.doubleValue(1))));
        t.register("hardshrink(Tensor self, float lambd=0.5)", "x where |x| > lambd, else 0.",
                a -> Activations.hardshrink(a.tensor(0), a.doubleValue(1)));
        t.register("threshold(Tensor input, float threshold, float value)", "x where x > threshold, else value.",
                a -> Activations.threshold(a.tensor(0), a.doubleValue(1), a.doubleValue(2)));
        t.register("threshold_(Tensor input@self, float threshold, float value)", "In-place threshold.",
                a -> Functional.inPlace(true, a.tensor(0), x -> Activations.threshold(x, a.doubleValue(1), a.doubleValue(2))));
        t.register("rrelu(Tensor input, float lower=0.125, float upper=0.3333333333333333, bool training=False, "
                + "Generator? generator=None)", "Leaky rectifier with random slopes in [lower, upper] while training.",
                a -> Activations.rrelu(a.tensor(0), a.doubleValue(1), a.doubleValue(2), a.bool(3)));
        t.register("rrelu_(Tensor input@self, float lower=0.125, float upper=0.3333333333333333, bool training=False, "
                + "Generator? generator=None)", "In-place rrelu.", a -> Functional.inPlace(true, a.tensor(0),
                        x -> Activations.rrelu(x, a.doubleValue(1), a.doubleValue(2), a.bool(3))));
        t.register("prelu(Tensor self, Tensor weight)", "x for x > 0, else weight * x (per channel).",
                a -> Activations.prelu(a.tensor(0), a.tensor(1)));
    }

    private static void registerLayers(OpTable t) {
        t.register("dropout(Tensor input, float p, bool train)", "Zeroes elements with probability p while training.",
                a -> Functional.dropout(a.tensor(0), a.doubleValue(1), a.bool(2)));
        t.register("dropout_(Tensor input, float p, bool train)", "In-place dropout.",
                a -> Functional.inPlace(true, a.tensor(0), x -> Functional.dropout(x, a.doubleValue(1), a.bool(2))));
        t.register("feature_dropout(Tensor input, float p, bool train)", "Zeroes whole channels (dim 1) while training.",
                a -> Dropouts.featureDropout(a.tensor(0), a.doubleValue(1), a.bool(2)));
        t.register("feature_dropout_(Tensor input, float p, bool train)", "In-place feature_dropout.",
                a -> Functional.inPlace(true, a.tensor(0), x -> Dropouts.featureDropout(x, a.doubleValue(1), a.bool(2))));
        t.register("alpha_dropout(Tensor input, float p, bool train)", "Dropout that keeps SELU's mean and variance.",
                a -> Dropouts.alphaDropout(a.tensor(0), a.doubleValue(1), a.bool(2)));
        t.register("alpha_dropout_(Tensor input, float p, bool train)", "In-place alpha_dropout.",
                a -> Functional.inPlace(true, a.tensor(0), x -> Dropouts.alphaDropout(x, a.doubleValue(1), a.bool(2))));
        t.register("batch_norm(Tensor input, Tensor? weight, Tensor? bias, Tensor? running_mean, Tensor? running_var, "
                + "bool training, float momentum, float eps, bool cudnn_enabled)",
                "Normalises each channel (dim 1) with batch or running statistics.",
                a -> Normalization.batchNorm(a.tensor(0), optional(a, 3), optional(a, 4), optional(a, 1), optional(a, 2),
                        a.bool(5), a.doubleValue(6), a.doubleValue(7)));
        t.register("layer_norm(Tensor input, int[] normalized_shape, Tensor? weight=None, Tensor? bias=None, "
                + "float eps=1e-05, bool cudnn_enable=True)", "Normalises over the trailing normalized_shape dims.",
                a -> Normalization.layerNorm(a.tensor(0), a.ints(1), optional(a, 2), optional(a, 3), a.doubleValue(4)));
        t.register("group_norm(Tensor input, int num_groups, Tensor? weight=None, Tensor? bias=None, float eps=1e-05, "
                + "bool cudnn_enabled=True)", "Normalises groups of channels per sample.",
                a -> Normalization.groupNorm(a.tensor(0), a.intValue(1), optional(a, 2), optional(a, 3), a.doubleValue(4)));
        // NOTE: torch.embedding takes weight first, and a negative padding_idx means none (F.embedding wraps it first).
        t.register("embedding(Tensor weight, IndexTensor indices, int padding_idx=-1, bool scale_grad_by_freq=False, "
                + "bool sparse=False)", "Rows of weight for each index.", a -> Embeddings.embedding(a.tensor(1), a.tensor(0),
                        a.longValue(2) < 0 ? null : a.longValue(2), null, 2.0));
        t.register("pairwise_distance(Tensor x1, Tensor x2, float p=2, float eps=1e-06, bool keepdim=False)",
                "p-norm of x1 - x2 + eps along the last dim.",
                a -> Distances.pairwiseDistance(a.tensor(0), a.tensor(1), a.doubleValue(2), a.doubleValue(3), a.bool(4)));
        t.register("pdist(Tensor input@self, float p=2)", "p-norm distances between all pairs of rows.",
                a -> Distances.pdist(a.tensor(0), a.doubleValue(1)));
        t.register("cosine_similarity(Tensor x1, Tensor x2, dim dim=1, float eps=1e-08)", "Cosine of the angle along dim.",
                a -> Distances.cosineSimilarity(a.tensor(0), a.tensor(1), a.intValue(2), a.doubleValue(3)));
        t.register("bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor? bias=None)", "x1 . weight . x2 + bias.",
                a -> Layers.bilinear(a.tensor(0), a.tensor(1), a.tensor(2), optional(a, 3)));
    }

    // NOTE: PyTorch 1.13's argument parser reads the declared default at::Reduction::Mean as 0, so a torch.* loss
    // left at its default reduction returns the unreduced loss; the defaults below are the ones it really applies.
    private static void registerLosses(OpTable t) {
        t.register("kl_div(Tensor input, Tensor target, int reduction=0, *, bool log_target=False)",
                "Kullback-Leibler divergence of log-probabilities from a target.",
                a -> LikelihoodLosses.klDiv(a.tensor(0), a.tensor(1), reduction(a, 2).pythonName(), a.bool(3)));
        t.register("poisson_nll_loss(Tensor input, Tensor target, bool log_input, bool full, float eps, int reduction)",
                "Negative log-likelihood of a Poisson target.", a -> LikelihoodLosses.poissonNllLoss(a.tensor(0),
                        a.tensor(1), a.bool(2), a.bool(3), a.doubleValue(4), reduction(a, 5)));
        t.register("binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight=None, "
                + "Tensor? pos_weight=None, int reduction=0)", "Binary cross-entropy of logits (sigmoid inside, stably).",
                a -> Functional.binaryCrossEntropyWithLogits(a.tensor(0), a.tensor(1), optional(a, 2), optional(a, 3),
                        reduction(a, 4)));
        t.register("margin_ranking_loss(Tensor input1, Tensor input2, Tensor target, float margin=0.0, int reduction=0)",
                "max(0, -target * (input1 - input2) + margin).", a -> MarginLosses.marginRankingLoss(a.tensor(0),
                        a.tensor(1), a.tensor(2), a.doubleValue(3), reduction(a, 4)));
        t.register("hinge_embedding_loss(Tensor input, Tensor target, float margin=1.0, int reduction=0)",
                "x where target is 1, max(0, margin - x) where it is -1.",
                a -> MarginLosses.hingeEmbeddingLoss(a.tensor(0), a.tensor(1), a.doubleValue(2), reduction(a, 3)));
        t.register("cosine_embedding_loss(Tensor input1, Tensor input2, Tensor target, float margin=0.0, int reduction=0)",
                "1 - cos where target is 1, max(0, cos - margin) where it is -1.",
                a -> MarginLosses.cosineEmbeddingLoss(a.tensor(0), a.tensor(1), a.tensor(2), a.doubleValue(3),
                        reduction(a, 4)));
        t.register("triplet_margin_loss(Tensor anchor, Tensor positive, Tensor negative, float margin=1.0, float p=2, "
                + "float eps=1e-06, bool swap=False, int reduction=0)",
                "max(0, margin + d(anchor, positive) - d(anchor, negative)).",
                a -> MarginLosses.tripletMarginLoss(a.tensor(0), a.tensor(1), a.tensor(2), a.doubleValue(3),
                        a.doubleValue(4), a.doubleValue(5), a.bool(6), reduction(a, 7)));
    }
}
