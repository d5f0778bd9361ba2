package org.torchglot.engine.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * The one table of torch ops that every language binding calls: a binding turns a call in its
 * language into positional and keyword arguments (plain Java values: Tensor, Number, Boolean,
 * String, List, DType, Generator) and {@link #call}s the table, which binds them to the
 * signature, applies defaults, converts dims for the caller's {@link Convention} and runs the op.
 * Docs and REPL completion read the same table.
 */
public final class OpTable {
    private static final OpTable STANDARD = new OpTable();
    private static final OpTable FUNCTIONAL = new OpTable();
    private static final OpTable MODULES = new OpTable();
    private static final OpTable OPTIMIZERS = new OpTable();
    private static final OpTable INIT = new OpTable();
    private static final OpTable LINALG = new OpTable();
    private static final OpTable UTILS = new OpTable();

    static {
        TensorOps.registerAll(STANDARD);
        MathOps.registerAll(STANDARD);
        ReductionOps.registerAll(STANDARD);
        ShapeOps.registerAll(STANDARD);
        TensorInfoOps.registerAll(STANDARD);
        SpecialMathOps.registerAll(STANDARD);
        RandomOps.registerAll(STANDARD);
        DerivedOps.registerAll(STANDARD);
        LinalgOps.registerTorchForms(STANDARD);
        TorchNnForms.registerAll(STANDARD);
        SettingsOps.registerAll(STANDARD);
        NnOps.registerFunctional(FUNCTIONAL);
        NnOps.registerModules(MODULES);
        OptimOps.register(OPTIMIZERS);
        NnOps.registerInit(INIT);
        LinalgOps.registerAll(LINALG);
        NnOps.registerUtils(UTILS);
    }

    private final Map<String, Entry> ops = new LinkedHashMap<>();

    /**
     * An op with what binding needs of its signature, worked out once at registration: each parameter's
     * default value, and which results are positions (R shows them 1-based).
     */
    private record Entry(Op op, Object[] defaults, boolean[] indexResults, boolean returnsTuple, int selfIndex) {
        static Entry of(Op op) {
            Signature sig = op.signature();
            List<Signature.Param> params = sig.params();
            Object[] defaults = new Object[params.size()];
            for (int i = 0; i < defaults.length; i++) {
                if (params.get(i).hasDefault()) {
                    Object value = defaultValue(params.get(i));
                    // NOTE: a tensor, list or array default could be changed by the op; each call gets its own.
                    defaults[i] = value instanceof Tensor || value instanceof List<?> || value != null && value.getClass()
                            .isArray() ? new FreshDefault(params.get(i)) : value;
                }
            }
            return new Entry(op, defaults, sig.returnsIndices() ? indexResults(sig.returns()) : null,
                    sig.returns().startsWith("("), sig.selfIndex());
        }

        /** For {@code (Tensor values, IndexTensor indices)}, which elements are positions. */
        private static boolean[] indexResults(String returns) {
            String[] parts = returns.replace("(", "").replace(")", "").split(",");
            boolean[] out = new boolean[parts.length];
            for (int i = 0; i < parts.length; i++) {
                out[i] = parts[i].trim().startsWith("IndexTensor");
            }
            return out;
        }

        Object defaultOf(int i) {
            return defaults[i] instanceof FreshDefault fresh ? defaultValue(fresh.param()) : defaults[i];
        }
    }

    /** A default converted anew for each call. */
    private record FreshDefault(Signature.Param param) {
    }

    /** The table with every built-in op. */
    public static OpTable standard() {
        return STANDARD;
    }

    /** {@code torch.nn.functional}: activations, dropout, linear and losses. */
    public static OpTable functional() {
        return FUNCTIONAL;
    }

    /** Constructors of the built-in {@code torch.nn} modules, by class name ({@code Linear}). */
    public static OpTable modules() {
        return MODULES;
    }

    /** Constructors of {@code torch.optim} optimizers and learning-rate schedulers, by class name. */
    public static OpTable optimizers() {
        return OPTIMIZERS;
    }

    /** {@code torch.nn.init}: in-place initialisers of parameters. */
    public static OpTable init() {
        return INIT;
    }

    /** {@code torch.linalg}: decompositions, solvers and norms. */
    public static OpTable linalg() {
        return LINALG;
    }

    /** {@code torch.nn.utils}: gradient clipping. */
    public static OpTable utils() {
        return UTILS;
    }

    /** Adds an op; {@code signature} is parsed once here. */
    public void register(String signature, String summary, java.util.function.Function<Args, Object> implementation) {
        Signature s = Signature.parse(signature);
        if (ops.containsKey(s.name())) {
            throw new IllegalStateException("op registered twice: " + s.name());
        }
        ops.put(s.name(), Entry.of(new Op(s, summary, implementation)));
    }

    /** Another name for an op (e.g. {@code clip} for {@code clamp}). */
    public void alias(String alias, String name) {
        ops.put(alias, ops.get(name));
    }

    public boolean has(String name) {
        return ops.containsKey(name);
    }

    public Op op(String name) {
        Entry entry = ops.get(name);
        return entry == null ? null : entry.op();
    }

    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(ops.keySet()));
    }

    /** The ops that tensors have as methods (they have a {@code self} parameter), sorted. */
    public List<String> methodNames() {
        return ops.keySet().stream().filter(name -> ops.get(name).op().signature().selfIndex() >= 0).sorted().toList();
    }

    /** Calls {@code name} with a language's arguments. */
    public Object call(String name, Object[] positional, Map<String, Object> keywords, Convention convention) {
        return invoke(entry(name), -1, null, positional, keywords, convention);
    }

    /**
     * Calls {@code name} as a method of {@code receiver}: the receiver is the op's {@code self} wherever its
     * signature puts it, and the arguments fill the other parameters in order, so {@code torch.where(condition,
     * input, other)} is {@code x.where(condition, other)} and {@code torch.polygamma(n, input)} is
     * {@code x.polygamma(n)}. For an op without {@code self} the receiver is the first argument.
     */
    public Object callMethod(String name, Object receiver, Object[] positional, Map<String, Object> keywords,
            Convention convention) {
        Entry entry = entry(name);
        if (entry.selfIndex() < 0) {
            Object[] all = new Object[positional.length + 1];
            all[0] = receiver;
            System.arraycopy(positional, 0, all, 1, positional.length);
            return invoke(entry, -1, null, all, keywords, convention);
        }
        return invoke(entry, entry.selfIndex(), receiver, positional, keywords, convention);
    }

    private Entry entry(String name) {
        Entry entry = ops.get(name);
        if (entry == null) {
            throw TorchException.type("torch has no op named '" + name + "'");
        }
        return entry;
    }

    private static Object invoke(Entry entry, int receiverIndex, Object receiver, Object[] positional,
            Map<String, Object> keywords, Convention convention) {
        Signature sig = entry.op().signature();
        Object[] passed = new Object[sig.params().size()];
        Object[] values = bind(entry, receiverIndex, receiver, positional, keywords == null ? Map.of() : keywords,
                convention, passed);
        Object result = entry.op().implementation().apply(new Args(sig, values, passed));
        if (convention == Convention.ONE_BASED && entry.indexResults() != null) {
            result = toOneBased(result, entry);
        }
        return result;
    }

    /**
     * Converts the arguments; {@code passed} receives each argument as the caller wrote it (null for defaults).
     * A method's receiver is parameter {@code receiverIndex} (-1: none), which positional arguments skip.
     */
    private static Object[] bind(Entry entry, int receiverIndex, Object receiver, Object[] positional,
            Map<String, Object> keywords, Convention c, Object[] passed) {
        Signature sig = entry.op().signature();
        List<Signature.Param> params = sig.params();
        Object[] raw = new Object[params.size()];
        boolean[] given = new boolean[params.size()];
        if (receiverIndex >= 0) {
            raw[receiverIndex] = receiver;
            given[receiverIndex] = true;
        }
        int p = 0;
        for (int i = 0; i < positional.length; i++) {
            while (p < params.size() && (params.get(p).keywordOnly() || p == receiverIndex)) {
                p++;
            }
            if (p >= params.size()) {
                // NOTE: as Python counts them, the receiver is one of the positional arguments.
                int count = positional.length + (receiverIndex >= 0 ? 1 : 0);
                throw TorchException.type(sig.name() + "() takes " + positionalCount(sig) + " positional arguments but "
                        + count + " were given");
            }
            Signature.Param param = params.get(p);
            if (param.variadic()) {
                List<Object> rest = new ArrayList<>();
                for (int j = i; j < positional.length; j++) {
                    rest.add(positional[j]);
                }
                // NOTE: x.view(2, 3) and x.view((2, 3)) mean the same.
                raw[p] = rest.size() == 1 && isSequence(rest.get(0)) ? rest.get(0) : rest;
                given[p] = true;
                p++;
                break;
            }
            raw[p] = positional[i];
            given[p] = true;
            p++;
        }
        for (Map.Entry<String, Object> kw : keywords.entrySet()) {
            int index = sig.indexOfKeyword(kw.getKey());
            if (index < 0) {
                throw TorchException.type(sig.name() + "() got an unexpected keyword argument '" + kw.getKey() + "'");
            }
            if (given[index]) {
                throw TorchException.type(sig.name() + "() got multiple values for argument '" + params.get(index).name()
                        + "'");
            }
            raw[index] = kw.getValue();
            given[index] = true;
        }
        Object[] values = new Object[params.size()];
        for (int i = 0; i < params.size(); i++) {
            Signature.Param param = params.get(i);
            if (!given[i]) {
                if (!param.hasDefault()) {
                    throw TorchException.type(sig.name() + "() missing 1 required positional argument: '" + param.name()
                            + "'");
                }
                values[i] = entry.defaultOf(i);
            } else {
                values[i] = Conversions.convert(sig.name(), param, raw[i], c);
                passed[i] = raw[i];
            }
        }
        return values;
    }

    private static boolean isSequence(Object o) {
        return o instanceof List<?> || o instanceof int[] || o instanceof long[] || o instanceof Object[];
    }

    private static int positionalCount(Signature sig) {
        int n = 0;
        for (Signature.Param p : sig.params()) {
            if (!p.keywordOnly()) {
                n++;
            }
        }
        return n;
    }

    private static Object defaultValue(Signature.Param param) {
        String text = param.defaultText();
        if (text.equals("None")) {
            return null;
        }
        return Conversions.convert("default", param, switch (text) {
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            default -> text.startsWith("'") ? text.substring(1, text.length() - 1)
                    : text.startsWith("[") ? listDefault(text)
                    : text.contains(".") || text.contains("e") ? (Object) Double.parseDouble(text)
                    : (Object) Long.parseLong(text);
        }, Convention.ZERO_BASED);
    }

    /** A list default such as {@code [0, 1]}, as the list of longs a caller would pass. */
    private static List<Object> listDefault(String text) {
        String inside = text.substring(1, text.length() - 1).trim();
        List<Object> out = new ArrayList<>();
        if (!inside.isEmpty()) {
            for (String item : inside.split(",")) {
                out.add(Long.parseLong(item.trim()));
            }
        }
        return out;
    }

    /** Adds 1 to int64 index results for R. */
    private static Object toOneBased(Object result, Entry entry) {
        boolean[] indexResults = entry.indexResults();
        if (result instanceof Tensor t) {
            // NOTE: an op declaring (values, indices) may return values alone (max(x)): those are not positions.
            return entry.returnsTuple() ? t : plusOne(t);
        }
        if (result instanceof Object[] elements) {
            Object[] out = elements.clone();
            for (int i = 0; i < out.length && i < indexResults.length; i++) {
                if (indexResults[i] && out[i] instanceof Tensor t) {
                    out[i] = plusOne(t);
                }
            }
            return out;
        }
        if (result instanceof Long l) {
            return l + 1;
        }
        return result;
    }

    private static Tensor plusOne(Tensor t) {
        return t.add(Tensor.scalar(1L));
    }

    /** Helpers for ops that build tensors from language data. */
    static Tensor longTensor(long[] values) {
        return Tensor.of(Storage.wrap(values), values.length);
    }

    static DType defaultFloat() {
        return org.torchglot.engine.tensor.DefaultDType.get();
    }

    static Generator generatorOrDefault(Generator g) {
        return g == null ? Generator.getDefault() : g;
    }
}
