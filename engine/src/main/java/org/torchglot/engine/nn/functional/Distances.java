package org.torchglot.engine.nn.functional;

import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.ops.TensorIterator;
import org.torchglot.engine.tensor.Tensor;

/** {@code F.pairwise_distance} and {@code F.cosine_similarity}, composed as libtorch 1.13 composes them. */
public final class Distances {
    private Distances() {
    }

    /** {@code ||x1 - x2 + eps||_p} along the last dim. */
    public static Tensor pairwiseDistance(Tensor x1, Tensor x2, double p, double eps, boolean keepdim) {
        int lastDim = Math.max(x1.dim(), x2.dim()) - 1;
        Tensor diff = x1.sub(x2).add(eps);
        return pNorm(diff, p, Math.max(lastDim, 0), keepdim);
    }

    /**
     * {@code norm(x, p, dim, keepdim)} as one node (NormBackward1): the gradient is
     * {@code g * sign(x) * |x|^(p-1) / norm^(p-1)}, 0 where the norm is 0.
     */
    static Tensor pNorm(Tensor x, double p, int dim, boolean keepdim) {
        if (Double.isInfinite(p)) {
            return p > 0 ? x.abs().max(dim, keepdim)[0] : x.abs().min(dim, keepdim)[0];
        }
        Tensor norm;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Tensor a = x.abs();
            norm = p == 2 ? x.mul(x).sum(dim, true).sqrt() : p == 1 ? a.sum(dim, true) : a.pow(p).sum(dim, true).pow(1 / p);
        }
        Tensor out = keepdim || x.dim() == 0 ? norm.reshape(keepdim ? norm.shape() : new int[0]) : norm.squeeze(dim);
        if (Tensor.needsGrad(x)) {
            out.withGradFn(new FunctionNode("NormBackward1", new Tensor[] {x}, new Tensor[] {x, norm}, (g, s) -> {
                Tensor gk = keepdim || s[0].dim() == 0 ? g.reshape(s[1].shape()) : g.unsqueeze(dim);
                Tensor scale;
                if (p == 1) {
                    scale = s[0].sign();
                } else {
                    Tensor denominator = p == 2 ? s[1] : s[1].pow(p - 1);
                    Tensor numerator = p == 2 ? s[0] : s[0].sign().mul(s[0].abs().pow(p - 1));
                    scale = TensorIterator.map(numerator, denominator.expandAs(numerator), numerator.dtype(),
                            numerator.dtype(), (a, b) -> b == 0 ? 0 : a / b, null);
                }
                return new Tensor[] {gk.mul(scale)};
            }));
        }
        return out;
    }

    /**
     * {@code F.pdist(input, p)}: the p-norm distance between every pair of rows i < j of a 2-D input,
     * in row-major order of the pairs.
     */
    public static Tensor pdist(Tensor input, double p) {
        if (input.dim() != 2) {
            throw org.torchglot.engine.tensor.TorchException.runtime("pdist only supports 2D tensors, got: "
                    + input.dim() + "D");
        }
        if (p < 0) {
            throw org.torchglot.engine.tensor.TorchException.runtime("pdist only supports non-negative p values");
        }
        int n = input.size(0);
        if (n < 2) {
            return Tensor.zeros(new int[] {0}, input.dtype());
        }
        java.util.List<Tensor> diffs = new java.util.ArrayList<>();
        for (int i = 0; i < n - 1; i++) {
            diffs.add(input.narrow(0, i, 1).sub(input.narrow(0, i + 1, n - i - 1)));
        }
        return pNorm(Tensor.cat(diffs, 0), p, 1, false);
    }

    /** {@code sum(x1 / max(||x1||, eps) * x2 / max(||x2||, eps))} along {@code dim}, after broadcasting. */
    public static Tensor cosineSimilarity(Tensor x1, Tensor x2, int dim, double eps) {
        int[] shape = org.torchglot.engine.tensor.Shapes.broadcast(x1.shapeRef(), x2.shapeRef());
        Tensor a = x1.expand(shape);
        Tensor b = x2.expand(shape);
        int d = dim < 0 ? dim + shape.length : dim;
        Tensor na = clampedNorm(a, d, eps);
        Tensor nb = clampedNorm(b, d, eps);
        return a.div(na).mul(b.div(nb)).sum(d, false);
    }

    /**
     * The 2-norm along {@code dim}, at least {@code eps}, the clamp unseen by autograd as PyTorch's clamp_min_ under
     * NoGradGuard. NOTE: added as a constant rather than written in place, so sqrt's saved result keeps its version.
     */
    private static Tensor clampedNorm(Tensor x, int dim, double eps) {
        Tensor norm = x.mul(x).sum(dim, true).sqrt();
        Tensor lift;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            lift = norm.clamp(eps, null).sub(norm);
        }
        return norm.add(lift);
    }
}
