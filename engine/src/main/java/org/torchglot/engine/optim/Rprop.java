package org.torchglot.engine.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.nn.PythonRepr;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code torch.optim.Rprop}, PyTorch 1.13's single-tensor rule: per element, the step size grows by
 * {@code etas[1]} while the gradient keeps its sign and shrinks by {@code etas[0]} when it flips
 * (clamped to {@code step_sizes}); after a flip that element does not move and its gradient is
 * forgotten. {@code p = p - sign(g) * step_size}.
 * State: {@code step} (an int), {@code prev} (the last gradient kept), {@code step_size}.
 */
public class Rprop extends TypedStateOptimizer<Rprop.RpropState> {
    /** Rprop's state: the previous gradient and each element's step size. */
    static final class RpropState implements ParamState {
        long step;
        final Tensor prev;
        final Tensor stepSize;

        RpropState(long step, Tensor prev, Tensor stepSize) {
            this.step = step;
            this.prev = prev;
            this.stepSize = stepSize;
        }

        @Override
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", step);
            m.put("prev", prev);
            m.put("step_size", stepSize);
            return m;
        }
    }

    private static Map<String, Object> defaultOptions() {
        return Options.of("lr", 1e-2, "etas", Options.tuple(0.5, 1.2), "step_sizes", List.of(1e-6, 50L),
                "foreach", null, "maximize", false);
    }

    public Rprop(List<?> params) {
        this(params, Map.of());
    }

    public Rprop(List<?> params, Map<String, ?> options) {
        super(params, defaultOptions(), options, RpropState.class);
    }

    @Override
    protected void validate(Map<String, Object> o) {
        requireNonNegative(o, "lr", "Invalid learning rate");
        List<?> etas = (List<?>) o.get("etas");
        double minus = ((Number) etas.get(0)).doubleValue();
        double plus = ((Number) etas.get(1)).doubleValue();
        if (!(0.0 < minus && minus < 1.0 && 1.0 < plus)) {
            throw TorchException.value("Invalid eta values: " + PythonRepr.ofNumber((Number) etas.get(0)) + ", "
                    + PythonRepr.ofNumber((Number) etas.get(1)));
        }
    }

    @Override
    RpropState newState(Tensor param, ParamGroup group) {
        Tensor stepSize = zerosLike(param);
        stepSize.fillNoGrad(group.lr());
        return new RpropState(0, zerosLike(param), stepSize);
    }

    @Override
    RpropState stateFrom(Map<String, Object> saved) {
        return new RpropState(savedCount(saved, "step"), saved(saved, "prev"), saved(saved, "step_size"));
    }

    @Override
    void apply(Tensor param, Tensor grad, RpropState state, ParamGroup group) {
        double etaMinus = group.getDouble("etas", 0);
        double etaPlus = group.getDouble("etas", 1);
        double stepMin = group.getDouble("step_sizes", 0);
        double stepMax = group.getDouble("step_sizes", 1);
        boolean maximize = group.getBoolean("maximize");
        state.step++;
        Elements p = new Elements(param);
        Elements g = new Elements(grad);
        Elements prev = new Elements(state.prev);
        Elements size = new Elements(state.stepSize);
        double minus = p.scalar(etaMinus);
        for (int i = 0; i < p.size; i++) {
            double gi = maximize ? -g.get(i) : g.get(i);
            double product = p.round(gi * prev.get(i));
            double factor = product > 0 ? p.scalar(etaPlus) : product < 0 ? minus : 1;
            double s = Math.min(Math.max(p.round(size.get(i) * factor), p.scalar(stepMin)), p.scalar(stepMax));
            size.set(i, s);
            if (factor == minus) {
                gi = 0;
            }
            p.set(i, p.round(p.get(i) - Math.signum(gi) * s));
            prev.set(i, gi);
        }
    }
}
