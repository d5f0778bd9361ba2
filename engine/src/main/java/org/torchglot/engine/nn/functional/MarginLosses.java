package org.torchglot.engine.nn.functional;

import java.util.Arrays;
import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.ops.TensorIterator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** The margin and ranking losses of {@code torch.nn.functional}, with libtorch 1.13's formulas. */
public final class MarginLosses {
    private MarginLosses() {
    }

    /** {@code clamp_min(x, 0)}, recorded as PyTorch records it (ClampMinBackward0). */
    private static Tensor clampMin0(Tensor x) {
        Tensor out = TensorIterator.map(x, x.dtype(), v -> Double.isNaN(v) ? v : Math.max(v, 0));
        if (Tensor.needsGrad(x)) {
            out.withGradFn(new FunctionNode("ClampMinBackward0", new Tensor[] {x}, new Tensor[] {x},
                    (g, s) -> new Tensor[] {g.mul(TensorIterator.map(s[0], g.dtype(), v -> v >= 0 ? 1.0 : 0.0))}));
        }
        return out;
    }

    /**
     * The gradient of a per-sample loss reduced by {@code reduction}, as a column that scales each
     * sample's row: g itself per sample for 'none', g / N for 'mean', g for 'sum'.
     */
    private static Tensor perSample(Tensor g, Reduction reduction, int samples) {
        if (reduction == Reduction.NONE) {
            return g.reshape(samples, 1);
        }
        return reduction == Reduction.MEAN ? g.div(samples).reshape(1, 1) : g.reshape(1, 1);
    }

    /** {@code max(0, -target * (input1 - input2) + margin)}. */
    public static Tensor marginRankingLoss(Tensor input1, Tensor input2, Tensor target, double margin,
            Reduction reduction) {
        if (input1.dim() != input2.dim() || input1.dim() != target.dim()) {
            throw TorchException.runtime("margin_ranking_loss : All input tensors should have same dimension but got "
                    + "sizes: input1: " + org.torchglot.engine.nn.PythonRepr.ofSize(input1.shapeRef()) + ", input2: "
                    + org.torchglot.engine.nn.PythonRepr.ofSize(input2.shapeRef()) + ", target: "
                    + org.torchglot.engine.nn.PythonRepr.ofSize(target.shapeRef()) + " ");
        }
        return reduction.apply(clampMin0(target.neg().mul(input1.sub(input2)).add(margin)));
    }

    /** {@code input} where target is 1, {@code max(0, margin - input)} where it is -1. */
    public static Tensor hingeEmbeddingLoss(Tensor input, Tensor target, double margin, Reduction reduction) {
        Tensor zeros = Tensor.zeros(input.shapeRef(), input.dtype());
        Tensor marginClamp = clampMin0(input.neg().add(margin));
        Tensor outputMargin = Tensor.where(target.ne(Tensor.scalar(1L)), marginClamp, zeros);
        Tensor outputSelf = Tensor.where(target.ne(Tensor.scalar(-1L)), input, zeros);
        return reduction.apply(outputMargin.add(outputSelf));
    }

