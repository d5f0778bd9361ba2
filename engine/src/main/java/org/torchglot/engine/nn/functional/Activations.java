package org.torchglot.engine.nn.functional;

import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.ops.TensorIterator;
import org.torchglot.engine.ops.SpecialMath;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Activation kernels with their derivatives, each recorded under PyTorch's node name ({@code F.hardtanh}...). */
public final class Activations {
    private static final double SQRT_HALF = 0.7071067811865476;
    private static final double INV_SQRT_2PI = 0.3989422804014327;
    private static final double SQRT_2_OVER_PI = 0.7978845608028654;
    private static final double GELU_CUBIC = 0.044715;

    private Activations() {
    }

    private static void checkFloat(Tensor x, String op) {
        if (!x.isFloatingPoint()) {
            throw TorchException.runtime("\"" + op + "\" not implemented for '" + x.dtype().scalarTypeName() + "'");
        }
    }

    /** Records a one-input node whose gradient is {@code grad * derivative(x)}, element-wise. */
    private static Tensor record(Tensor out, Tensor x, String name, java.util.function.DoubleUnaryOperator derivative) {
        if (Tensor.needsGrad(x)) {
            out.withGradFn(new FunctionNode(name, new Tensor[] {x}, new Tensor[] {x}, (g, s) -> new Tensor[] {
                g.mul(TensorIterator.map(s[0], g.dtype(), derivative))}));
        }
        return out;
    }

    static Tensor leakyRelu(Tensor x, double slope) {
        checkFloat(x, "leaky_relu_cpu");
        double fs = x.dtype() == DType.FLOAT32 ? (float) slope : slope;
        Tensor out = TensorIterator.map(x, x.dtype(), v -> v > 0 ? v : v * fs);
        return record(out, x, "LeakyReluBackward0", v -> v > 0 ? 1.0 : fs);
    }

    static Tensor elu(Tensor x, double alpha) {
        checkFloat(x, "elu_cpu");
        Tensor out = TensorIterator.map(x, x.dtype(), v -> v <= 0 ? Math.expm1(v) * alpha : v);
        return record(out, x, "EluBackward0", v -> v <= 0 ? alpha * Math.exp(v) : 1.0);
    }

    static Tensor softplus(Tensor x, double beta, double threshold) {
        checkFloat(x, "softplus_cpu");
        Tensor out = TensorIterator.map(x, x.dtype(), v -> v * beta > threshold ? v : Math.log1p(Math.exp(v * beta)) / beta);
        return record(out, x, "SoftplusBackward0", v -> {
            double z = Math.exp(v * beta);
            return v * beta > threshold ? 1.0 : z / (z + 1.0);
        });
    }

