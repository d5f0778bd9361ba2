package org.torchglot.lang.r.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import org.torchglot.engine.api.OpTable;
import org.torchglot.engine.autograd.GradHook;
import org.torchglot.engine.format.LibtorchFormatter;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;
import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.RClassHandler;
import org.torchglot.lang.r.runtime.RBuiltin;
import org.torchglot.lang.r.runtime.RExternal;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RType;
import org.torchglot.lang.r.runtime.RValues;
import org.torchglot.lang.r.runtime.RVector;
import org.torchglot.lang.r.runtime.Coerce;

/**
 * R semantics of {@code torch_tensor} values: {@code x$method(...)} calls the op table with {@code x} first, fields
 * ({@code $grad}, {@code $shape}, ...), 1-based indexing and assignment, operators, {@code print} in R torch's format
 * and the base generics ({@code dim}, {@code length}, {@code as.numeric}, {@code as_array}...).
 */
final class TensorHandler implements RClassHandler {
    private static final OpTable OPS = OpTable.standard();

    /** R operators and the ops they call; the second name is for a tensor on the right only. */
    private static final Map<String, String[]> OPERATORS = Map.ofEntries(
            Map.entry("+", new String[] {"add", "add"}), Map.entry("-", new String[] {"sub", "rsub"}),
            Map.entry("*", new String[] {"mul", "mul"}), Map.entry("/", new String[] {"div", "rdiv"}),
            Map.entry("^", new String[] {"pow", "rpow"}), Map.entry("%%", new String[] {"remainder", null}),
            Map.entry("%/%", new String[] {"floor_divide", null}), Map.entry("%*%", new String[] {"matmul", null}),
            Map.entry("==", new String[] {"eq", "eq"}), Map.entry("!=", new String[] {"ne", "ne"}),
            Map.entry("<", new String[] {"lt", "gt"}), Map.entry(">", new String[] {"gt", "lt"}),
            Map.entry("<=", new String[] {"le", "ge"}), Map.entry(">=", new String[] {"ge", "le"}),
            Map.entry("&", new String[] {"logical_and", "logical_and"}),
            Map.entry("|", new String[] {"logical_or", "logical_or"}));

    /** Base R functions on a tensor that return a tensor through the op of the same meaning. */
    private static final Map<String, String> MATH = Map.of("abs", "abs", "sqrt", "sqrt", "exp", "exp", "log", "log",
            "round", "round", "t", "t", "sum", "sum", "mean", "mean", "max", "max", "min", "min");

    /** A base R generic on a tensor {@code self}, given all the call's arguments ({@code args[0]} is the tensor). */
    @FunctionalInterface
    private interface Generic {
        Object apply(Tensor self, Object[] args, String[] names, RCall call);
    }

    /** The base generics and the indexing, printing and conversion forms R dispatches on a tensor. */
    private static final Map<String, Generic> GENERICS = Map.ofEntries(
            Map.entry("$", (self, args, names, call) -> field(self, RValues.asString(args[1]), call)),
            Map.entry("$<-", (self, args, names, call) -> setField(args[0], self, RValues.asString(args[1]), args[2])),
            Map.entry("[", (self, args, names, call) ->
                    Values.wrap(TensorIndexing.get(self, TensorIndexing.items(args, names, 1, args.length)))),
            Map.entry("[<-", (self, args, names, call) -> {
                Tensor value = Values.asTensor(args[args.length - 1]);
                self.indexPut(TensorIndexing.items(args, names, 1, args.length - 1), value);
                return args[0];
            }),
            Map.entry("!", (self, args, names, call) -> Values.wrap(self.logicalNot())),
            Map.entry("print", (self, args, names, call) -> {
                print(self, args, names, call);
                return args[0];
            }),
            Map.entry("format", (self, args, names, call) -> RString.of(self.toLibtorchString())),
            Map.entry("str", (self, args, names, call) -> {
                call.print(describe(self) + "\n");
                call.setInvisible();
                return RNull.INSTANCE;
            }),
            Map.entry("length", (self, args, names, call) -> RInt.of(self.numel())),
            Map.entry("dim", (self, args, names, call) -> new RInt(self.shape())),
            Map.entry("as.array", (self, args, names, call) -> Values.asArray(self)),
            Map.entry("as.vector", (self, args, names, call) -> Values.asArray(self)),
            Map.entry("as.matrix", (self, args, names, call) -> {
                RVector a = Values.asArray(self);
                if (self.dim() < 2) {
                    a.setAttr("dim", RInt.of(a.length(), 1));
                }
                return a;
            }),
            Map.entry("as.numeric", (self, args, names, call) -> plain(Values.asArray(self), RType.DOUBLE)),
            Map.entry("as.double", (self, args, names, call) -> plain(Values.asArray(self), RType.DOUBLE)),
            Map.entry("as.integer", (self, args, names, call) -> plain(Values.asArray(self), RType.INTEGER)),
            Map.entry("as.logical", (self, args, names, call) -> plain(Values.asArray(self), RType.LOGICAL)),
            Map.entry("as.list", (self, args, names, call) -> new RList(elements(self))),
            Map.entry(".DollarNames", (self, args, names, call) ->
                    RValues.dollarNames(members(), args.length > 1 ? args[1] : null)));

