package org.torchglot.engine.nn.functional;

import java.util.Arrays;
import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.nn.PythonRepr;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code F.batch_norm}, {@code F.layer_norm}, {@code F.group_norm} and {@code F.normalize}. The
 * three norms share one kernel: standardise over some dims of a reshaped view, then scale and
 * shift; statistics are computed in float64, as libtorch's CPU kernels accumulate in double.
 */
public final class Normalization {
    private Normalization() {
    }

    /**
     * How one norm sees its input: {@code statShape} is the view whose {@code statDims} hold one
     * group's elements; {@code affineShape} the view where weight and bias broadcast as
     * {@code paramShape}.
     */
    private record Layout(int[] statShape, int[] statDims, int[] affineShape, int[] paramShape) {
    }

    /**
     * {@code F.batch_norm}: per channel (dim 1) over the batch and any trailing dim. In training the
     * batch statistics are used and, when given, the running ones are updated in place with
     * {@code momentum} (running_var with the unbiased variance); otherwise the running ones are used.
     */
    public static Tensor batchNorm(Tensor input, Tensor runningMean, Tensor runningVar, Tensor weight, Tensor bias,
            boolean training, double momentum, double eps) {
        if (input.dim() < 2) {
            throw TorchException.value("expected 2D or 3D input (got " + input.dim() + "D input)");
        }
        int n = input.size(0);
        int c = input.size(1);
        int l = input.numel() / Math.max(1, n * c);
        checkParam("weight", weight, c);
        checkParam("bias", bias, c);
        checkParam("running_mean", runningMean, c);
        checkParam("running_var", runningVar, c);
        int[] shape3 = {n, c, l};
        Layout layout = new Layout(shape3, new int[] {0, 2}, shape3, new int[] {1, c, 1});
        if (!training) {
            if (runningMean == null || runningVar == null) {
                throw TorchException.runtime("running_mean and running_var must be defined in evaluation mode");
            }
            Tensor mean = runningMean.to(DType.FLOAT64).reshape(1, c, 1);
            Tensor invstd;
            try (GradMode.Scope ignored = GradMode.noGrad()) {
                invstd = runningVar.to(DType.FLOAT64).add(eps).sqrt().reciprocal().reshape(1, c, 1);
            }
            return normalize("NativeBatchNormBackward0", input, layout, weight, bias, mean, invstd, eps);
        }
        if (n * l <= 1) {
            throw TorchException.value("Expected more than 1 value per channel when training, got input size "
                    + PythonRepr.ofSize(input.shapeRef()));
        }
        Tensor out = normalize("NativeBatchNormBackward0", input, layout, weight, bias, null, null, eps);
        if (runningMean != null || runningVar != null) {
            updateRunningStats(input.detach().to(DType.FLOAT64).reshape(shape3), runningMean, runningVar, momentum);
        }
        return out;
    }

