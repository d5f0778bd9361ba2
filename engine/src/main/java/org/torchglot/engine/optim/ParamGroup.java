package org.torchglot.engine.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.TorchException;

/**
 * One entry of {@code optimizer.param_groups}: the parameters and their hyper-parameters
 * ({@code lr}, {@code momentum}, ...) under PyTorch's names. Numbers are held as the caller gave
 * them (a Long prints as {@code 1}, a Double as {@code 1.0}).
 */
public final class ParamGroup {
    private final List<org.torchglot.engine.tensor.Tensor> params;
    private final Map<String, Object> options;

    ParamGroup(List<org.torchglot.engine.tensor.Tensor> params, Map<String, Object> options) {
        this.params = new ArrayList<>(params);
        this.options = new LinkedHashMap<>(options);
    }

    /** The parameters, in order (read-only). */
    public List<org.torchglot.engine.tensor.Tensor> params() {
        return Collections.unmodifiableList(params);
    }

    /** The hyper-parameters, live: schedulers and users may change them between steps. */
    public Map<String, Object> options() {
        return options;
    }

    public Object get(String name) {
        if (!options.containsKey(name)) {
            throw TorchException.value("param group has no option '" + name + "'");
        }
        return options.get(name);
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    /** The i-th element of a tuple option such as {@code betas}. */
    public double getDouble(String name, int index) {
        return ((Number) ((List<?>) get(name)).get(index)).doubleValue();
    }

    public void set(String name, Object value) {
        options.put(name, value);
    }

    public double lr() {
        return getDouble("lr");
    }

    public void setLr(double lr) {
        options.put("lr", lr);
    }
}
