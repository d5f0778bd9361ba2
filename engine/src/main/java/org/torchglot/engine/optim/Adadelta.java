package org.torchglot.engine.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.nn.PythonRepr;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code torch.optim.Adadelta}, PyTorch 1.13's single-tensor rule:
 * <pre>
 * g = grad (negated when maximize) + weight_decay * p
 * square_avg = rho * square_avg + (1 - rho) * g * g
 * delta = sqrt(acc_delta + eps) / sqrt(square_avg + eps) * g
 * acc_delta = rho * acc_delta + (1 - rho) * delta * delta
 * p = p - lr * delta
 * </pre>
 * State: {@code step} (an int), {@code square_avg}, {@code acc_delta}.
 */
public class Adadelta extends TypedStateOptimizer<Adadelta.AdadeltaState> {
    /** Adadelta's state. */
    static final class AdadeltaState implements ParamState {
        long step;
        final Tensor squareAvg;
        final Tensor accDelta;

        AdadeltaState(long step, Tensor squareAvg, Tensor accDelta) {
            this.step = step;
            this.squareAvg = squareAvg;
            this.accDelta = accDelta;
        }

        @Override
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", step);
            m.put("square_avg", squareAvg);
            m.put("acc_delta", accDelta);
            return m;
        }
    }

    private static Map<String, Object> defaultOptions() {
        return Options.of("lr", 1.0, "rho", 0.9, "eps", 1e-6, "weight_decay", 0L, "maximize", false,
                "foreach", null);
    }

    public Adadelta(List<?> params) {
        this(params, Map.of());
    }

    public Adadelta(List<?> params, Map<String, ?> options) {
        super(params, defaultOptions(), options, AdadeltaState.class);
    }

    @Override
    protected void validate(Map<String, Object> o) {
        requireNonNegative(o, "lr", "Invalid learning rate");
        double rho = Options.number(o, "rho");
        if (!(rho >= 0.0 && rho <= 1.0)) {
            throw TorchException.value("Invalid rho value: " + PythonRepr.ofNumber((Number) o.get("rho")));
        }
        requireNonNegative(o, "eps", "Invalid epsilon value");
        requireNonNegative(o, "weight_decay", "Invalid weight_decay value");
    }

    @Override
    AdadeltaState newState(Tensor param, ParamGroup group) {
        return new AdadeltaState(0, zerosLike(param), zerosLike(param));
    }

    @Override
    AdadeltaState stateFrom(Map<String, Object> saved) {
        return new AdadeltaState(savedCount(saved, "step"), saved(saved, "square_avg"), saved(saved, "acc_delta"));
    }

    @Override
    void apply(Tensor param, Tensor grad, AdadeltaState state, ParamGroup group) {
        double lr = group.lr();
        double rho = group.getDouble("rho");
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        boolean maximize = group.getBoolean("maximize");
        state.step++;
        Elements p = new Elements(param);
        Elements g = new Elements(grad);
        Elements sq = new Elements(state.squareAvg);
        Elements acc = new Elements(state.accDelta);
        for (int i = 0; i < p.size; i++) {
            double gi = maximize ? -g.get(i) : g.get(i);
            double pi = p.get(i);
            if (weightDecay != 0) {
                gi = p.fma(pi, weightDecay, gi);
            }
            double sqi = p.addcmul(p.round(sq.get(i) * p.scalar(rho)), 1 - rho, gi, gi);
            sq.set(i, sqi);
            double std = p.round(Math.sqrt(p.round(sqi + p.scalar(eps))));
            double delta = p.round(p.round(p.round(Math.sqrt(p.round(acc.get(i) + p.scalar(eps)))) / std) * gi);
            acc.set(i, p.addcmul(p.round(acc.get(i) * p.scalar(rho)), 1 - rho, delta, delta));
            p.set(i, p.fma(delta, -lr, pi));
        }
    }
}