    private static void updateRunningStats(Tensor x, Tensor runningMean, Tensor runningVar, double momentum) {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            int count = x.size(0) * x.size(2);
            Tensor mean = x.mean(new int[] {0, 2}, false);
            if (runningMean != null) {
                runningMean.copy_(mean.mul(momentum).add(runningMean.to(DType.FLOAT64).mul(1 - momentum)));
            }
            if (runningVar != null) {
                Tensor unbiased = x.var(new int[] {0, 2}, false, false).mul((double) count / (count - 1));
                runningVar.copy_(unbiased.mul(momentum).add(runningVar.to(DType.FLOAT64).mul(1 - momentum)));
            }
        }
    }

    private static void checkParam(String name, Tensor t, int channels) {
        if (t != null && t.numel() != channels) {
            throw TorchException.runtime(name + " should contain " + channels + " elements not " + t.numel());
        }
    }

    /** {@code F.layer_norm}: over the trailing {@code normalizedShape} dims, with element-wise weight and bias. */
    public static Tensor layerNorm(Tensor input, int[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        int[] shape = input.shapeRef();
        int k = normalizedShape.length;
        boolean matches = k > 0 && k <= shape.length
                && Arrays.equals(normalizedShape, Arrays.copyOfRange(shape, shape.length - k, shape.length));
        if (!matches) {
            throw TorchException.runtime("Given normalized_shape=" + list(normalizedShape)
                    + ", expected input with shape [*, " + list(normalizedShape).substring(1) + ", but got input of size"
                    + list(shape));
        }
        for (Tensor p : new Tensor[] {weight, bias}) {
            if (p != null && !Arrays.equals(p.shapeRef(), normalizedShape)) {
                throw TorchException.runtime("Expected " + (p == weight ? "weight" : "bias") + " to be of same shape as "
                        + "normalized_shape, but got " + (p == weight ? "weight" : "bias") + " of shape "
                        + list(p.shapeRef()) + " and normalized_shape = " + list(normalizedShape));
            }
        }
        int inner = 1;
        for (int s : normalizedShape) {
            inner *= s;
        }
        int outer = input.numel() / Math.max(1, inner);
        int[] shape2 = {outer, inner};
        return normalize("NativeLayerNormBackward0", input, new Layout(shape2, new int[] {1}, shape2,
                new int[] {1, inner}), weight, bias, null, null, eps);
    }

    /** {@code F.group_norm}: the channels (dim 1) in {@code numGroups} groups, each standardised per sample. */
    public static Tensor groupNorm(Tensor input, int numGroups, Tensor weight, Tensor bias, double eps) {
        if (input.dim() < 2) {
            throw TorchException.runtime("Expected at least 2 dimensions for input tensor but received " + input.dim());
        }
        int n = input.size(0);
        int c = input.size(1);
        if (numGroups <= 0 || c % numGroups != 0) {
            throw TorchException.runtime("Expected number of channels in input to be divisible by num_groups, but got "
                    + "input of shape " + list(input.shapeRef()) + " and num_groups=" + numGroups);
        }
        checkParam("weight", weight, c);
        checkParam("bias", bias, c);
        int l = input.numel() / Math.max(1, n * c);
        Layout layout = new Layout(new int[] {n, numGroups, c / numGroups * l}, new int[] {2}, new int[] {n, c, l},
                new int[] {1, c, 1});
        return normalize("NativeGroupNormBackward0", input, layout, weight, bias, null, null, eps);
    }

    private static String list(int[] shape) {
        return Arrays.toString(shape);
    }

    /**
     * {@code (x - mean) * invstd * weight + bias}; with null {@code mean} the statistics are the
     * biased moments of each group, and the gradient flows through them.
     */
    private static Tensor normalize(String name, Tensor input, Layout layout, Tensor weight, Tensor bias,
            Tensor fixedMean, Tensor fixedInvstd, double eps) {
        if (!input.isFloatingPoint()) {
            throw TorchException.runtime("\"" + name.replace("Backward0", "") + "\" not implemented for '"
                    + input.dtype().scalarTypeName() + "'");
        }
        int[] inputShape = input.shape();
        DType type = input.dtype();
        boolean batchStats = fixedMean == null;
        Tensor xhat;
        Tensor invstd;
        Tensor out;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Tensor x = input.to(DType.FLOAT64).reshape(layout.statShape());
            Tensor mean = batchStats ? x.mean(layout.statDims(), true) : fixedMean;
            invstd = batchStats ? x.var(layout.statDims(), false, true).add(eps).sqrt().reciprocal() : fixedInvstd;
            xhat = x.sub(mean).mul(invstd).reshape(layout.affineShape());
            Tensor y = xhat;
            if (weight != null) {
                y = y.mul(weight.to(DType.FLOAT64).reshape(layout.paramShape()));
            }
            if (bias != null) {
                y = y.add(bias.to(DType.FLOAT64).reshape(layout.paramShape()));
            }
            out = y.reshape(inputShape).to(type);
        }
        if (Tensor.needsGrad(input, weight, bias)) {
            Tensor savedInvstd = invstd;
            Tensor savedXhat = xhat;
            out.withGradFn(new FunctionNode(name, new Tensor[] {input, weight, bias}, new Tensor[] {weight},
                    (g, s) -> backward(g.to(DType.FLOAT64).reshape(layout.affineShape()), savedXhat, savedInvstd, s[0],
                            bias, layout, batchStats, input)));
        }
        return out;
    }

    private static Tensor[] backward(Tensor g, Tensor xhat, Tensor invstd, Tensor weight, Tensor bias, Layout layout,
            boolean batchStats, Tensor input) {
        Tensor dxhat = weight == null ? g : g.mul(weight.to(DType.FLOAT64).reshape(layout.paramShape()));
        Tensor gradInput;
        if (batchStats) {
            // NOTE: d/dx of (x - mean) * invstd with both statistics of x: the mean of dxhat and of
            // dxhat * xhat over each group come off.
            Tensor d = dxhat.reshape(layout.statShape());
            Tensor h = xhat.reshape(layout.statShape());
            int[] dims = layout.statDims();
            gradInput = d.sub(d.mean(dims, true)).sub(h.mul(d.mul(h).mean(dims, true))).mul(invstd);
        } else {
            gradInput = dxhat.reshape(layout.statShape()).mul(invstd);
        }
        Tensor gradWeight = weight == null ? null
                : g.mul(xhat).sumTo(layout.paramShape()).reshape(weight.shape()).to(weight.dtype());
        Tensor gradBias = bias == null ? null : g.sumTo(layout.paramShape()).reshape(bias.shape()).to(bias.dtype());
        return new Tensor[] {gradInput.reshape(input.shape()).to(input.dtype()), gradWeight, gradBias};
    }

    /** {@code F.normalize}: divides by the p-norm along {@code dim}, at least {@code eps}. */
    public static Tensor normalize(Tensor input, double p, int dim, double eps) {
        Tensor norm = p == 2 ? input.mul(input).sum(dim, true).sqrt()
                : p == 1 ? input.abs().sum(dim, true) : input.abs().pow(p).sum(dim, true).pow(1 / p);
        return input.div(norm.clamp(eps, null).expandAs(input));
    }
}
