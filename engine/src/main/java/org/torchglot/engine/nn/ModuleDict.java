package org.torchglot.engine.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.TorchException;

/** {@code nn.ModuleDict}: submodules by name, in insertion order; it has no forward. */
public class ModuleDict extends Module {
    public ModuleDict() {
    }

    public ModuleDict(Map<String, ? extends Module> modules) {
        update(modules);
    }

    /** {@code self[key]}; a missing key is Python's KeyError, reported as an IndexError here. */
    public Module get(String key) {
        if (!submodules().containsKey(key)) {
            throw TorchException.index("KeyError: " + PythonRepr.ofString(key));
        }
        return submodules().get(key);
    }

    public void set(String key, Module module) {
        if (submodules().containsKey(key)) {
            unregister(key);
        }
        registerModule(key, module);
    }

    public boolean contains(String key) {
        return submodules().containsKey(key);
    }

    /** {@code pop(key)}: removes and returns the module. */
    public Module pop(String key) {
        Module m = get(key);
        unregister(key);
        return m;
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
        return new ArrayList<>(submodules().keySet());
    }

    public List<Module> values() {
        return new ArrayList<>(submodules().values());
    }

    public int len() {
        return submodules().size();
    }

    /** Adds or replaces each entry of {@code modules}, in its order. */
    public ModuleDict update(Map<String, ? extends Module> modules) {
        modules.forEach(this::set);
        return this;
    }
}
