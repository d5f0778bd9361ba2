package org.torchglot.engine.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.nn.PythonRepr;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code torch.optim.Optimizer}: parameter groups with hyper-parameters, lazily created
 * per-parameter state ({@link ParamState}: typed for the update rule, under PyTorch's names for
 * {@code state_dict}), and {@link #step()} applying the subclass's update rule to every parameter
 * that has a gradient, without recording autograd.
 *
 * <p>Constructors take {@code params} as PyTorch does: a list of tensors, or a list of group maps
 * each holding {@code "params"} (a list of tensors) and optional per-group options. Options are
 * given as a map of PyTorch's keyword names ({@code lr}, {@code momentum}, ...); unknown names are
 * rejected. Numbers may be any {@link Number}; tuples ({@code betas}) are lists.
 */
public abstract class Optimizer {
    private final Map<String, Object> defaults;
    private final List<ParamGroup> paramGroups = new ArrayList<>();
    // NOTE: Tensor keeps identity equality, so a LinkedHashMap is an identity map in first-use order.
    private final Map<Tensor, ParamState> state = new LinkedHashMap<>();

    /** One parameter's state: the fields its update rule reads, and their names in PyTorch for {@code state_dict}. */
    public interface ParamState {
        /** The state under PyTorch's names, in PyTorch's order; tensors are shared, not copied. */
        Map<String, Object> asMap();
    }

    /**
     * @param params tensors, or maps with a {@code "params"} list and per-group options
     * @param defaults every option this optimizer knows, with its default, in PyTorch's order
     * @param options the caller's keyword arguments, overriding {@code defaults}
     */
    protected Optimizer(List<?> params, Map<String, Object> defaults, Map<String, ?> options) {
        this.defaults = new LinkedHashMap<>(defaults);
        for (Map.Entry<String, ?> e : options.entrySet()) {
            if (!defaults.containsKey(e.getKey())) {
                throw TorchException.type("__init__() got an unexpected keyword argument '" + e.getKey() + "'");
            }
            this.defaults.put(e.getKey(), Options.asOption(defaults.get(e.getKey()), e.getValue()));
        }
        validate(this.defaults);
        if (params.isEmpty()) {
            throw TorchException.value("optimizer got an empty parameter list");
        }
        if (params.get(0) instanceof Map<?, ?>) {
            for (Object group : params) {
                addParamGroup(asGroupMap(group));
            }
        } else {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("params", params);
            addParamGroup(group);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asGroupMap(Object group) {
        if (!(group instanceof Map<?, ?>)) {
            throw TorchException.type("param groups must be dicts");
        }
        return (Map<String, Object>) group;
    }

    /** Checks the hyper-parameters with PyTorch's messages ({@code Invalid learning rate: -1.0}). */
    protected abstract void validate(Map<String, Object> options);

    /**
     * Updates one parameter from its gradient and returns its state, {@code state} (null before the first step)
     * or a new one; runs without grad mode. {@code param}, {@code grad} and the state's tensors are contiguous from
     * storage offset 0.
     */
    protected abstract ParamState update(Tensor param, Tensor grad, ParamState state, ParamGroup group);

    /** A parameter's state from {@code load_state_dict}'s map (tensors already copied and cast). */
    protected abstract ParamState restoreState(Map<String, Object> saved);

    /** Throws PyTorch's {@code Invalid <what> value: <v>} when {@code value} is negative. */
    protected static void requireNonNegative(Map<String, Object> options, String key, String message) {
        double v = ((Number) options.get(key)).doubleValue();
        if (!(v >= 0.0)) {
            throw TorchException.value(message + ": " + PythonRepr.ofNumber((Number) options.get(key)));
        }
    }

    /** Throws PyTorch's {@code Invalid beta parameter at index i: v} unless both betas are in [0, 1). */
    protected static void requireBetas(Map<String, Object> options) {
        List<?> betas = (List<?>) options.get("betas");
        for (int i = 0; i < 2; i++) {
            double beta = ((Number) betas.get(i)).doubleValue();
            if (!(beta >= 0.0 && beta < 1.0)) {
                throw TorchException.value("Invalid beta parameter at index " + i + ": "
                        + PythonRepr.ofNumber((Number) betas.get(i)));
            }
        }
    }

    /** A float32 scalar tensor holding {@code value}: PyTorch's {@code torch.tensor(value)} state entries. */
    protected static Tensor floatScalar(double value) {
        Tensor t = Tensor.zeros(new int[0], org.torchglot.engine.tensor.DType.FLOAT32);
        t.fillNoGrad(value);
        return t;
    }

    /** Adds one to a float32 {@code step} tensor and returns the new count. */
    protected static double incrementStep(Tensor step) {
        step.fillNoGrad(step.item() + 1);
        return step.item();
    }

    // ---- groups -------------------------------------------------------------------------------

    /** {@code add_param_group}: missing options take the optimizer's defaults. */
    public void addParamGroup(Map<String, Object> group) {
        Object raw = group.get("params");
        List<Tensor> params = new ArrayList<>();
        if (raw instanceof Tensor t) {
            params.add(t);
        } else if (raw instanceof Iterable<?> items) {
            for (Object item : items) {
                if (!(item instanceof Tensor t)) {
                    throw TorchException.type("optimizer can only optimize Tensors, but one of the params is "
                            + (item == null ? "None" : item.getClass().getSimpleName()));
                }
                params.add(t);
            }
        } else {
            throw TorchException.type("params argument given to the optimizer should be an iterable of Tensors or "
                    + "dicts, but got " + (raw == null ? "None" : raw.getClass().getSimpleName()));
        }
        for (Tensor p : params) {
            if (!p.isLeaf()) {
                throw TorchException.value("can't optimize a non-leaf Tensor");
            }
        }
        Map<String, Object> options = new LinkedHashMap<>();
        for (Map.Entry<String, Object> d : defaults.entrySet()) {
            options.put(d.getKey(), Options.asOption(d.getValue(), group.getOrDefault(d.getKey(), d.getValue())));
        }
        group.forEach((k, v) -> {
            if (!k.equals("params")) {
                options.put(k, Options.asOption(defaults.get(k), v));
            }
        });
        validate(options);
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ParamGroup g : paramGroups) {
            seen.addAll(g.params());
        }
        for (Tensor p : params) {
            if (!seen.add(p)) {
                throw TorchException.value("some parameters appear in more than one parameter group");
            }
        }
        paramGroups.add(new ParamGroup(params, options));
    }

    /** {@code param_groups} (the list is read-only; each group's options are live). */
    public List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(paramGroups);
    }

    /** The options this optimizer was built with ({@code defaults}). */
    public Map<String, Object> defaults() {
        return Collections.unmodifiableMap(defaults);
    }

    /** {@code state[param]}: that parameter's state under PyTorch's names, read-only (empty before its first step). */
    public Map<String, Object> state(Tensor param) {
        ParamState s = state.get(param);
        return s == null ? Map.of() : Collections.unmodifiableMap(s.asMap());
    }

    /** The state kept for {@code param}, or null. */
    protected final ParamState paramState(Tensor param) {
        return state.get(param);
    }

    /** Keeps {@code s} as {@code param}'s state. */
    protected final void setParamState(Tensor param, ParamState s) {
        state.put(param, s);
    }

    // ---- stepping -----------------------------------------------------------------------------

    /** {@code step()}: one update of every parameter that has a gradient. */
    public void step() {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            for (ParamGroup group : paramGroups) {
                for (Tensor p : group.params()) {
                    if (p.grad() != null) {
                        updateContiguous(p, group);
                    }
                }
            }
        }
    }

    /** {@code step(closure)}: re-evaluates the loss with grad enabled, then steps; returns the loss. */
    public Tensor step(Supplier<Tensor> closure) {
        Tensor loss;
        try (GradMode.Scope ignored = GradMode.enableGrad()) {
            loss = closure.get();
        }
        step();
        return loss;
    }

    /**
     * Runs the rule on {@code p} and its gradient as dense arrays from index 0, copying either when it is not,
     * like the state tensors ({@link #zerosLike}). NOTE: loops indexed from 0 with no offsets are what C2
     * vectorises: with an offset per array it must assume they overlap (Adam on 535k floats: 1.7 against 0.2 ms).
     */
    private void updateContiguous(Tensor p, ParamGroup group) {
        Tensor grad = p.grad().dtype() != p.dtype() ? p.grad().to(p.dtype()) : p.grad();
        if (!denseFromZero(grad)) {
            grad = grad.contiguousCopy();
        }
        ParamState before = state.get(p);
        Tensor work = denseFromZero(p) ? p : p.contiguousCopy();
        ParamState after = update(work, grad, before, group);
        if (after != before) {
            state.put(p, after);
        }
        if (work != p) {
            org.torchglot.engine.ops.Pointwise.copyData(p, work);
        }
    }

    private static boolean denseFromZero(Tensor t) {
        return t.isContiguous() && t.storageOffset() == 0;
    }

    /** A zero-filled state tensor shaped and typed like {@code param}. */
    protected static Tensor zerosLike(Tensor param) {
        return Tensor.zeros(param.shapeRef(), param.dtype());
    }

    /** {@code zero_grad()} with PyTorch 1.13's default {@code set_to_none=False}. */
    public void zeroGrad() {
        zeroGrad(false);
    }

    /** Drops ({@code setToNone}) or zeroes the gradient of every parameter. */
    public void zeroGrad(boolean setToNone) {
        for (ParamGroup group : paramGroups) {
            for (Tensor p : group.params()) {
                Module.clearGrad(p, setToNone);
            }
        }
    }

    // ---- state dict ---------------------------------------------------------------------------

    /**
     * {@code state_dict()}: {@code "state"} maps a parameter's index (counted across groups) to its
     * state; {@code "param_groups"} lists each group's options with {@code "params"} as indices.
     * Tensors are shared, not copied.
     */
    public Map<String, Object> stateDict() {
        Map<Tensor, Integer> index = new IdentityHashMap<>();
        List<Map<String, Object>> groups = new ArrayList<>();
        for (ParamGroup g : paramGroups) {
            Map<String, Object> packed = new LinkedHashMap<>(g.options());
            List<Integer> ids = new ArrayList<>();
            for (Tensor p : g.params()) {
                index.putIfAbsent(p, index.size());
                ids.add(index.get(p));
            }
            packed.put("params", ids);
            groups.add(packed);
        }
        Map<Integer, Map<String, Object>> packedState = new LinkedHashMap<>();
        state.forEach((p, s) -> {
            Map<String, Object> named = s.asMap();
            if (!named.isEmpty()) {
                packedState.put(index.get(p), new LinkedHashMap<>(named));
            }
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", packedState);
        out.put("param_groups", groups);
        return out;
    }

    /** {@code load_state_dict()}: restores options and (copied) state from {@link #stateDict()}'s shape. */
    @SuppressWarnings("unchecked")
    public void loadStateDict(Map<String, Object> stateDict) {
        List<Map<String, Object>> savedGroups = (List<Map<String, Object>>) stateDict.get("param_groups");
        if (savedGroups.size() != paramGroups.size()) {
            throw TorchException.value("loaded state dict has a different number of parameter groups");
        }
        Map<Integer, Tensor> byIndex = new LinkedHashMap<>();
        for (int i = 0; i < savedGroups.size(); i++) {
            List<?> ids = (List<?>) savedGroups.get(i).get("params");
            List<Tensor> params = paramGroups.get(i).params();
            if (ids.size() != params.size()) {
                throw TorchException.value("loaded state dict contains a parameter group that doesn't match the size "
                        + "of optimizer's group");
            }
            for (int j = 0; j < ids.size(); j++) {
                byIndex.put(((Number) ids.get(j)).intValue(), params.get(j));
            }
        }
        state.clear();
        Map<?, ?> savedState = (Map<?, ?>) stateDict.get("state");
        savedState.forEach((key, value) -> {
            Tensor p = byIndex.get(((Number) key).intValue());
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) value).forEach((name, v) -> copy.put(name, castLike(p, name, v)));
            state.put(p, restoreState(copy));
        });
        for (int i = 0; i < savedGroups.size(); i++) {
            Map<String, Object> options = paramGroups.get(i).options();
            options.clear();
            savedGroups.get(i).forEach((k, v) -> {
                if (!k.equals("params")) {
                    options.put(k, Options.asOption(defaults.get(k), v));
                }
            });
        }
    }

    /** A state value as PyTorch loads it: tensors copied, floats cast to the parameter's dtype except 'step'. */
    private static Object castLike(Tensor param, String name, Object value) {
        if (!(value instanceof Tensor t)) {
            return value;
        }
        Tensor copy = t.contiguousCopy();
        return !name.equals("step") && param.isFloatingPoint() && t.isFloatingPoint() ? copy.to(param.dtype()) : copy;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append(" (");
        for (int i = 0; i < paramGroups.size(); i++) {
            sb.append("\nParameter Group ").append(i);
            for (Map.Entry<String, Object> e : new java.util.TreeMap<>(paramGroups.get(i).options()).entrySet()) {
                sb.append("\n    ").append(e.getKey()).append(": ").append(PythonRepr.of(e.getValue()));
            }
        }
        return sb.append("\n)").toString();
    }
}
