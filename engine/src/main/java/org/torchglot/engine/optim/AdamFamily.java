package org.torchglot.engine.optim;

import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;

/**
 * The skeleton of Adam, AdamW, NAdam, RAdam and Adamax: PyTorch's option checks, the group's hyper-parameters
 * read once per step, and a typed per-parameter state made on the first step, whose float32 {@code step} count
 * advances before the rule runs. Each rule is a fused loop over the storage arrays in its own class (plain indexed
 * loops with no per-element calls or allocation, which C1 and C2 both compile to tight code), one for float32
 * and one for float64.
 *
 * @param <S> the optimizer's state record
 */
abstract class AdamFamily<S extends AdamFamily.Counted> extends Optimizer {
    /** A state holding PyTorch's {@code step}: a float32 scalar tensor. */
    interface Counted extends ParamState {
        Tensor step();
    }

    /**
     * One step's hyper-parameters. {@code maximize} is false for the optimizers that have no such option
     * (NAdam and RAdam in PyTorch 1.13).
     */
    record Hyper(double lr, double beta1, double beta2, double eps, double weightDecay, boolean maximize) {
        static Hyper of(ParamGroup group) {
            return new Hyper(group.lr(), group.getDouble("betas", 0), group.getDouble("betas", 1),
                    group.getDouble("eps"), group.getDouble("weight_decay"),
                    group.options().containsKey("maximize") && group.getBoolean("maximize"));
        }
    }

    private final Class<S> stateType;

    AdamFamily(List<?> params, Map<String, Object> defaults, Map<String, ?> options, Class<S> stateType) {
        super(params, defaults, options);
        this.stateType = stateType;
    }

    @Override
    protected void validate(Map<String, Object> o) {
        requireNonNegative(o, "lr", "Invalid learning rate");
        requireNonNegative(o, "eps", "Invalid epsilon value");
        requireBetas(o);
        requireNonNegative(o, "weight_decay", "Invalid weight_decay value");
    }

    /** The state before the first step: zero moments shaped like {@code param}, step 0. */
    abstract S newState(Tensor param, ParamGroup group);

    /** The state {@code load_state_dict} restores, from PyTorch's names. */
    abstract S stateFrom(Map<String, Object> saved);

    /** Applies the rule to {@code param} (contiguous) at step count {@code step} (1 on the first step). */
    abstract void apply(Tensor param, Tensor grad, S state, Hyper h, double step, ParamGroup group);

    @Override
    protected final ParamState update(Tensor param, Tensor grad, ParamState state, ParamGroup group) {
        S s = state == null ? newState(param, group) : stateType.cast(state);
        double step = incrementStep(s.step());
        apply(param, grad, s, Hyper.of(group), step, group);
        return s;
    }

    @Override
    protected final ParamState restoreState(Map<String, Object> saved) {
        return stateFrom(saved);
    }

    static boolean float32(Tensor t) {
        return t.dtype() == DType.FLOAT32;
    }

    /** A state tensor from {@code state_dict}'s map by PyTorch's name, or null when absent. */
    static Tensor saved(Map<String, Object> saved, String name) {
        return (Tensor) saved.get(name);
    }
}
