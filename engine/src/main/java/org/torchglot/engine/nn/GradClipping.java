package org.torchglot.engine.nn;

import java.util.ArrayList;
import java.util.List;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.ops.linalg.Norms;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** {@code torch.nn.utils}' gradient clipping, computed as PyTorch 1.13's Python code computes it. */
public final class GradClipping {
    private GradClipping() {
    }

    /**
     * Scales the gradients of {@code parameters} so their joint {@code normType}-norm is at most {@code maxNorm}.
     *
     * @return the joint norm before clipping (a 0-dim tensor; 0 when no parameter has a gradient)
     */
    public static Tensor clipGradNorm_(List<Tensor> parameters, double maxNorm, double normType,
            boolean errorIfNonfinite) {
        List<Tensor> grads = gradients(parameters);
        if (grads.isEmpty()) {
            return Tensor.scalar(0.0).to(DType.FLOAT32);
        }
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            List<Tensor> norms = new ArrayList<>();
            for (Tensor g : grads) {
                norms.add(Norms.vectorNorm(g, normType, null, false, null));
            }
            Tensor total = normType == Double.POSITIVE_INFINITY
                    ? norms.size() == 1 ? norms.get(0) : Tensor.stack(norms, 0).max()
                    : Norms.vectorNorm(Tensor.stack(norms, 0), normType, null, false, null);
            double value = total.item();
            if (errorIfNonfinite && !Double.isFinite(value)) {
                throw TorchException.runtime("The total norm of order " + normType + " for gradients from `parameters` "
                        + "is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the "
                        + "non-finite norm anyway, set `error_if_nonfinite=False`");
            }
            // NOTE: PyTorch scales by the float32 quotient max_norm / (norm + 1e-6) clamped to 1, even when it is 1.
            Tensor coefficient = Tensor.scalar(maxNorm).to(total.dtype()).div(total.add(1e-6)).clamp(null, 1.0);
            for (Tensor g : grads) {
                g.mul_(coefficient.to(g.dtype()));
            }
            return total;
        }
    }

    /** Clamps every gradient of {@code parameters} into {@code [-clipValue, clipValue]}. */
    public static void clipGradValue_(List<Tensor> parameters, double clipValue) {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            for (Tensor g : gradients(parameters)) {
                g.clamp_(-clipValue, clipValue);
            }
        }
    }

    private static List<Tensor> gradients(List<Tensor> parameters) {
        List<Tensor> grads = new ArrayList<>();
        for (Tensor p : parameters) {
            if (p.grad() != null) {
                grads.add(p.grad());
            }
        }
        return grads;
    }
}
