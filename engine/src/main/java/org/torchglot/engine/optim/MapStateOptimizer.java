package org.torchglot.engine.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.Tensor;

/**
 * An optimizer whose per-parameter state is still a map under PyTorch's names (the Adam family's is typed: see
 * {@link AdamFamily}); its rule reads the map's entries by name.
 */
abstract class MapStateOptimizer extends Optimizer {
    /** State kept as PyTorch's name → value map. */
    private record MapState(Map<String, Object> asMap) implements ParamState {
    }

    MapStateOptimizer(List<?> params, Map<String, Object> defaults, Map<String, ?> options) {
        super(params, defaults, options);
    }

    /** Updates one parameter from its gradient and its live state map; runs without grad mode. */
    protected abstract void update(Tensor param, Tensor grad, Map<String, Object> state, ParamGroup group);

    @Override
    protected final ParamState update(Tensor param, Tensor grad, ParamState state, ParamGroup group) {
        ParamState s = state != null ? state : new MapState(new LinkedHashMap<>());
        update(param, grad, s.asMap(), group);
        return s;
    }

    @Override
    protected final ParamState restoreState(Map<String, Object> saved) {
        return new MapState(saved);
    }

    /** {@code param}'s live state map, made empty on first use. */
    protected final Map<String, Object> mutableState(Tensor param) {
        ParamState s = paramState(param);
        if (s == null) {
            s = new MapState(new LinkedHashMap<>());
            setParamState(param, s);
        }
        return s.asMap();
    }
}
