package org.torchglot.engine.nn;

import java.util.Map;

/** {@code nn.ModuleDict}: submodules by name, in insertion order; it has no forward. */
public class ModuleDict extends NamedDict<Module> {
    public ModuleDict() {
    }

    public ModuleDict(Map<String, ? extends Module> modules) {
        update(modules);
    }

    @Override
    protected Map<String, Module> entries() {
        return submodules();
    }

    public void set(String key, Module module) {
        replace(key);
        registerModule(key, module);
    }

    /** Adds or replaces each entry of {@code modules}, in its order. */
    public ModuleDict update(Map<String, ? extends Module> modules) {
        modules.forEach(this::set);
        return this;
    }
}
