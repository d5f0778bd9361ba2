package org.torchglot.engine.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;

/**
 * {@code torch.optim.Adagrad}, PyTorch 1.13's single-tensor rule:
 * <pre>
 * clr = lr / (1 + (step - 1) * lr_decay)
 * g = grad (negated when maximize) + weight_decay * p
 * sum = sum + g * g
 * p = p - clr * g / (sqrt(sum) + eps)
 * </pre>
 * State (made in the constructor, as PyTorch does): {@code step} (a float32 scalar tensor) and
 * {@code sum} (filled with {@code initial_accumulator_value}).
 */
public class Adagrad extends TypedStateOptimizer<Adagrad.AdagradState> {
    /** Adagrad's state: the float32 scalar {@code step} and the sum of squared gradients. */
    record AdagradState(Tensor step, Tensor sum) implements ParamState {
        @Override
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", step);
            m.put("sum", sum);
            return m;
        }
    }

    private static Map<String, Object> defaultOptions() {
        return Options.of("lr", 1e-2, "lr_decay", 0L, "eps", 1e-10, "weight_decay", 0L,
                "initial_accumulator_value", 0L, "foreach", null, "maximize", false);
    }

    public Adagrad(List<?> params) {
        this(params, Map.of());
    }

    public Adagrad(List<?> params, double lr) {
        this(params, Options.of("lr", lr));
    }

    public Adagrad(List<?> params, Map<String, ?> options) {
        super(params, defaultOptions(), options, AdagradState.class);
        for (ParamGroup group : paramGroups()) {
            for (Tensor p : group.params()) {
                setParamState(p, newState(p, group));
            }
        }
    }

    @Override
    protected void validate(Map<String, Object> o) {
        requireNonNegative(o, "lr", "Invalid learning rate");
        requireNonNegative(o, "lr_decay", "Invalid lr_decay value");
        requireNonNegative(o, "weight_decay", "Invalid weight_decay value");
        requireNonNegative(o, "initial_accumulator_value", "Invalid initial_accumulator_value value");
        requireNonNegative(o, "eps", "Invalid epsilon value");
    }

    @Override
    AdagradState newState(Tensor param, ParamGroup group) {
        Tensor sum = zerosLike(param);
        sum.fillNoGrad(group.getDouble("initial_accumulator_value"));
        return new AdagradState(Tensor.zeros(new int[0], DType.FLOAT32), sum);
    }

    @Override
    AdagradState stateFrom(Map<String, Object> saved) {
        return new AdagradState(saved(saved, "step"), saved(saved, "sum"));
    }

    @Override
    void apply(Tensor param, Tensor grad, AdagradState state, ParamGroup group) {
        double lr = group.lr();
        double lrDecay = group.getDouble("lr_decay");
        double eps = group.getDouble("eps");
        double weightDecay = group.getDouble("weight_decay");
        boolean maximize = group.getBoolean("maximize");
        Tensor stepTensor = state.step();
        stepTensor.fillNoGrad(stepTensor.item() + 1);
        double clr = lr / (1 + (stepTensor.item() - 1) * lrDecay);
        Elements p = new Elements(param);
        Elements g = new Elements(grad);
        Elements sum = new Elements(state.sum());
        for (int i = 0; i < p.size; i++) {
            double gi = maximize ? -g.get(i) : g.get(i);
            double pi = p.get(i);
            if (weightDecay != 0) {
                gi = p.fma(pi, weightDecay, gi);
            }
            double s = p.addcmul(sum.get(i), 1, gi, gi);
            sum.set(i, s);
            double std = p.round(p.round(Math.sqrt(s)) + p.scalar(eps));
            p.set(i, p.addcdiv(pi, -clr, gi, std));
        }
    }
}
