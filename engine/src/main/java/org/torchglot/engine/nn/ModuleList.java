package org.torchglot.engine.nn;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** {@code nn.ModuleList}: an indexable list of submodules named "0", "1", ...; it has no forward. */
public class ModuleList extends Module implements Iterable<Module> {
    public ModuleList() {
    }

    public ModuleList(List<? extends Module> modules) {
        extend(modules);
    }

    public Module get(int index) {
        return list().get(Sequential.wrapIndex(index, len()));
    }

    public void set(int index, Module module) {
        registerModule(Integer.toString(Sequential.wrapIndex(index, len())), module);
    }

    public int len() {
        return submodules().size();
    }

    public ModuleList append(Module module) {
        registerModule(Integer.toString(len()), module);
        return this;
    }

    public ModuleList extend(List<? extends Module> modules) {
        for (Module m : modules) {
            append(m);
        }
        return this;
    }

    /** Inserts before {@code index}, shifting later modules up by one name. */
    public void insert(int index, Module module) {
        List<Module> items = list();
        int at = index < 0 ? Math.max(0, index + items.size()) : Math.min(index, items.size());
        items.add(at, module);
        renumberSubmodules(items);
    }

    /** {@code del self[index]}: removes one module and renumbers the rest from 0. */
    public void delete(int index) {
        List<Module> items = list();
        items.remove(Sequential.wrapIndex(index, items.size()));
        renumberSubmodules(items);
    }

    /** {@code pop(index)}: removes and returns the module at {@code index}. */
    public Module pop(int index) {
        Module m = get(index);
        delete(index);
        return m;
    }

    @Override
    public Iterator<Module> iterator() {
        return list().iterator();
    }

    private List<Module> list() {
        return new ArrayList<>(submodules().values());
    }
}