    /** GELU, exact ({@code approximate='none'}) or with the tanh approximation. */
    static Tensor gelu(Tensor x, String approximate) {
        checkFloat(x, "GeluKernelImpl");
        boolean tanh = switch (approximate) {
            case "none" -> false;
            case "tanh" -> true;
            default -> throw TorchException.runtime("approximate argument must be either none or tanh.");
        };
        if (tanh) {
            Tensor out = TensorIterator.map(x, x.dtype(),
                    v -> 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + GELU_CUBIC * v * v * v))));
            return record(out, x, "GeluBackward0", v -> {
                double inner = SQRT_2_OVER_PI * (v + GELU_CUBIC * v * v * v);
                double t = Math.tanh(inner);
                double dInner = SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * v * v);
                return 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * dInner;
            });
        }
        Tensor out = TensorIterator.map(x, x.dtype(), v -> v * 0.5 * (1 + SpecialMath.erf(v * SQRT_HALF)));
        return record(out, x, "GeluBackward0",
                v -> 0.5 * (1 + SpecialMath.erf(v * SQRT_HALF)) + v * INV_SQRT_2PI * Math.exp(-0.5 * v * v));
    }

    /** The dim {@code softmax(x, dim=None)} picks, as PyTorch's {@code _get_softmax_dim}. */
    static int defaultSoftmaxDim(int rank) {
        return rank == 0 || rank == 1 || rank == 3 ? 0 : 1;
    }

    /** Numerically stable softmax: exp(x - max) / sum(exp(x - max)) along {@code dim}. */
    static Tensor softmax(Tensor x, int dim) {
        checkFloat(x, "softmax_lastdim_kernel_impl");
        Tensor out;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Tensor shifted = x.sub(maxAlong(x, dim));
            Tensor e = shifted.exp();
            out = e.div(e.sum(dim, true));
        }
        if (Tensor.needsGrad(x)) {
            out.withGradFn(new FunctionNode("SoftmaxBackward0", new Tensor[] {x}, new Tensor[] {out},
                    (g, s) -> new Tensor[] {s[0].mul(g.sub(g.mul(s[0]).sum(dim, true)))}));
        }
        return out;
    }

    /** Numerically stable log-softmax: x - max - log(sum(exp(x - max))) along {@code dim}. */
    static Tensor logSoftmax(Tensor x, int dim) {
        checkFloat(x, "log_softmax_lastdim_kernel_impl");
        Tensor out;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Tensor shifted = x.sub(maxAlong(x, dim));
            out = shifted.sub(shifted.exp().sum(dim, true).log());
        }
        if (Tensor.needsGrad(x)) {
            out.withGradFn(new FunctionNode("LogSoftmaxBackward0", new Tensor[] {x}, new Tensor[] {out},
                    (g, s) -> new Tensor[] {g.sub(s[0].exp().mul(g.sum(dim, true)))}));
        }
        return out;
    }

    // ---- the rest of torch.nn's activations -------------------------------------------------------

    private static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    private static final double SELU_SCALE = 1.0507009873554804934193349852946;

    /** A float kernel's constant as the kernel sees it: float32 tensors compute with float parameters. */
    private static double param(Tensor x, double v) {
        return x.dtype() == DType.FLOAT32 ? (float) v : v;
    }

    public static Tensor hardtanh(Tensor x, double minVal, double maxVal) {
        if (minVal > maxVal) {
            throw TorchException.runtime("min_val cannot be greater than max_val");
        }
        checkFloat(x, "hardtanh_cpu");
        double lo = param(x, minVal);
        double hi = param(x, maxVal);
        Tensor out = TensorIterator.map(x, x.dtype(), v -> v < lo ? lo : v > hi ? hi : v);
        return record(out, x, "HardtanhBackward0", v -> v > lo && v < hi ? 1.0 : 0.0);
    }

    public static Tensor selu(Tensor x) {
        checkFloat(x, "elu_cpu");
        Tensor out = TensorIterator.map(x, x.dtype(), v -> v <= 0 ? Math.expm1(v) * SELU_ALPHA * SELU_SCALE : v * SELU_SCALE);
        return record(out, x, "EluBackward0", v -> v <= 0 ? SELU_ALPHA * SELU_SCALE * Math.exp(v) : SELU_SCALE);
    }

    public static Tensor celu(Tensor x, double alpha) {
        if (alpha == 0) {
            throw TorchException.runtime("ZeroDivisionError");
        }
        checkFloat(x, "elu_cpu");
        Tensor out = TensorIterator.map(x, x.dtype(), v -> v <= 0 ? Math.expm1(v / alpha) * alpha : v);
        return record(out, x, "CeluBackward0", v -> v <= 0 ? Math.exp(v / alpha) : 1.0);
    }

    public static Tensor silu(Tensor x) {
        checkFloat(x, "silu_cpu");
        Tensor out = TensorIterator.map(x, x.dtype(), v -> v / (1 + Math.exp(-v)));
        return record(out, x, "SiluBackward0", v -> {
            double s = 1 / (1 + Math.exp(-v));
            return s * (1 + v * (1 - s));
        });
    }

    public static Tensor mish(Tensor x) {
        checkFloat(x, "mish_cpu");
        Tensor out = TensorIterator.map(x, x.dtype(), v -> v * Math.tanh(Math.log1p(Math.exp(v))));
        return record(out, x, "MishBackward0", v -> {
            double t = Math.tanh(Math.log1p(Math.exp(v)));
            double s = 1 / (1 + Math.exp(-v));
            return t + v * s * (1 - t * t);
        });
    }

    public static Tensor hardsigmoid(Tensor x) {
        checkFloat(x, "hardsigmoid_cpu");
        Tensor out = TensorIterator.map(x, x.dtype(), v -> v <= -3 ? 0 : v >= 3 ? 1 : v / 6 + 0.5);
        return record(out, x, "HardsigmoidBackward0", v -> v > -3 && v < 3 ? 1.0 / 6 : 0.0);
    }

    public static Tensor hardswish(Tensor x) {
        checkFloat(x, "hardswish_cpu");
        Tensor out = TensorIterator.map(x, x.dtype(), v -> v <= -3 ? 0 : v >= 3 ? v : v * (v + 3) / 6);
        return record(out, x, "HardswishBackward0", v -> v < -3 ? 0 : v <= 3 ? v / 3 + 0.5 : 1.0);
    }

    public static Tensor hardshrink(Tensor x, double lambd) {
        checkFloat(x, "hardshrink_cpu");
        double l = param(x, lambd);
        Tensor out = TensorIterator.map(x, x.dtype(), v -> v >= -l && v <= l ? 0 : v);
        return record(out, x, "HardshrinkBackward0", v -> v >= -l && v <= l ? 0 : 1.0);
    }

    public static Tensor softshrink(Tensor x, double lambd) {
        if (lambd < 0) {
            throw TorchException.runtime("lambda must be greater or equal to 0, but found to be "
                    + org.torchglot.engine.nn.PythonRepr.ofFloat(lambd) + ".");
        }
        checkFloat(x, "softshrink_cpu");
        double l = param(x, lambd);
        Tensor out = TensorIterator.map(x, x.dtype(), v -> v > l ? v - l : v < -l ? v + l : 0);
        return record(out, x, "SoftshrinkBackward0", v -> v >= -l && v <= l ? 0 : 1.0);
    }

    public static Tensor threshold(Tensor x, double threshold, double value) {
        double t = param(x, threshold);
        double replacement = param(x, value);
        Tensor out = TensorIterator.map(x, x.dtype(), v -> v <= t ? replacement : v);
        return record(out, x, "ThresholdBackward0", v -> v <= t ? 0 : 1.0);
    }

    public static Tensor logsigmoid(Tensor x) {
        checkFloat(x, "log_sigmoid_forward");
        Tensor out = TensorIterator.map(x, x.dtype(), v -> Math.min(v, 0) - Math.log1p(Math.exp(-Math.abs(v))));
        return record(out, x, "LogSigmoidBackward0", v -> 1 / (1 + Math.exp(v)));
    }

    /** {@code glu}: the first half along {@code dim} times the sigmoid of the second. */
    public static Tensor glu(Tensor x, int dim) {
        if (x.dim() == 0) {
            throw TorchException.runtime("glu does not support scalars because halving size must be even");
        }
        int d = dim < 0 ? dim + x.dim() : dim;
        if (x.size(d) % 2 != 0) {
            throw TorchException.runtime("Halving dimension must be even, but dimension " + d + " is size " + x.size(d));
        }
        int half = x.size(d) / 2;
        Tensor out;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            out = x.narrow(d, 0, half).mul(x.narrow(d, half, half).sigmoid());
        }
        if (Tensor.needsGrad(x)) {
            out.withGradFn(new FunctionNode("GluBackward0", new Tensor[] {x}, new Tensor[] {x}, (g, s) -> {
                Tensor a = s[0].narrow(d, 0, half);
                Tensor sig = s[0].narrow(d, half, half).sigmoid();
                Tensor gradB = g.mul(a).mul(sig).mul(sig.rsub(1.0));
                return new Tensor[] {Tensor.cat(java.util.List.of(g.mul(sig), gradB), d)};
            }));
        }
        return out;
    }

    /** {@code prelu}: x for x > 0, else weight * x, with one weight or one per channel (dim 1). */
    public static Tensor prelu(Tensor x, Tensor weight) {
        checkFloat(x, "prelu_cpu");
        int channels = x.dim() >= 2 ? x.size(1) : 1;
        if (weight.numel() != 1 && weight.numel() != channels) {
            throw TorchException.runtime("Mismatch of parameter numbers and input channel size. Found parameter numbers = "
                    + weight.numel() + " and channel size = " + channels + ".");
        }
        int[] wShape = new int[Math.max(x.dim(), 1)];
        java.util.Arrays.fill(wShape, 1);
        if (weight.numel() != 1) {
            wShape[1] = channels;
        }
        Tensor w = weight.reshape(wShape);
        Tensor out;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            out = TensorIterator.map(x, w, x.dtype(), x.dtype(), (v, a) -> v > 0 ? v : a * v, null);
            out = out.reshape(x.shape());
        }
        if (Tensor.needsGrad(x, weight)) {
            int[] weightShape = weight.shape();
            out.withGradFn(new FunctionNode("PreluBackward0", new Tensor[] {x, weight}, new Tensor[] {x, w}, (g, s) -> {
                Tensor gradInput = g.mul(TensorIterator.map(s[0], s[1], g.dtype(), g.dtype(), (v, a) -> v > 0 ? 1 : a, null)
                        .reshape(s[0].shape()));
                Tensor gradWeight = g.mul(TensorIterator.map(s[0], g.dtype(), v -> v > 0 ? 0 : v)).sumTo(s[1].shape())
                        .reshape(weightShape);
                return new Tensor[] {gradInput, gradWeight};
            }));
        }
        return out;
    }

    /**
     * {@code F.rrelu}: in training, each non-positive element times its own slope from U(lower, upper),
     * drawn in element order from the default generator as libtorch's CPU kernel draws them
     * ({@code uniform_real_distribution<double>} on 53 random bits); otherwise the mean slope.
     */
    public static Tensor rrelu(Tensor x, double lower, double upper, boolean training) {
        checkFloat(x, "rrelu_with_noise_out_cpu");
        Tensor noise;
        if (training) {
            Tensor in = x.contiguousCopy();
            noise = Tensor.zeros(x.shapeRef(), x.dtype());
            org.torchglot.engine.random.Generator g = org.torchglot.engine.random.Generator.getDefault();
            boolean single = x.dtype() == DType.FLOAT32;
            for (int i = 0; i < in.numel(); i++) {
                double r = 1;
                if (in.storage().getDouble(i) <= 0) {
                    double u = (g.random64() & ((1L << 53) - 1)) * 0x1.0p-53;
                    r = u * (upper - lower) + lower;
                    r = single ? (float) r : r;
                }
                noise.storage().setDouble(i, r);
            }
        } else {
            double slope = param(x, (lower + upper) / 2);
            noise = TensorIterator.map(x, x.dtype(), v -> v > 0 ? 1 : slope);
        }
        Tensor out;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            out = x.mul(noise);
        }
        if (Tensor.needsGrad(x)) {
            Tensor slopes = noise;
            out.withGradFn(new FunctionNode("RreluWithNoiseBackward0", new Tensor[] {x}, null,
                    (grad, s) -> new Tensor[] {grad.mul(slopes)}));
        }
        return out;
    }

    /** {@code x - tanh(x)}, composed as in PyTorch (SubBackward0). */
    public static Tensor tanhshrink(Tensor x) {
        return x.sub(x.tanh());
    }

    /** {@code x / (1 + |x|)}, composed as in PyTorch (DivBackward0). */
    public static Tensor softsign(Tensor x) {
        return x.div(x.abs().add(1.0));
    }

    /** {@code softmax(-x)} along {@code dim}; null picks softmax's legacy default dim. */
    public static Tensor softmin(Tensor x, Integer dim) {
        return softmax(x.neg(), dim == null ? defaultSoftmaxDim(x.dim()) : dim);
    }

    private static Tensor maxAlong(Tensor x, int dim) {
        return x.dim() == 0 ? x : x.max(dim, true)[0];
    }
}
