package org.torchglot.engine.optim;

import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.Tensor;

/**
 * {@code torch.optim.Adam}, PyTorch 1.13's single-tensor rule:
 * <pre>
 * g = grad (negated when maximize) + weight_decay * p
 * exp_avg    = beta1 * exp_avg    + (1 - beta1) * g
 * exp_avg_sq = beta2 * exp_avg_sq + (1 - beta2) * g * g
 * bias_correction1 = 1 - beta1^step,  bias_correction2 = 1 - beta2^step
 * denom = sqrt(amsgrad ? max_exp_avg_sq : exp_avg_sq) / sqrt(bias_correction2) + eps
 * p = p - (lr / bias_correction1) * exp_avg / denom
 * </pre>
 * State: {@code step} (a float32 scalar tensor), {@code exp_avg}, {@code exp_avg_sq},
 * {@code max_exp_avg_sq}.
 */
public class Adam extends Optimizer {
    private static Map<String, Object> defaultOptions() {
        return Options.of("lr", 1e-3, "betas", Options.tuple(0.9, 0.999), "eps", 1e-8, "weight_decay", 0L,
                "amsgrad", false, "maximize", false, "foreach", null, "capturable", false, "differentiable", false,
                "fused", false);
    }

    public Adam(List<?> params) {
        this(params, Map.of());
    }

    public Adam(List<?> params, double lr) {
        this(params, Options.of("lr", lr));
    }

    /** {@code options}: PyTorch's keyword arguments; {@code betas} is a list of two numbers. */
    public Adam(List<?> params, Map<String, ?> options) {
        super(params, defaultOptions(), options);
    }

    /** For AdamW, which shares the checks and the moment updates. */
    Adam(List<?> params, Map<String, Object> defaults, Map<String, ?> options) {
        super(params, defaults, options);
    }

    @Override
    protected void validate(Map<String, Object> o) {
        requireNonNegative(o, "lr", "Invalid learning rate");
        requireNonNegative(o, "eps", "Invalid epsilon value");
        List<?> betas = (List<?>) o.get("betas");
        for (int i = 0; i < 2; i++) {
            double beta = ((Number) betas.get(i)).doubleValue();
            if (!(beta >= 0.0 && beta < 1.0)) {
                throw org.torchglot.engine.tensor.TorchException.value("Invalid beta parameter at index " + i + ": "
                        + org.torchglot.engine.nn.PythonRepr.ofNumber((Number) betas.get(i)));
            }
        }
        requireNonNegative(o, "weight_decay", "Invalid weight_decay value");
    }

    /** Multiplies the parameter by (1 - lr * weight_decay) first (AdamW) instead of adding decay to the gradient. */
    boolean decoupledWeightDecay() {
        return false;
    }

    @Override
    protected void update(Tensor param, Tensor grad, Map<String, Object> state, ParamGroup group) {
        double lr = group.lr();
        double beta1 = group.getDouble("betas", 0);
        double beta2 = group.getDouble("betas", 1);
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        boolean amsgrad = group.getBoolean("amsgrad");
        boolean maximize = group.getBoolean("maximize");
        if (state.isEmpty()) {
            state.put("step", Tensor.zeros(new int[0], org.torchglot.engine.tensor.DType.FLOAT32));
            state.put("exp_avg", zerosLike(param));
            state.put("exp_avg_sq", zerosLike(param));
            if (amsgrad) {
                state.put("max_exp_avg_sq", zerosLike(param));
            }
        }
        Tensor stepTensor = (Tensor) state.get("step");
        stepTensor.fillNoGrad(stepTensor.item() + 1);
        double step = stepTensor.item();
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        double stepSize = lr / biasCorrection1;
        double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
        Elements p = new Elements(param);
        Elements g = new Elements(grad);
        Elements m = new Elements((Tensor) state.get("exp_avg"));
        Elements v = new Elements((Tensor) state.get("exp_avg_sq"));
        Elements vMax = amsgrad ? new Elements((Tensor) state.get("max_exp_avg_sq")) : null;
        boolean decoupled = decoupledWeightDecay();
        double decay = p.scalar(1 - lr * weightDecay);
        for (int i = 0; i < p.size; i++) {
            double gi = maximize ? -g.get(i) : g.get(i);
            double pi = p.get(i);
            if (decoupled) {
                pi = p.round(pi * decay);
            } else if (weightDecay != 0) {
                gi = p.fma(pi, weightDecay, gi);
            }
            double mi = p.fma(gi, 1 - beta1, p.round(m.get(i) * p.scalar(beta1)));
            double vi = p.addcmul(p.round(v.get(i) * p.scalar(beta2)), 1 - beta2, gi, gi);
            m.set(i, mi);
            v.set(i, vi);
            double second = vi;
            if (vMax != null) {
                second = Math.max(vMax.get(i), vi);
                vMax.set(i, second);
            }
            double denom = p.round(p.round(p.round(Math.sqrt(second)) / p.scalar(biasCorrection2Sqrt)) + p.scalar(eps));
            p.set(i, p.addcdiv(pi, -stepSize, mi, denom));
        }
    }
}
