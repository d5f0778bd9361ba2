package org.torchglot.engine.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.Tensor;

/**
 * {@code torch.optim.RMSprop}, PyTorch 1.13's single-tensor rule:
 * <pre>
 * g = grad (negated when maximize) + weight_decay * p
 * square_avg = alpha * square_avg + (1 - alpha) * g * g
 * avg = sqrt(square_avg - grad_avg^2) with grad_avg = alpha * grad_avg + (1 - alpha) * g when centered,
 *       else sqrt(square_avg); then avg += eps
 * momentum > 0: buf = momentum * buf + g / avg; p = p - lr * buf;   else p = p - lr * g / avg
 * </pre>
 * State: {@code step} (an int), {@code square_avg}, {@code momentum_buffer}, {@code grad_avg}.
 */
public class RMSprop extends TypedStateOptimizer<RMSprop.RMSpropState> {
    /** RMSprop's state; {@code momentumBuffer} only with momentum, {@code gradAvg} only when centered. */
    static final class RMSpropState implements ParamState {
        long step;
        final Tensor squareAvg;
        final Tensor momentumBuffer;
        final Tensor gradAvg;

        RMSpropState(long step, Tensor squareAvg, Tensor momentumBuffer, Tensor gradAvg) {
            this.step = step;
            this.squareAvg = squareAvg;
            this.momentumBuffer = momentumBuffer;
            this.gradAvg = gradAvg;
        }

        @Override
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", step);
            m.put("square_avg", squareAvg);
            if (momentumBuffer != null) {
                m.put("momentum_buffer", momentumBuffer);
            }
            if (gradAvg != null) {
                m.put("grad_avg", gradAvg);
            }
            return m;
        }
    }

    private static Map<String, Object> defaultOptions() {
        return Options.of("lr", 1e-2, "momentum", 0L, "alpha", 0.99, "eps", 1e-8, "centered", false,
                "weight_decay", 0L, "foreach", null, "maximize", false, "differentiable", false);
    }

    public RMSprop(List<?> params) {
        this(params, Map.of());
    }

    public RMSprop(List<?> params, double lr) {
        this(params, Options.of("lr", lr));
    }

    public RMSprop(List<?> params, Map<String, ?> options) {
        super(params, defaultOptions(), options, RMSpropState.class);
    }

    @Override
    protected void validate(Map<String, Object> o) {
        requireNonNegative(o, "lr", "Invalid learning rate");
        requireNonNegative(o, "eps", "Invalid epsilon value");
        requireNonNegative(o, "momentum", "Invalid momentum value");
        requireNonNegative(o, "weight_decay", "Invalid weight_decay value");
        requireNonNegative(o, "alpha", "Invalid alpha value");
    }

    @Override
    RMSpropState newState(Tensor param, ParamGroup group) {
        return new RMSpropState(0, zerosLike(param), group.getDouble("momentum") > 0 ? zerosLike(param) : null,
                group.getBoolean("centered") ? zerosLike(param) : null);
    }

    @Override
    RMSpropState stateFrom(Map<String, Object> saved) {
        return new RMSpropState(savedCount(saved, "step"), saved(saved, "square_avg"), saved(saved, "momentum_buffer"),
                saved(saved, "grad_avg"));
    }

    @Override
    void apply(Tensor param, Tensor grad, RMSpropState state, ParamGroup group) {
        double lr = group.lr();
        double alpha = group.getDouble("alpha");
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        double momentum = group.getDouble("momentum");
        boolean centered = group.getBoolean("centered");
        boolean maximize = group.getBoolean("maximize");
        state.step++;
        Elements p = new Elements(param);
        Elements g = new Elements(grad);
        Elements sq = new Elements(state.squareAvg);
        Elements buf = momentum > 0 ? new Elements(state.momentumBuffer) : null;
        Elements gAvg = centered ? new Elements(state.gradAvg) : null;
        for (int i = 0; i < p.size; i++) {
            double gi = maximize ? -g.get(i) : g.get(i);
            double pi = p.get(i);
            if (weightDecay != 0) {
                gi = p.fma(pi, weightDecay, gi);
            }
            double sqi = p.addcmul(p.round(sq.get(i) * p.scalar(alpha)), 1 - alpha, gi, gi);
            sq.set(i, sqi);
            double avg;
            if (gAvg != null) {
                double ga = p.fma(gi, 1 - alpha, p.round(gAvg.get(i) * p.scalar(alpha)));
                gAvg.set(i, ga);
                avg = p.round(Math.sqrt(p.addcmul(sqi, -1, ga, ga)));
            } else {
                avg = p.round(Math.sqrt(sqi));
            }
            avg = p.round(avg + p.scalar(eps));
            if (buf != null) {
                double b = p.addcdiv(p.round(buf.get(i) * p.scalar(momentum)), 1, gi, avg);
                buf.set(i, b);
                p.set(i, p.fma(b, -lr, pi));
            } else {
                p.set(i, p.addcdiv(pi, -lr, gi, avg));
            }
        }
    }
}
