package org.torchglot.engine.nn.functional;

import java.util.Arrays;
import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.ops.BinaryMath;
import org.torchglot.engine.ops.TensorIterator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** {@code F.huber_loss}, {@code F.kl_div}, {@code F.poisson_nll_loss} and {@code F.gaussian_nll_loss}. */
public final class LikelihoodLosses {
    private LikelihoodLosses() {
    }

    /** 0.5 d^2 for |d| < delta, else delta (|d| - 0.5 delta); one node as libtorch's kernel. */
    public static Tensor huberLoss(Tensor input, Tensor target, Reduction reduction, double delta) {
        if (delta <= 0) {
            throw TorchException.runtime("huber_loss does not support non-positive values for delta.");
        }
        int[] shape = org.torchglot.engine.tensor.Shapes.broadcast(input.shapeRef(), target.shapeRef());
        Tensor a = input.expand(shape);
        Tensor b = target.expand(shape);
        DType type = TensorIterator.resultType(a, b);
        Tensor out;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            out = reduction.apply(TensorIterator.map(a, b, type, type, (x, y) -> {
                double z = Math.abs(x - y);
                return z < delta ? 0.5 * z * z : delta * (z - 0.5 * delta);
            }, null));
        }
        if (Tensor.needsGrad(a, b)) {
            double norm = reduction == Reduction.MEAN ? 1.0 / a.numel() : 1.0;
            out.withGradFn(new FunctionNode("HuberLossBackward0", new Tensor[] {a, b}, new Tensor[] {a, b}, (g, s) -> {
                Tensor slope = TensorIterator.map(s[0], s[1], type, type, (x, y) -> {
                    double d = x - y;
                    return norm * (d < -delta ? -delta : d > delta ? delta : d);
                }, null);
                Tensor gradInput = slope.mul(g);
                return new Tensor[] {gradInput, gradInput.neg()};
            }));
        }
        return out;
    }

    /**
     * {@code F.kl_div(input, target)} with log-probabilities as input: {@code target * (log(target) -
     * input)} (0 where target is 0), or {@code exp(target) * (target - input)} for a log target.
     * {@code reduction} also takes {@code 'batchmean'}: the sum over the batch size.
     */
    public static Tensor klDiv(Tensor input, Tensor target, String reduction, boolean logTarget) {
        Tensor loss;
        if (logTarget) {
            loss = target.exp().mul(target.sub(input));
        } else {
            // xlogy keeps the target differentiable, as PyTorch's kl_div is in both arguments.
            loss = BinaryMath.apply(BinaryMath.XLOGY, target, target).sub(target.mul(input));
        }
        if (reduction.equals("batchmean")) {
            return input.dim() == 0 ? loss.sum() : loss.sum().div(input.size(0));
        }
        return Reduction.of(reduction).apply(loss);
    }

    /**
     * {@code F.poisson_nll_loss}: {@code exp(input) - target * input} for log input, else
     * {@code input - target * log(input + eps)}; {@code full} adds Stirling's term where target > 1.
     */
    public static Tensor poissonNllLoss(Tensor input, Tensor target, boolean logInput, boolean full, double eps,
            Reduction reduction) {
        Tensor loss = logInput ? input.exp().sub(target.mul(input)) : input.sub(target.mul(input.add(eps).log()));
        if (full) {
            Tensor stirling;
            try (GradMode.Scope ignored = GradMode.noGrad()) {
                stirling = TensorIterator.map(target, target.dtype(),
                        t -> t > 1 ? t * Math.log(t) - t + 0.5 * Math.log(2 * Math.PI * t) : 0);
            }
            loss = loss.add(stirling);
        }
        return reduction.apply(loss);
    }

    /**
     * {@code F.gaussian_nll_loss}: {@code 0.5 (log(var) + (input - target)^2 / var)}, with var
     * clamped to eps (without autograd, as PyTorch) and one var per sample allowed.
     */
    public static Tensor gaussianNllLoss(Tensor input, Tensor target, Tensor var, boolean full, double eps,
            Reduction reduction) {
        int[] in = input.shapeRef();
        int[] vs = var.shapeRef();
        if (!Arrays.equals(vs, in)) {
            int[] head = Arrays.copyOf(in, Math.max(0, in.length - 1));
            if (Arrays.equals(head, vs)) {
                var = var.unsqueeze(var.dim());
            } else if (!(vs.length > 0 && Arrays.equals(head, Arrays.copyOf(vs, vs.length - 1)) && vs[vs.length - 1] == 1)) {
                throw TorchException.value("var is of incorrect size");
            }
        }
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            if (var.lt(Tensor.scalar(0.0)).any().item() != 0) {
                throw TorchException.value("var has negative entry/entries");
            }
        }
        Tensor v = var.clone();
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            v.clamp_(eps, null);
        }
        Tensor diff = input.sub(target);
        Tensor loss = v.log().add(diff.pow(2.0).div(v)).mul(0.5);
        if (full) {
            loss = loss.add(0.5 * Math.log(2 * Math.PI));
        }
        return reduction.apply(loss);
    }
}