    /** {@code x$name} for the fields of a tensor; any other name is a method. */
    private static final Map<String, Function<Tensor, Object>> FIELDS = Map.ofEntries(
            Map.entry("grad", self -> Values.toR(self.grad())),
            Map.entry("grad_fn", self -> Values.toR(self.gradFn())),
            Map.entry("requires_grad", self -> RLogical.of(self.requiresGrad())),
            Map.entry("is_leaf", self -> RLogical.of(self.isLeaf())),
            Map.entry("shape", self -> new RInt(self.shape())),
            Map.entry("ndim", self -> RInt.of(self.dim())),
            Map.entry("dtype", self -> DTypes.wrap(self.dtype())),
            Map.entry("device", self -> DTypes.device("cpu")),
            Map.entry("is_cuda", self -> RLogical.of(false)),
            Map.entry("data", self -> Values.wrap(self.detach())));

    @Override
    public Map<String, Object> indexMask() {
        return TensorIndexing.MASK;
    }

    @Override
    public Object indexRange(Object from, Object to) {
        return TensorIndexing.range(from, to);
    }

    @Override
    public Object dispatch(String generic, RCall call, Object[] args, String[] names) {
        return OpCalls.guard(call, () -> dispatchTensor(generic, call, args, names));
    }

    private Object dispatchTensor(String generic, RCall call, Object[] args, String[] names) {
        if (OPERATORS.containsKey(generic)) {
            return operator(generic, args, call);
        }
        Tensor self = OpCalls.host(args[0], Tensor.class);
        Generic g = GENERICS.get(generic);
        if (g != null) {
            return g.apply(self, args, names, call);
        }
        if (MATH.containsKey(generic)) {
            return OpCalls.call(OPS, MATH.get(generic), self, rest(args, names), call);
        }
        return NOT_HANDLED;
    }

    private static Object[] elements(Tensor self) {
        RVector a = Values.asArray(self);
        Object[] out = new Object[a.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.elementVector(i);
        }
        return out;
    }

    private static Object plain(RVector v, RType type) {
        RVector out = Coerce.cast(v, type, false);
        return out == v ? v.copy() : out;
    }

    /** The arguments after the first as an R {@code ...} list. */
    private static RList rest(Object[] args, String[] names) {
        Object[] values = new Object[args.length - 1];
        String[] ns = new String[args.length - 1];
        boolean named = false;
        for (int i = 1; i < args.length; i++) {
            values[i - 1] = args[i];
            ns[i - 1] = names == null || names[i] == null ? "" : names[i];
            named |= !ns[i - 1].isEmpty();
        }
        RList l = new RList(values);
        if (named) {
            l.setAttr("names", new RString(ns));
        }
        return l;
    }

    private static Object operator(String op, Object[] args, RCall call) {
        String[] ops = OPERATORS.get(op);
        if (args.length == 1) {
            Tensor x = Values.asTensor(args[0]);
            return switch (op) {
                case "-" -> Values.wrap(x.neg());
                case "+" -> args[0];
                default -> throw call.error("invalid argument to unary operator");
            };
        }
        boolean leftIsTensor = OpCalls.host(args[0], Tensor.class) != null;
        if (leftIsTensor || ops[1] == null) {
            Object left = leftIsTensor ? args[0] : Values.wrap(Values.asTensor(args[0]));
            return OpCalls.call(OPS, ops[0], OpCalls.host(left, Tensor.class), new RList(new Object[] {args[1]}), call);
        }
        return OpCalls.call(OPS, ops[1], OpCalls.host(args[1], Tensor.class), new RList(new Object[] {args[0]}), call);
    }

