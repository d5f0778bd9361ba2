package org.torchglot.engine.nn.functional;

import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.ops.Pointwise;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Activation kernels with their derivatives, each recorded under PyTorch's node name. */
final class Activations {
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
                g.mul(Pointwise.map(s[0], g.dtype(), derivative))}));
        }
        return out;
    }

    static Tensor leakyRelu(Tensor x, double slope) {
        checkFloat(x, "leaky_relu_cpu");
        double fs = x.dtype() == DType.FLOAT32 ? (float) slope : slope;
        Tensor out = Pointwise.map(x, x.dtype(), v -> v > 0 ? v : v * fs);
        return record(out, x, "LeakyReluBackward0", v -> v > 0 ? 1.0 : fs);
    }

    static Tensor elu(Tensor x, double alpha) {
        checkFloat(x, "elu_cpu");
        Tensor out = Pointwise.map(x, x.dtype(), v -> v <= 0 ? Math.expm1(v) * alpha : v);
        return record(out, x, "EluBackward0", v -> v <= 0 ? alpha * Math.exp(v) : 1.0);
    }

    static Tensor softplus(Tensor x, double beta, double threshold) {
        checkFloat(x, "softplus_cpu");
        Tensor out = Pointwise.map(x, x.dtype(), v -> v * beta > threshold ? v : Math.log1p(Math.exp(v * beta)) / beta);
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
            Tensor out = Pointwise.map(x, x.dtype(),
                    v -> 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + GELU_CUBIC * v * v * v))));
            return record(out, x, "GeluBackward0", v -> {
                double inner = SQRT_2_OVER_PI * (v + GELU_CUBIC * v * v * v);
                double t = Math.tanh(inner);
                double dInner = SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * v * v);
                return 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * dInner;
            });
        }
        Tensor out = Pointwise.map(x, x.dtype(), v -> v * 0.5 * (1 + SpecialMath.erf(v * SQRT_HALF)));
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

    private static Tensor maxAlong(Tensor x, int dim) {
        return x.dim() == 0 ? x : x.max(dim, true)[0];
    }
}
