package org.torchglot.engine.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.tensor.Devices;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code nn.Module}: a tree of named parameters, buffers and submodules, kept in registration order.
 *
 * <p>Subclasses compute in {@link #forward(Tensor)} (one tensor in, one out) or, for any other
 * signature, in {@link #forward(Object...)}; everything is called through {@link #call(Object...)},
 * which always dispatches via {@code forward(Object...)}, so overriding either one is enough.
 *
 * <p>For language bindings: a guest class that subclasses {@code nn.Module} either extends
 * {@link CustomModule} (which takes the forward function and the type name) or holds one and
 * forwards attribute writes to {@link #register(String, Object)} and reads to {@link #get(String)}:
 * that is PyTorch's {@code __setattr__}/{@code __getattr__} in two calls.
 */
public abstract class Module {
    // NOTE: values may be null, as PyTorch's `self.bias = None` keeps the name registered.
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Set<String> nonPersistentBuffers = new java.util.HashSet<>();
    private final Map<String, Module> modules = new LinkedHashMap<>();
    private boolean training = true;
    /** The guest-language object that owns this module (a Python nn.Module subclass instance), if any. */
    // NOTE: kept here rather than in a map of the bindings: the guest object references this module, so a
    // map from module to guest would keep both alive forever (a weak-keyed map only works when the value
    // does not reach the key; Java has no ephemerons). Here the pair lives and dies together.
    private Object guest;

    /** The guest-language object standing for this module, so traversals hand back the user's own objects. */
    public Object guest() {
        return guest;
    }

    public void setGuest(Object guest) {
        this.guest = guest;
    }

    // ---- forward --------------------------------------------------------------------------------

    /**
     * The computation for any argument list. The default accepts a single tensor and passes it to
     * {@link #forward(Tensor)}; modules with other signatures (losses, guest modules) override it.
     */
    public Object forward(Object... args) {
        if (args.length == 1 && args[0] instanceof Tensor t) {
            return forward(t);
        }
        throw TorchException.type(typeName() + ".forward() takes 2 positional arguments but " + (args.length + 1)
                + " were given");
    }

    /** The computation for one tensor; layers override this. */
    public Tensor forward(Tensor input) {
        throw new TorchException(TorchException.Kind.NOT_IMPLEMENTED_ERROR,
                "Module [" + typeName() + "] is missing the required \"forward\" function");
    }

    /**
     * Whether forward argument {@code index} holds positions (Embedding's indices, a classification
     * loss's class targets), which R passes 1-based; integer tensors there are shifted by its binding.
     */
    public boolean isPositionArgument(int index) {
        return false;
    }

    /** {@code module(*args)}: runs {@link #forward(Object...)}. */
    public Object call(Object... args) {
        return forward(args);
    }

    /** {@code module(x)} for modules that return a tensor. */
    public Tensor call(Tensor input) {
        return asTensor(forward(new Object[] {input}));
    }

    /** {@code module(input, target)}, e.g. a loss. */
    public Tensor call(Tensor input, Tensor target) {
        return asTensor(forward(new Object[] {input, target}));
    }

    private Tensor asTensor(Object out) {
        if (out instanceof Tensor t) {
            return t;
        }
        throw TorchException.type(typeName() + ".forward() returned " + (out == null ? "None" : out.getClass()
                .getSimpleName()) + ", not a Tensor");
    }

    // ---- registration -------------------------------------------------------------------------

    /**
     * PyTorch's {@code __setattr__} for the values a module tracks: a {@link Parameter} becomes a
     * parameter, a {@link Module} a submodule, a tensor assigned to a registered buffer name
     * replaces the buffer, and {@code null} clears a registered name. Returns true when the value
     * was tracked; false means it is a plain attribute the binding should keep itself.
     */
    public boolean register(String name, Object value) {
        if (value instanceof Parameter p) {
            removeName(name);
            registerParameter(name, p);
            return true;
        }
        if (value instanceof Module m) {
            removeName(name);
            registerModule(name, m);
            return true;
        }
        if (parameters.containsKey(name)) {
            if (value != null) {
                throw TorchException.type("cannot assign '" + typeNameOf(value) + "' as parameter '" + name
                        + "' (torch.nn.Parameter or None expected)");
            }
            parameters.put(name, null);
            return true;
        }
        if (modules.containsKey(name)) {
            if (value != null) {
                throw TorchException.type("cannot assign '" + typeNameOf(value) + "' as child module '" + name
                        + "' (torch.nn.Module or None expected)");
            }
            modules.put(name, null);
            return true;
        }
        if (buffers.containsKey(name)) {
            if (value != null && !(value instanceof Tensor)) {
                throw TorchException.type("cannot assign '" + typeNameOf(value) + "' as buffer '" + name
                        + "' (torch.Tensor or None expected)");
            }
            buffers.put(name, (Tensor) value);
            return true;
        }
        return false;
    }

    private static String typeNameOf(Object value) {
        return value instanceof Tensor t ? t.dtype().typeName() : value.getClass().getSimpleName();
    }

    private void removeName(String name) {
        parameters.remove(name);
        buffers.remove(name);
        modules.remove(name);
    }

    /** PyTorch's {@code __getattr__} fallback: the parameter, buffer or submodule of that name. */
    public Object get(String name) {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        if (buffers.containsKey(name)) {
            return buffers.get(name);
        }
        if (modules.containsKey(name)) {
            return modules.get(name);
        }
        throw new TorchException(TorchException.Kind.TYPE_ERROR, "'" + typeName() + "' object has no attribute '"
                + name + "'");
    }

    /** Whether {@code name} is a registered parameter, buffer or submodule (possibly None). */
    public boolean has(String name) {
        return parameters.containsKey(name) || buffers.containsKey(name) || modules.containsKey(name);
    }

    /** {@code register_parameter}; a null parameter keeps the name as None. */
    public Parameter registerParameter(String name, Parameter parameter) {
        checkName(name, "parameter", parameters.containsKey(name));
        parameters.put(name, parameter);
        return parameter;
    }

    /** {@code register_buffer(name, tensor, persistent=True)}. */
    public Tensor registerBuffer(String name, Tensor buffer) {
        return registerBuffer(name, buffer, true);
    }

    public Tensor registerBuffer(String name, Tensor buffer, boolean persistent) {
        checkName(name, "buffer", buffers.containsKey(name));
        buffers.put(name, buffer);
        if (persistent) {
            nonPersistentBuffers.remove(name);
        } else {
            nonPersistentBuffers.add(name);
        }
        return buffer;
    }

    /** {@code add_module} / {@code register_module}. */
    public <M extends Module> M registerModule(String name, M module) {
        if (name.contains(".")) {
            throw TorchException.type("module name can't contain \".\", got: " + name);
        }
        if (name.isEmpty()) {
            throw TorchException.type("module name can't be empty string \"\"");
        }
        if (!modules.containsKey(name) && (parameters.containsKey(name) || buffers.containsKey(name))) {
            throw TorchException.type("attribute '" + name + "' already exists");
        }
        modules.put(name, module);
        return module;
    }

    private void checkName(String name, String kind, boolean alreadyThisKind) {
        if (name.contains(".")) {
            throw TorchException.type(kind + " name can't contain \".\"");
        }
        if (name.isEmpty()) {
            throw TorchException.type(kind + " name can't be empty string \"\"");
        }
        if (!alreadyThisKind && has(name)) {
            throw TorchException.type("attribute '" + name + "' already exists");
        }
    }

    /** {@code del self._modules[name]} / {@code del self._parameters[name]}: forgets a name of any kind. */
    protected final void unregister(String name) {
        removeName(name);
    }

    /** Re-registers {@code items} as the submodules "0", "1", ... (after an insert or delete in a sequence). */
    protected final void renumberSubmodules(List<Module> items) {
        modules.clear();
        for (int i = 0; i < items.size(); i++) {
            modules.put(Integer.toString(i), items.get(i));
        }
    }

    /** The registered parameters by name, in order (read-only). */
    protected final Map<String, Parameter> ownParameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /** The registered submodules by name, in order, duplicates and None included (read-only). */
    protected final Map<String, Module> submodules() {
        return Collections.unmodifiableMap(modules);
    }

    // ---- traversal ----------------------------------------------------------------------------

    /** All parameters of this module and its descendants, each once, in registration order. */
    public List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Parameters by dotted name ({@code 0.weight}, {@code fc1.bias}), each parameter once. */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
            for (Map.Entry<String, Parameter> p : m.getValue().parameters.entrySet()) {
                if (p.getValue() != null && seen.add(p.getValue())) {
                    out.put(prefix + p.getKey(), p.getValue());
                }
            }
        }
        return out;
    }

    /** Buffers by dotted name, each once. */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> m : namedModules().entrySet()) {
            String prefix = m.getKey().isEmpty() ? "" : m.getKey() + ".";
            for (Map.Entry<String, Tensor> b : m.getValue().buffers.entrySet()) {
                if (b.getValue() != null && seen.add(b.getValue())) {
                    out.put(prefix + b.getKey(), b.getValue());
                }
            }
        }
        return out;
    }

    public List<Tensor> buffers() {
        return new ArrayList<>(namedBuffers().values());
    }

    /** Direct submodules, each once. */
    public List<Module> children() {
        return new ArrayList<>(namedChildren().values());
    }

    public Map<String, Module> namedChildren() {
        Map<String, Module> out = new LinkedHashMap<>();
        Set<Module> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Module> e : modules.entrySet()) {
            if (e.getValue() != null && seen.add(e.getValue())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** This module and all descendants, pre-order, each once. */
    public List<Module> modules() {
        return new ArrayList<>(namedModules().values());
    }

    /** {@code named_modules()}: this module under "" and descendants under dotted names. */
    public Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        collectModules("", out, Collections.newSetFromMap(new IdentityHashMap<>()));
        return out;
    }

    private void collectModules(String prefix, Map<String, Module> out, Set<Module> seen) {
        if (!seen.add(this)) {
            return;
        }
        out.put(prefix, this);
        for (Map.Entry<String, Module> e : modules.entrySet()) {
            if (e.getValue() != null) {
                e.getValue().collectModules(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out, seen);
            }
        }
    }

    /** {@code apply(fn)}: calls {@code fn} on every descendant (children first), then on this module. */
    public Module apply(Consumer<Module> fn) {
        for (Module child : children()) {
            child.apply(fn);
        }
        fn.accept(this);
        return this;
    }

    // ---- state --------------------------------------------------------------------------------

    /**
     * {@code state_dict()}: parameters and persistent buffers by dotted name, detached but sharing
     * storage with the module (not de-duplicated, as in PyTorch).
     */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        saveTo(out, "");
        return out;
    }

    private void saveTo(Map<String, Tensor> out, String prefix) {
        parameters.forEach((name, p) -> {
            if (p != null) {
                out.put(prefix + name, p.detach());
            }
        });
        buffers.forEach((name, b) -> {
            if (b != null && !nonPersistentBuffers.contains(name)) {
                out.put(prefix + name, b.detach());
            }
        });
        modules.forEach((name, m) -> {
            if (m != null) {
                m.saveTo(out, prefix + name + ".");
            }
        });
    }

    /** The keys {@link #loadStateDict} did not find or did not expect, PyTorch's {@code _IncompatibleKeys}. */
    public record IncompatibleKeys(List<String> missingKeys, List<String> unexpectedKeys) {
        @Override
        public String toString() {
            return "_IncompatibleKeys(missing_keys=" + quoted(missingKeys) + ", unexpected_keys="
                    + quoted(unexpectedKeys) + ")";
        }

        private static String quoted(List<String> keys) {
            return "[" + String.join(", ", keys.stream().map(k -> "'" + k + "'").toList()) + "]";
        }
    }

    /** {@code load_state_dict(state_dict, strict=True)}. */
    public IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict) {
        return loadStateDict(stateDict, true);
    }

    /**
     * Copies matching entries into this module's parameters and buffers. With {@code strict},
     * missing or unexpected keys raise PyTorch's {@code Error(s) in loading state_dict for ...};
     * shape mismatches always do.
     */
    public IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict, boolean strict) {
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        loadFrom(stateDict, "", missing, unexpected, errors);
        if (strict) {
            if (!unexpected.isEmpty()) {
                errors.add(0, "Unexpected key(s) in state_dict: " + quotedKeys(unexpected) + ". ");
            }
            if (!missing.isEmpty()) {
                errors.add(0, "Missing key(s) in state_dict: " + quotedKeys(missing) + ". ");
            }
        }
        if (!errors.isEmpty()) {
            throw TorchException.runtime("Error(s) in loading state_dict for " + typeName() + ":\n\t"
                    + String.join("\n\t", errors));
        }
        return new IncompatibleKeys(missing, unexpected);
    }

    private static String quotedKeys(List<String> keys) {
        return String.join(", ", keys.stream().map(k -> "\"" + k + "\"").toList());
    }

    private void loadFrom(Map<String, Tensor> stateDict, String prefix, List<String> missing, List<String> unexpected,
            List<String> errors) {
        Map<String, Tensor> local = new LinkedHashMap<>();
        parameters.forEach((name, p) -> {
            if (p != null) {
                local.put(name, p);
            }
        });
        buffers.forEach((name, b) -> {
            if (b != null && !nonPersistentBuffers.contains(name)) {
                local.put(name, b);
            }
        });
        for (Map.Entry<String, Tensor> e : local.entrySet()) {
            String key = prefix + e.getKey();
            Tensor input = stateDict.get(key);
            if (input == null) {
                missing.add(key);
                continue;
            }
            Tensor target = e.getValue();
            if (!java.util.Arrays.equals(input.shapeRef(), target.shapeRef())) {
                errors.add("size mismatch for " + key + ": copying a param with shape " + PythonRepr.ofSize(
                        input.shapeRef()) + " from checkpoint, the shape in current model is "
                        + PythonRepr.ofSize(target.shapeRef()) + ".");
                continue;
            }
            try (GradMode.Scope ignored = GradMode.noGrad()) {
                target.copy_(input);
            }
        }
        for (String key : stateDict.keySet()) {
            if (key.startsWith(prefix)) {
                String head = key.substring(prefix.length()).split("\\.", 2)[0];
                if (!modules.containsKey(head) && !local.containsKey(head)) {
                    unexpected.add(key);
                }
            }
        }
        modules.forEach((name, m) -> {
            if (m != null) {
                m.loadFrom(stateDict, prefix + name + ".", missing, unexpected, errors);
            }
        });
    }

    // ---- modes and gradients ------------------------------------------------------------------

    /** {@code train(mode)} on this module and all descendants. */
    /** {@code module.to(device)}, {@code module.cuda()}: modules live on the CPU, and CUDA is refused. */
    public Module toDevice(String device) {
        Devices.requireCpu(device);
        return this;
    }

    public Module train(boolean mode) {
        training = mode;
        for (Module child : children()) {
            child.train(mode);
        }
        return this;
    }

    public Module train() {
        return train(true);
    }

    public Module eval() {
        return train(false);
    }

    public boolean isTraining() {
        return training;
    }

    /** {@code zero_grad()} with PyTorch 1.13's default {@code set_to_none=False}. */
    public void zeroGrad() {
        zeroGrad(false);
    }

    /** Drops ({@code setToNone}) or zeroes every parameter's gradient. */
    public void zeroGrad(boolean setToNone) {
        for (Parameter p : parameters()) {
            clearGrad(p, setToNone);
        }
    }

    /** One parameter's {@code zero_grad} step, shared with the optimizers. */
    public static void clearGrad(Tensor p, boolean setToNone) {
        Tensor grad = p.grad();
        if (grad == null) {
            return;
        }
        if (setToNone) {
            p.setGrad(null);
        } else {
            grad.detach_();
            grad.fillNoGrad(0.0);
        }
    }

    /** {@code requires_grad_(flag)} on every parameter. */
    public Module requiresGrad_(boolean requiresGrad) {
        for (Parameter p : parameters()) {
            p.requiresGrad_(requiresGrad);
        }
        return this;
    }

    // ---- printing -----------------------------------------------------------------------------

    /** The class name PyTorch prints ({@code _get_name()}); guest modules report their own. */
    public String typeName() {
        return getClass().getSimpleName();
    }

    /** {@code extra_repr()}: the constructor arguments shown inside the parentheses. */
    public String extraRepr() {
        return "";
    }

    /** PyTorch's {@code repr(module)}, character for character. */
    @Override
    public String toString() {
        List<String> extraLines = extraRepr().isEmpty() ? List.of() : List.of(extraRepr().split("\n", -1));
        List<String> childLines = new ArrayList<>();
        modules.forEach((name, m) -> childLines.add("(" + name + "): " + indent(m == null ? "None" : m.toString())));
        StringBuilder sb = new StringBuilder(typeName()).append('(');
        if (!extraLines.isEmpty() || !childLines.isEmpty()) {
            if (extraLines.size() == 1 && childLines.isEmpty()) {
                sb.append(extraLines.get(0));
            } else {
                List<String> lines = new ArrayList<>(extraLines);
                lines.addAll(childLines);
                sb.append("\n  ").append(String.join("\n  ", lines)).append('\n');
            }
        }
        return sb.append(')').toString();
    }

    /** PyTorch's {@code _addindent(s, 2)}: indents every line but the first. */
    private static String indent(String s) {
        return s.replace("\n", "\n  ");
    }
}
