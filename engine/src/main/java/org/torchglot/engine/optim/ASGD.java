package org.torchglot.engine.optim;

import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.Tensor;

/**
 * {@code torch.optim.ASGD} (averaged SGD), PyTorch 1.13's single-tensor rule:
 * <pre>
 * g = grad (negated when maximize) + weight_decay * p
 * p = p * (1 - lambd * eta) - eta * g
 * ax = ax + mu * (p - ax)   (ax = p while mu is 1)
 * eta = lr / (1 + lambd * lr * step)^alpha,  mu = 1 / max(1, step - t0)
 * </pre>
 * State: {@code step}, {@code eta}, {@code mu} (float32 scalar tensors) and {@code ax}, the average.
 */
public class ASGD extends MapStateOptimizer {
    private static Map<String, Object> defaultOptions() {
        return Options.of("lr", 1e-2, "lambd", 1e-4, "alpha", 0.75, "t0", 1e6, "weight_decay", 0L,
                "foreach", null, "maximize", false);
    }

    public ASGD(List<?> params) {
        this(params, Map.of());
    }

    public ASGD(List<?> params, Map<String, ?> options) {
        super(params, defaultOptions(), options);
    }

    @Override
    protected void validate(Map<String, Object> o) {
        requireNonNegative(o, "lr", "Invalid learning rate");
        requireNonNegative(o, "weight_decay", "Invalid weight_decay value");
    }

    @Override
    protected void update(Tensor param, Tensor grad, Map<String, Object> state, ParamGroup group) {
        double lr = group.lr();
        double lambd = group.getDouble("lambd");
        double alpha = group.getDouble("alpha");
        double t0 = group.getDouble("t0");
        double weightDecay = group.getDouble("weight_decay");
        boolean maximize = group.getBoolean("maximize");
        if (state.isEmpty()) {
            state.put("step", floatScalar(0));
            state.put("eta", floatScalar(lr));
            state.put("mu", floatScalar(1));
            state.put("ax", zerosLike(param));
        }
        double step = incrementStep((Tensor) state.get("step"));
        Tensor etaTensor = (Tensor) state.get("eta");
        Tensor muTensor = (Tensor) state.get("mu");
        double eta = etaTensor.item();
        double mu = muTensor.item();
        Elements p = new Elements(param);
        Elements g = new Elements(grad);
        Elements ax = new Elements((Tensor) state.get("ax"));
        double decay = p.scalar(1 - lambd * eta);
        for (int i = 0; i < p.size; i++) {
            double gi = maximize ? -g.get(i) : g.get(i);
            double pi = p.get(i);
            if (weightDecay != 0) {
                gi = p.fma(pi, weightDecay, gi);
            }
            pi = p.fma(gi, -eta, p.round(pi * decay));
            p.set(i, pi);
            ax.set(i, mu != 1 ? p.round(ax.get(i) + p.round(p.round(pi - ax.get(i)) * p.scalar(mu))) : pi);
        }
        etaTensor.fillNoGrad(lr / Math.pow(1 + lambd * lr * step, alpha));
        muTensor.fillNoGrad(1 / Math.max(1, step - t0));
    }
}
