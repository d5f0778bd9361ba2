package org.torchglot.engine.nn.functional;

import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.tensor.Tensor;

/** {@code F.pairwise_distance} and {@code F.cosine_similarity}, composed as libtorch 1.13 composes them. */
public final class Distances {
    private Distances() {
    }

    /** {@code ||x1 - x2 + eps||_p} along the last dim. */
    public static Tensor pairwiseDistance(Tensor x1, Tensor x2, double p, double eps, boolean keepdim) {
        int lastDim = Math.max(x1.dim(), x2.dim()) - 1;
        Tensor diff = x1.sub(x2).add(eps);
        if (lastDim < 0) {
            return pNorm(diff, p, 0, keepdim);
        }
        return pNorm(diff, p, lastDim, keepdim);
    }

    static Tensor pNorm(Tensor x, double p, int dim, boolean keepdim) {
        if (x.dim() == 0) {
            return p == 2 ? x.mul(x).sqrt() : x.abs();
        }
        if (p == 2) {
            return x.mul(x).sum(dim, keepdim).sqrt();
        }
        if (p == 1) {
            return x.abs().sum(dim, keepdim);
        }
        if (Double.isInfinite(p)) {
            return p > 0 ? x.abs().max(dim, keepdim)[0] : x.abs().min(dim, keepdim)[0];
        }
        return x.abs().pow(p).sum(dim, keepdim).pow(1 / p);
    }

    /** {@code sum(x1 / max(||x1||, eps) * x2 / max(||x2||, eps))} along {@code dim}, after broadcasting. */
    public static Tensor cosineSimilarity(Tensor x1, Tensor x2, int dim, double eps) {
        int[] shape = org.torchglot.engine.tensor.Shapes.broadcast(x1.shapeRef(), x2.shapeRef());
        Tensor a = x1.expand(shape);
        Tensor b = x2.expand(shape);
        int d = dim < 0 ? dim + shape.length : dim;
        Tensor na = a.mul(a).sum(d, true).sqrt();
        Tensor nb = b.mul(b).sum(d, true).sqrt();
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            // NOTE: clamped without autograd, as PyTorch's clamp_min_ under NoGradGuard.
            na.clamp_(eps, null);
            nb.clamp_(eps, null);
        }
        return a.div(na).mul(b.div(nb)).sum(d, false);
    }
}
