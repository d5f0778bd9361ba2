package org.torchglot.engine.nn;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** {@code nn.Sequential}: submodules named "0", "1", ... (or as given) applied in order. */
public class Sequential extends Module implements Iterable<Module> {
    public Sequential(Module... modules) {
        for (Module m : modules) {
            append(m);
        }
    }

    /** {@code Sequential(OrderedDict(...))}: submodules under the given names. */
    public Sequential(Map<String, Module> modules) {
        modules.forEach(this::registerModule);
    }

    /** Passes the output of each module to the next. */
    @Override
    public Object forward(Object... args) {
        if (args.length != 1) {
            return super.forward(args);
        }
        Object x = args[0];
        for (Module m : this) {
            x = m.call(x);
        }
        return x;
    }

    @Override
    public Tensor forward(Tensor input) {
        return (Tensor) forward(new Object[] {input});
    }

    /** {@code self[index]}; negative indices count from the end. */
    public Module get(int index) {
        return list().get(wrapIndex(index, len()));
    }

    /** {@code self[index] = module}. */
    public void set(int index, Module module) {
        String key = new ArrayList<>(submodules().keySet()).get(wrapIndex(index, len()));
        registerModule(key, module);
    }

    /** {@code self[start:stop]} as a new Sequential that keeps the names. */
    public Sequential slice(int start, int stop) {
        int n = len();
        int from = Math.max(0, Math.min(n, start < 0 ? start + n : start));
        int to = Math.max(from, Math.min(n, stop < 0 ? stop + n : stop));
        Map<String, Module> picked = new java.util.LinkedHashMap<>();
        List<Map.Entry<String, Module>> entries = new ArrayList<>(submodules().entrySet());
        for (Map.Entry<String, Module> e : entries.subList(from, to)) {
            picked.put(e.getKey(), e.getValue());
        }
        return new Sequential(picked);
    }

    public int len() {
        return submodules().size();
    }

    /** Adds {@code module} under the next index; returns this. */
    public Sequential append(Module module) {
        registerModule(Integer.toString(len()), module);
        return this;
    }

    /** Inserts before {@code index} (negative counts from the end), renumbering the later modules. */
    public Sequential insert(int index, Module module) {
        int n = len();
        if (index < -n || index > n) {
            throw TorchException.index("Index out of range: " + index);
        }
        List<Module> items = list();
        items.add(index < 0 ? index + n : index, module);
        renumberSubmodules(items);
        return this;
    }

    /** Appends every module of {@code modules}. */
    public Sequential extend(List<? extends Module> modules) {
        for (Module m : modules) {
            append(m);
        }
        return this;
    }

    /** {@code del self[index]}: removes one module and renumbers the rest from 0. */
    public void delete(int index) {
        List<Module> items = list();
        items.remove(wrapIndex(index, items.size()));
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

    static int wrapIndex(int index, int size) {
        if (index < -size || index >= size) {
            throw TorchException.index("index " + index + " is out of range");
        }
        return index < 0 ? index + size : index;
    }
}
