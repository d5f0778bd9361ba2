package org.torchglot.engine.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.TorchException;

/**
 * The dict protocol of {@link ModuleDict} and {@link ParameterDict} over one of the module's own
 * registries (its submodules or its parameters), in insertion order; each subclass adds its typed
 * {@code set} and {@code update}.
 */
public abstract class NamedDict<V> extends Module {
    /** The registry this dict shows, read-only. */
    protected abstract Map<String, V> entries();

    /** {@code self[key]}; a missing key is Python's KeyError, reported as an IndexError here. */
    public V get(String key) {
        if (!entries().containsKey(key)) {
            throw TorchException.index("KeyError: " + PythonRepr.ofString(key));
        }
        return entries().get(key);
    }

    public boolean contains(String key) {
        return entries().containsKey(key);
    }

    /** {@code pop(key)}: removes and returns the value. */
    public V pop(String key) {
        V value = get(key);
        unregister(key);
        return value;
    }

    public void delete(String key) {
        pop(key);
    }

    public void clear() {
        for (String key : keys()) {
            unregister(key);
        }
    }

    public List<String> keys() {
        return new ArrayList<>(entries().keySet());
    }

    public List<V> values() {
        return new ArrayList<>(entries().values());
    }

    public int len() {
        return entries().size();
    }

    /** Forgets {@code key}, if present, so that a new value registers under it at the end. */
    protected final void replace(String key) {
        if (entries().containsKey(key)) {
            unregister(key);
        }
    }
}
