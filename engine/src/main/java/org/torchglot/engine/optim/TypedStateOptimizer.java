package org.torchglot.engine.optim;

import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.Tensor;

/**
 * An optimizer whose per-parameter state is a typed object of its own ({@code S}), made on a parameter's first
 * step or restored from {@code load_state_dict}'s map under PyTorch's names; its rule reads the fields.
 *
 * @param <S> the optimizer's state type
 */
abstract class TypedStateOptimizer<S extends Optimizer.ParamState> extends Optimizer {
    private final Class<S> stateType;

    TypedStateOptimizer(List<?> params, Map<String, Object> defaults, Map<String, ?> options, Class<S> stateType) {
        super(params, defaults, options);
        this.stateType = stateType;
    }

    /** The state before {@code param}'s first step. */
    abstract S newState(Tensor param, ParamGroup group);

    /** The state {@code load_state_dict} restores, from PyTorch's names. */
    abstract S stateFrom(Map<String, Object> saved);

    /** Updates one parameter from its gradient and its state; runs without grad mode. */
    abstract void apply(Tensor param, Tensor grad, S state, ParamGroup group);

    @Override
    protected final ParamState update(Tensor param, Tensor grad, ParamState state, ParamGroup group) {
        S s = state == null ? newState(param, group) : stateType.cast(state);
        apply(param, grad, s, group);
        return s;
    }

    @Override
    protected final ParamState restoreState(Map<String, Object> saved) {
        return stateFrom(saved);
    }

    /** A state tensor from {@code state_dict}'s map by PyTorch's name, or null when absent. */
    static Tensor saved(Map<String, Object> saved, String name) {
        return (Tensor) saved.get(name);
    }

    /** An integer step count from {@code state_dict}'s map. */
    static long savedCount(Map<String, Object> saved, String name) {
        return ((Number) saved.get(name)).longValue();
    }
}
