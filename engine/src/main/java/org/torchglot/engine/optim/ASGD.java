package org.torchglot.engine.optim;

import java.util.LinkedHashMap;
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
public class ASGD extends TypedStateOptimizer<ASGD.ASGDState> {
    /** ASGD's state: float32 scalar tensors {@code step}, {@code eta}, {@code mu}, and the average {@code ax}. */
    record ASGDState(Tensor step, Tensor eta, Tensor mu, Tensor ax) implements ParamState {
        @Override
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", step);
            m.put("eta", eta);
            m.put("mu", mu);
            m.put("ax", ax);
            return m;
        }
    }

    private static Map<String, Object> defaultOptions() {
        return Options.of("lr", 1e-2, "lambd", 1e-4, "alpha", 0.75, "t0", 1e6, "weight_decay", 0L,
                "foreach", null, "maximize", false);
    }

    public ASGD(List<?> params) {
        this(params, Map.of());
    }

    public ASGD(List<?> params, Map<String, ?> options) {
        super(params, defaultOptions(), options, ASGDState.class);
    }

    @Override
    protected void validate(Map<String, Object> o) {
        requireNonNegative(o, "lr", "Invalid learning rate");
        requireNonNegative(o, "weight_decay", "Invalid weight_decay value");
    }

    @Override
    ASGDState newState(Tensor param, ParamGroup group) {
        return new ASGDState(floatScalar(0), floatScalar(group.lr()), floatScalar(1), zerosLike(param));
    }

    @Override
    ASGDState stateFrom(Map<String, Object> saved) {
        return new ASGDState(saved(saved, "step"), saved(saved, "eta"), saved(saved, "mu"), saved(saved, "ax"));
    }

    @Override
    void apply(Tensor param, Tensor grad, ASGDState state, ParamGroup group) {
        double lr = group.lr();
        double lambd = group.getDouble("lambd");
        double alpha = group.getDouble("alpha");
        double t0 = group.getDouble("t0");
        double weightDecay = group.getDouble("weight_decay");
        boolean maximize = group.getBoolean("maximize");
        double step = incrementStep(state.step());
        Tensor etaTensor = state.eta();
        Tensor muTensor = state.mu();
        double eta = etaTensor.item();
        double mu = muTensor.item();
        Elements p = new Elements(param);
        Elements g = new Elements(grad);
        Elements ax = new Elements(state.ax());
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