    /** {@code log(1 + exp(-target * input))}; one node as libtorch's kernel. */
    public static Tensor softMarginLoss(Tensor input, Tensor target, Reduction reduction) {
        DType type = TensorIterator.resultType(input, target);
        Tensor out;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            out = reduction.apply(TensorIterator.map(input, target, type, type, (x, y) -> Math.log1p(Math.exp(-y * x)), null));
        }
        if (Tensor.needsGrad(input, target)) {
            double norm = reduction == Reduction.MEAN ? 1.0 / input.numel() : 1.0;
            out.withGradFn(new FunctionNode("SoftMarginLossBackward0", new Tensor[] {input, target},
                    new Tensor[] {input, target}, (g, s) -> {
                        Tensor slope = TensorIterator.map(s[0], s[1], type, type, (x, y) -> {
                            double z = Math.exp(-y * x);
                            return -y * z / (1 + z) * norm;
                        }, null);
                        return new Tensor[] {slope.mul(g), null};
                    }));
        }
        return out;
    }

    /** The mean over classes of the binary cross-entropy of sigmoid(input), per sample. */
    public static Tensor multilabelSoftMarginLoss(Tensor input, Tensor target, Tensor weight, Reduction reduction) {
        Tensor loss = target.mul(Activations.logsigmoid(input))
                .add(target.rsub(1.0).mul(Activations.logsigmoid(input.neg()))).neg();
        if (weight != null) {
            loss = loss.mul(weight);
        }
        int classDim = input.dim() - 1;
        loss = loss.sum(classDim, false).div(input.size(classDim));
        return reduction.apply(loss);
    }

    /** {@code 1 - cos(x1, x2)} where target is 1, {@code max(0, cos - margin)} where it is -1. */
    public static Tensor cosineEmbeddingLoss(Tensor input1, Tensor input2, Tensor target, double margin,
            Reduction reduction) {
        if (input1.dim() != input2.dim()) {
            throw TorchException.runtime("cosine_embedding_loss : All input tensors should have same dimension but got "
                    + "sizes: input1: " + org.torchglot.engine.nn.PythonRepr.ofSize(input1.shapeRef()) + ", input2: "
                    + org.torchglot.engine.nn.PythonRepr.ofSize(input2.shapeRef()) + ", target: "
                    + org.torchglot.engine.nn.PythonRepr.ofSize(target.shapeRef()) + " ");
        }
        double epsilon = 1e-12;
        int dim = input1.dim() == 1 ? 0 : 1;
        Tensor prodSum = input1.mul(input2).sum(dim, false);
        Tensor mag1 = input1.mul(input1).sum(dim, false).add(epsilon);
        Tensor mag2 = input2.mul(input2).sum(dim, false).add(epsilon);
        Tensor cos = prodSum.div(mag1.mul(mag2).sqrt());
        Tensor zeros = Tensor.zeros(cos.shapeRef(), cos.dtype());
        Tensor pos = cos.rsub(1.0);
        Tensor neg = clampMin0(cos.sub(margin));
        Tensor outputPos = Tensor.where(target.eq(Tensor.scalar(1L)), pos, zeros);
        Tensor outputNeg = Tensor.where(target.eq(Tensor.scalar(-1L)), neg, zeros);
        return reduction.apply(outputPos.add(outputNeg));
    }

    /**
     * {@code F.multi_margin_loss}: per sample, the mean over classes i != y of
     * {@code weight[y] * max(0, margin - x[y] + x[i])^p}, with p 1 or 2.
     */
    public static Tensor multiMarginLoss(Tensor input, Tensor target, int p, double margin, Tensor weight,
            Reduction reduction) {
        if (p != 1 && p != 2) {
            throw TorchException.value("only p == 1 and p == 2 supported");
        }
        boolean single = input.dim() <= 1;
        Tensor x = input.dim() == 0 ? input.reshape(1, 1) : single ? input.unsqueeze(0) : input;
        Tensor y = target.reshape(-1);
        int classes = x.size(1);
        if (x.dim() != 2 || y.numel() != x.size(0)) {
            throw TorchException.runtime("inconsistent target size, expected " + x.size(0) + " but got "
                    + org.torchglot.engine.nn.PythonRepr.ofSize(target.shapeRef()));
        }
        Tensor mask = Embeddings.oneHot(checkClasses(y, classes), classes).to(x.dtype());
        Tensor sampleWeight = weight == null ? null : weight.reshape(1, classes).mul(mask).sum(1, true);
        Tensor out;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Tensor terms = clampMin0(x.sub(x.mul(mask).sum(1, true)).add(margin));
            if (p == 2) {
                terms = terms.mul(terms);
            }
            if (sampleWeight != null) {
                terms = terms.mul(sampleWeight);
            }
            Tensor loss = terms.mul(mask.rsub(1.0)).sum(1, false).div(classes);
            out = reduction.apply(single ? loss.reshape() : loss);
        }
        if (Tensor.needsGrad(input)) {
            int samples = x.size(0);
            int[] inputShape = input.shape();
            out.withGradFn(new FunctionNode("MultiMarginLossBackward0", new Tensor[] {input, null}, new Tensor[] {x},
                    (g, s) -> {
                        Tensor z = s[0].sub(s[0].mul(mask).sum(1, true)).add(margin);
                        Tensor slope = TensorIterator.map(z, z.dtype(), v -> v > 0 ? (p == 2 ? 2 * v : 1.0) : 0.0)
                                .mul(mask.rsub(1.0)).div(classes);
                        if (sampleWeight != null) {
                            slope = slope.mul(sampleWeight);
                        }
                        Tensor grad = slope.sub(mask.mul(slope.sum(1, true)));
                        return new Tensor[] {grad.mul(perSample(g, reduction, samples)).reshape(inputShape), null};
                    }));
        }
        return out;
    }

    private static Tensor checkClasses(Tensor target, int classes) {
        for (long v : target.contiguousCopy().toLongArray()) {
            if (v < 0 || v >= classes) {
                throw TorchException.runtime("target out of range");
            }
        }
        return target;
    }

    /**
     * {@code F.multilabel_margin_loss}: target rows hold class indices up to the first -1; per
     * sample, the sum over target j and non-target i of {@code max(0, 1 - (x[j] - x[i]))}, over C.
     */
    public static Tensor multilabelMarginLoss(Tensor input, Tensor target, Reduction reduction) {
        boolean single = input.dim() <= 1;
        Tensor x = single ? input.reshape(1, -1) : input;
        Tensor t = single ? target.reshape(1, -1) : target;
        if (!Arrays.equals(x.shapeRef(), t.shapeRef())) {
            throw TorchException.runtime("inconsistent target size: " + org.torchglot.engine.nn.PythonRepr.ofSize(
                    target.shapeRef()) + " for input of size: " + org.torchglot.engine.nn.PythonRepr.ofSize(
                    input.shapeRef()));
        }
        int n = x.size(0);
        int c = x.size(1);
        long[] labels = t.contiguousCopy().toLongArray();
        double[] isTarget = new double[n * c];
        for (int row = 0; row < n; row++) {
            for (int k = 0; k < c; k++) {
                long label = labels[row * c + k];
                if (label < 0) {
                    break;
                }
                if (label >= c) {
                    throw TorchException.runtime("target index out of range");
                }
                isTarget[row * c + (int) label] = 1;
            }
        }
        Tensor targets = org.torchglot.engine.Torch.tensor(isTarget, new int[] {n, c}, x.dtype());
        Tensor pairs = targets.unsqueeze(2).mul(targets.rsub(1.0).unsqueeze(1));
        Tensor out;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Tensor margins = clampMin0(x.unsqueeze(1).sub(x.unsqueeze(2)).add(1.0));
            Tensor loss = margins.mul(pairs).sum(new int[] {1, 2}, false).div(c);
            out = reduction.apply(single ? loss.reshape() : loss);
        }
        if (Tensor.needsGrad(input)) {
            int[] inputShape = input.shape();
            out.withGradFn(new FunctionNode("MultilabelMarginLossBackward0", new Tensor[] {input, null},
                    new Tensor[] {x}, (g, s) -> {
                        Tensor z = s[0].unsqueeze(1).sub(s[0].unsqueeze(2)).add(1.0);
                        // NOTE: coef[n][j][i] is d loss / d x[i] for target j, non-target i; x[j] gets its negative.
                        Tensor coef = TensorIterator.map(z, z.dtype(), v -> v > 0 ? 1.0 : 0.0).mul(pairs).div(c);
                        Tensor grad = coef.sum(1, false).sub(coef.sum(2, false));
                        return new Tensor[] {grad.mul(perSample(g, reduction, n)).reshape(inputShape), null};
                    }));
        }
        return out;
    }

    /** {@code max(0, margin + d(a, p) - d(a, n))} with the pairwise p-norm distance; {@code swap} uses d(p, n) when smaller. */
    public static Tensor tripletMarginLoss(Tensor anchor, Tensor positive, Tensor negative, double margin, double p,
            double eps, boolean swap, Reduction reduction) {
        Tensor distPos = Distances.pairwiseDistance(anchor, positive, p, eps, false);
        Tensor distNeg = Distances.pairwiseDistance(anchor, negative, p, eps, false);
        if (swap) {
            distNeg = distNeg.minimum(Distances.pairwiseDistance(positive, negative, p, eps, false));
        }
        return reduction.apply(clampMin0(distPos.sub(distNeg).add(margin)));
    }
}