    // ---- fields and methods -------------------------------------------------------------------

    /** What {@code x$} completes to: the fields, then the methods (the op table's and {@link #method}'s own). */
    private static List<String> members() {
        TreeSet<String> methods = new TreeSet<>(OPS.methodNames());
        methods.addAll(List.of("cpu", "cuda", "print", "is_floating_point", "register_hook"));
        List<String> out = new ArrayList<>(new TreeSet<>(FIELDS.keySet()));
        methods.removeAll(FIELDS.keySet());
        out.addAll(methods);
        return out;
    }

    private static Object field(Tensor self, String name, RCall call) {
        Function<Tensor, Object> f = FIELDS.get(name);
        return f != null ? f.apply(self) : method(self, name);
    }

    /** {@code x$name}, a function calling op {@code name} with {@code x} first; NULL when there is no such op. */
    private static Object method(Tensor self, String name) {
        return switch (name) {
            case "cpu" -> new RBuiltin("cpu", new String[] {"..."}, false, (c, a) -> Values.wrap(self));
            case "cuda" -> new RBuiltin("cuda", new String[] {"..."}, false, (c, a) -> {
                throw c.error("CUDA is not available: torchglot runs on the CPU");
            });
            case "print" -> new RBuiltin("print", new String[] {"n"}, false, (c, a) -> {
                print(self, new Object[] {Values.wrap(self), a[0]}, new String[] {null, "n"}, c);
                return Values.wrap(self);
            });
            case "is_floating_point" -> new RBuiltin(name, new String[0], false,
                    (c, a) -> RLogical.of(self.isFloatingPoint()));
            case "register_hook" -> new RBuiltin(name, new String[] {"hook"}, false, (c, a) -> OpCalls.guard(c, () -> {
                Object hook = a[0];
                GradHook.Handle handle = self.registerHook(grad -> {
                    Object out = c.callFunction(hook, Values.wrap(grad));
                    return out == RNull.INSTANCE ? null : Values.asTensor(out);
                }, "hook");
                c.setInvisible();
                // NOTE: R torch's handle is an object with $remove(); a named list gives the same call.
                return RList.of(List.of(new RBuiltin("remove", new String[0], false, (c2, a2) -> {
                    handle.remove();
                    c2.setInvisible();
                    return RNull.INSTANCE;
                })), List.of("remove"));
            }));
            default -> OPS.has(name) ? new RBuiltin(name, new String[] {"..."}, false, (c, a) -> {
                Object r = OpCalls.call(OPS, name, self, (RList) a[0], c);
                if (r == RNull.INSTANCE) {
                    c.setInvisible();
                }
                return r;
            }) : RNull.INSTANCE;
        };
    }

    private static Object setField(Object external, Tensor self, String name, Object value) {
        switch (name) {
            case "requires_grad" -> self.requiresGrad_(RValues.asFlag(value, "requires_grad"));
            case "grad" -> self.setGrad(value == RNull.INSTANCE ? null : Values.asTensor(value));
            default -> throw TorchException.runtime("cannot set field '" + name + "' of a torch_tensor");
        }
        return external;
    }

    // ---- printing -----------------------------------------------------------------------------

    private static void print(Tensor self, Object[] args, String[] names, RCall call) {
        int maxLines = LibtorchFormatter.DEFAULT_MAX_LINES;
        for (int i = 1; i < args.length; i++) {
            if (args[i] instanceof RVector v && !(v instanceof RString) && v.length() == 1
                    && (names == null || names[i] == null || names[i].equals("n"))) {
                maxLines = RValues.asInt(v);
            }
        }
        String grad = self.gradFn() == null ? null : self.gradFn().name();
        call.print(LibtorchFormatter.format(self.shape(), self.toDoubleArray(), self.dtype(), self.requiresGrad(), grad,
                maxLines) + "\n");
        call.setInvisible();
    }

    /** R torch's {@code str()} line and module listing entry: {@code Float [1:3, 1:4]}. */
    static String describe(Tensor t) {
        StringBuilder sb = new StringBuilder(t.dtype().scalarTypeName()).append(" [");
        int[] shape = t.shapeRef();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append("1:").append(shape[i]);
        }
        return sb.append(']').toString();
    }
}
