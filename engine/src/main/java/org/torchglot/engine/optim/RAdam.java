package org.torchglot.engine.optim;

import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.Tensor;

/**
 * {@code torch.optim.RAdam}, PyTorch 1.13's single-tensor rule (Adam with a rectified adaptive rate):
 * <pre>
 * g = grad + weight_decay * p;  exp_avg, exp_avg_sq as in Adam
 * rho_inf = 2 / (1 - beta2) - 1,  rho_t = rho_inf - 2 t beta2^t / (1 - beta2^t)
 * rho_t > 5: p = p - lr * exp_avg / (1 - beta1^t) * sqrt(1 - beta2^t) / (sqrt(exp_avg_sq) + eps) * rect,
 *            rect = sqrt((rho_t - 4)(rho_t - 2) rho_inf / ((rho_inf - 4)(rho_inf - 2) rho_t))
 * else:      p = p - lr * exp_avg / (1 - beta1^t)
 * </pre>
 * State: {@code step} (a float32 scalar tensor), {@code exp_avg}, {@code exp_avg_sq}.
 */
public class RAdam extends Optimizer {
    private static Map<String, Object> defaultOptions() {
        return Options.of("lr", 1e-3, "betas", Options.tuple(0.9, 0.999), "eps", 1e-8, "weight_decay", 0L,
                "foreach", null);
    }

    public RAdam(List<?> params) {
        this(params, Map.of());
    }

    public RAdam(List<?> params, Map<String, ?> options) {
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
        double lr = group.lr();
        double beta1 = group.getDouble("betas", 0);
        double beta2 = group.getDouble("betas", 1);
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        if (state.isEmpty()) {
            state.put("step", floatScalar(0));
            state.put("exp_avg", zerosLike(param));
            state.put("exp_avg_sq", zerosLike(param));
        }
        double step = incrementStep(state);
        double biasCorrection1 = 1 - Math.pow(beta1, step);
        double biasCorrection2 = 1 - Math.pow(beta2, step);
        double rhoInf = 2 / (1 - beta2) - 1;
        double rhoT = rhoInf - 2 * step * Math.pow(beta2, step) / biasCorrection2;
        boolean rectified = rhoT > 5.;
        double rect = rectified
                ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
        Elements p = new Elements(param);
        Elements g = new Elements(grad);
        Elements m = new Elements((Tensor) state.get("exp_avg"));
        Elements v = new Elements((Tensor) state.get("exp_avg_sq"));
        for (int i = 0; i < p.size; i++) {
            double gi = g.get(i);
            double pi = p.get(i);
            if (weightDecay != 0) {
                gi = p.fma(pi, weightDecay, gi);
            }
            double mi = p.fma(gi, 1 - beta1, p.round(m.get(i) * p.scalar(beta1)));
            double vi = p.addcmul(p.round(v.get(i) * p.scalar(beta2)), 1 - beta2, gi, gi);
            m.set(i, mi);
            v.set(i, vi);
            double update = p.round(p.round(mi / p.scalar(biasCorrection1)) * p.scalar(lr));
            if (rectified) {
                double adaptive = p.round(p.scalar(Math.sqrt(biasCorrection2))
                        / p.round(p.round(Math.sqrt(vi)) + p.scalar(eps)));
                update = p.round(p.round(update * adaptive) * p.scalar(rect));
            }
            p.set(i, p.round(pi - update));
        }
    }
}
