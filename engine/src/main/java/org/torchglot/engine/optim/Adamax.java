package org.torchglot.engine.optim;

import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.Tensor;

/**
 * {@code torch.optim.Adamax}, PyTorch 1.13's single-tensor rule:
 * <pre>
 * g = grad (negated when maximize) + weight_decay * p
 * exp_avg = beta1 * exp_avg + (1 - beta1) * g
 * exp_inf = max(beta2 * exp_inf, |g| + eps)
 * p = p - lr / (1 - beta1^step) * exp_avg / exp_inf
 * </pre>
 * State: {@code step} (a float32 scalar tensor), {@code exp_avg}, {@code exp_inf}.
 */
public class Adamax extends Optimizer {
    private static Map<String, Object> defaultOptions() {
        return Options.of("lr", 2e-3, "betas", Options.tuple(0.9, 0.999), "eps", 1e-8, "weight_decay", 0L,
                "foreach", null, "maximize", false);
    }

    public Adamax(List<?> params) {
        this(params, Map.of());
    }

    public Adamax(List<?> params, Map<String, ?> options) {
        super(params, defaultOptions(), options);
    }

    @Override
    protected void validate(Map<String, Object> o) {
        requireNonNegative(o, "lr", "Invalid learning rate");
        requireNonNegative(o, "eps", "Invalid epsilon value");
        requireBetas(o);
        requireNonNegative(o, "weight_decay", "Invalid weight_decay value");
    }

    @Override
    protected void update(Tensor param, Tensor grad, Map<String, Object> state, ParamGroup group) {
        double beta1 = group.getDouble("betas", 0);
        double beta2 = group.getDouble("betas", 1);
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        boolean maximize = group.getBoolean("maximize");
        if (state.isEmpty()) {
            state.put("step", floatScalar(0));
            state.put("exp_avg", zerosLike(param));
            state.put("exp_inf", zerosLike(param));
        }
        double step = incrementStep(state);
        double clr = group.lr() / (1 - Math.pow(beta1, step));
        Elements p = new Elements(param);
        Elements g = new Elements(grad);
        Elements m = new Elements((Tensor) state.get("exp_avg"));
        Elements u = new Elements((Tensor) state.get("exp_inf"));
        for (int i = 0; i < p.size; i++) {
            double gi = maximize ? -g.get(i) : g.get(i);
            double pi = p.get(i);
            if (weightDecay != 0) {
                gi = p.fma(pi, weightDecay, gi);
            }
            double mi = p.fma(gi, 1 - beta1, p.round(m.get(i) * p.scalar(beta1)));
            double ui = Math.max(p.round(u.get(i) * p.scalar(beta2)), p.round(Math.abs(gi) + p.scalar(eps)));
            m.set(i, mi);
            u.set(i, ui);
            p.set(i, p.addcdiv(pi, -clr, mi, ui));
        }
    }
}
