package org.torchglot.engine.nn;

import org.torchglot.engine.Torch;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.ops.Pointwise;
import org.torchglot.engine.ops.Sampling;
import org.torchglot.engine.ops.SpecialMath;
import org.torchglot.engine.ops.UnaryMath;
import org.torchglot.engine.ops.linalg.Linalg;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * The {@code torch.nn.init} fills with a structure rather than an i.i.d. draw: {@code eye_}, {@code dirac_},
 * {@code orthogonal_} and {@code trunc_normal_}, each as PyTorch 1.13's Python code computes it (same draws from the
 * same seed), in place and without recording gradients.
 */
public final class StructuredInit {
    private StructuredInit() {
    }

    /** The identity matrix (rectangular: ones on the main diagonal). */
    public static Tensor eye_(Tensor t) {
        if (t.dim() != 2) {
            throw TorchException.value("Only tensors with 2 dimensions are supported");
        }
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            return t.copy_(Torch.eye(t.size(0), t.size(1), t.dtype()));
        }
    }

    /**
     * The Dirac delta of a convolution weight ({@code [out, in, k...]}): each of the {@code groups} groups of output
     * channels passes its input channel's centre through unchanged.
     */
    public static Tensor dirac_(Tensor t, int groups) {
        int dims = t.dim();
        if (dims < 3 || dims > 5) {
            throw TorchException.value("Only tensors with 3, 4, or 5 dimensions are supported");
        }
        int[] shape = t.shape();
        if (shape[0] % groups != 0) {
            throw TorchException.value("dim 0 must be divisible by groups");
        }
        int outPerGroup = shape[0] / groups;
        int minDim = Math.min(outPerGroup, shape[1]);
        int[] strides = new int[dims];
        strides[dims - 1] = 1;
        for (int d = dims - 2; d >= 0; d--) {
            strides[d] = strides[d + 1] * shape[d + 1];
        }
        int centre = 0;
        for (int d = 2; d < dims; d++) {
            centre += (shape[d] / 2) * strides[d];
        }
        double[] values = new double[t.numel()];
        for (int g = 0; g < groups; g++) {
            for (int d = 0; d < minDim; d++) {
                values[(g * outPerGroup + d) * strides[0] + d * strides[1] + centre] = 1.0;
            }
        }
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            return t.copy_(Tensor.of(Storage.wrap(values), shape).to(t.dtype()));
        }
    }

    /**
     * A (semi-)orthogonal matrix from the QR decomposition of a normal draw, signs fixed by R's diagonal so the
     * result is unique, scaled by {@code gain}; dims after the first are flattened.
     */
    public static Tensor orthogonal_(Tensor t, double gain, Generator generator) {
        if (t.dim() < 2) {
            throw TorchException.value("Only tensors with 2 or more dimensions are supported");
        }
        if (t.numel() == 0) {
            return t;
        }
        int rows = t.size(0);
        int cols = t.numel() / rows;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Tensor flattened = Sampling.normal(Torch.empty(new int[] {rows, cols}, t.dtype()), 0.0, 1.0, generator);
            if (rows < cols) {
                flattened = flattened.t();
            }
            Tensor[] qr = Linalg.qr(flattened.contiguous(), "reduced");
            Tensor r = qr[1];
            int k = Math.min(r.size(0), r.size(1));
            double[] signs = new double[k];
            Tensor rDiag = r.contiguous();
            double[] rValues = rDiag.toDoubleArray();
            for (int i = 0; i < k; i++) {
                signs[i] = Math.signum(rValues[i * r.size(1) + i]);
            }
            Tensor q = qr[0].mul(Tensor.of(Storage.wrap(signs), k).to(t.dtype()));
            if (rows < cols) {
                q = q.t();
            }
            return t.copy_(q.contiguous().reshape(t.shape())).mul_(scalar(gain, t));
        }
    }

    /**
     * N(mean, std^2) truncated to [a, b] by inverse-CDF sampling: U(2 cdf(a) - 1, 2 cdf(b) - 1), erfinv, scale and
     * shift, then a clamp against rounding.
     */
    public static Tensor truncNormal_(Tensor t, double mean, double std, double a, double b, Generator generator) {
        double l = normCdf((a - mean) / std);
        double u = normCdf((b - mean) / std);
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Sampling.uniform(t, 2 * l - 1, 2 * u - 1, generator);
            t.copy_(Pointwise.unary(UnaryMath.ERFINV, t));
            t.mul_(scalar(std * Math.sqrt(2.0), t));
            t.add_(scalar(mean, t));
            return t.clamp_(a, b);
        }
    }

    /** A 0-dim tensor of {@code t}'s dtype: PyTorch's in-place ops on a Python number compute in the tensor's dtype. */
    private static Tensor scalar(double value, Tensor t) {
        return Torch.full(new int[0], value, t.dtype());
    }

    private static double normCdf(double x) {
        return (1.0 + SpecialMath.erf(x / Math.sqrt(2.0))) / 2.0;
    }
}
