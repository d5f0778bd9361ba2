package org.torchglot.lang.r.torch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.torchglot.engine.api.Convention;
import org.torchglot.engine.api.OpTable;
import org.torchglot.engine.api.RNames;
import org.torchglot.engine.autograd.Backward;
import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.tensor.TorchException;
import org.torchglot.engine.nn.Parameter;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.RPackage;
import org.torchglot.lang.r.RPackageBuilder;
import org.torchglot.lang.r.runtime.ArgMatcher;
import org.torchglot.lang.r.runtime.RClosure;
import org.torchglot.lang.r.nodes.RCallNode;
import org.torchglot.lang.r.nodes.RConstantNode;
import org.torchglot.lang.r.nodes.RNode;
import org.torchglot.lang.r.nodes.RSymbolNode;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RExternal;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RMissing;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RPromise;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RValues;

import com.oracle.truffle.api.nodes.NodeUtil;

/**
 * {@code library(torch)}: torch for R on the engine. Function names map onto the op tables the R way
 * ({@code torch_mm} is op {@code mm}, {@code nnf_relu} functional {@code relu}, {@code nn_linear} module
 * {@code Linear}, {@code optim_sgd} optimizer {@code SGD}, {@code nn_init_normal_} init {@code normal_}); the class
 * handlers give tensors, modules, optimizers, dtypes and devices their R behaviour.
 */
public final class TorchRPackage implements RPackage {
    /** Standard ops whose R functions are R-specific versions below. */
    private static final Set<String> OWN_VERSIONS = Set.of("tensor", "manual_seed", "arange");

    /** R torch's dtype constructors. */
    private static final Map<String, DType> DTYPES = new LinkedHashMap<>();

    static {
        DTYPES.put("torch_float", DType.FLOAT32);
        DTYPES.put("torch_float32", DType.FLOAT32);
        DTYPES.put("torch_float64", DType.FLOAT64);
        DTYPES.put("torch_double", DType.FLOAT64);
        DTYPES.put("torch_long", DType.INT64);
        DTYPES.put("torch_int64", DType.INT64);
        DTYPES.put("torch_int", DType.INT64);
        DTYPES.put("torch_int32", DType.INT64);
        DTYPES.put("torch_bool", DType.BOOL);
    }

    @Override
    public String name() {
        return "torch";
    }

    @Override
    public void install(RPackageBuilder pkg) {
        for (RNames.Entry entry : RNames.all()) {
            if (!(entry.table() == OpTable.standard() && OWN_VERSIONS.contains(entry.opName()))) {
                pkg.builtin(entry.name(), "...", (call, args) -> OpCalls.call(entry.table(), entry.opName(), null,
                        (RList) args[0], call));
            }
        }
        creation(pkg);
        autograd(pkg);
        customFunctions(pkg);
        nn(pkg);
        Generators.install(pkg);
        pipe(pkg);
        pkg.classHandler(Values.TENSOR_CLASS, new TensorHandler());
        pkg.classHandler(ModuleHandler.MODULE_CLASS, new ModuleHandler());
        pkg.classHandler(ModuleHandler.GENERATOR_CLASS, new ModuleHandler());
        pkg.classHandler(ModuleHandler.SUPER_CLASS, new ModuleHandler());
        pkg.classHandler(OptimizerHandler.OPTIMIZER_CLASS, new OptimizerHandler());
        pkg.classHandler(OptimizerHandler.SCHEDULER_CLASS, new OptimizerHandler());
        pkg.classHandler(TensorIndexing.MARKER_CLASS, new TensorIndexing.MarkerHandler());
        pkg.classHandler(DTypes.DTYPE_CLASS, new DTypes.DTypeHandler());
        pkg.classHandler(DTypes.DEVICE_CLASS, new DTypes.DeviceHandler());
        pkg.classHandler(GradFnHandler.GRAD_FN_CLASS, new GradFnHandler());
        pkg.sourceResource(TorchRPackage.class, "/org/torchglot/lang/r/torch/torch.R");
        pkg.sourceResource(TorchRPackage.class, "/org/torchglot/lang/r/torch/data.R");
        pkg.sourceResource(TorchRPackage.class, "/org/torchglot/lang/r/torch/autograd.R");
        pkg.sourceResource(TorchRPackage.class, "/org/torchglot/lang/r/torch/types.R");
        pkg.sourceResource(TorchRPackage.class, "/org/torchglot/lang/r/torch/optim.R");
        pkg.sourceResource(TorchRPackage.class, "/org/torchglot/lang/r/torch/nn.R");
        pkg.sourceResource(TorchRPackage.class, "/org/torchglot/lang/r/torch/distributions.R");
    }

    /** {@code prefix + name} for every op of {@code table}, taking R's {@code ...} as the op's arguments. */
    private static void creation(RPackageBuilder pkg) {
        pkg.builtin("torch_tensor", "data, dtype, device, requires_grad, pin_memory", (call, a) -> OpCalls.guard(call,
                () -> {
                    Tensor t = Values.tensorFromR(a[0], given(a[1]) ? OpCalls.host(a[1], DType.class) : null);
                    return Values.wrap(flag(a[3], false) ? t.requiresGrad_(true) : t);
                }));
        pkg.builtin("torch_manual_seed", "seed", (call, a) -> {
            OpCalls.call(OpTable.standard(), "manual_seed", null, new RList(new Object[] {a[0]}), call);
            call.setInvisible();
            return RNull.INSTANCE;
        });
        pkg.builtin("torch_arange", "start, end, step, dtype, device, requires_grad", TorchRPackage::arange);
        DTYPES.forEach((name, d) -> pkg.builtin(name, "", (call, a) -> DTypes.wrap(d)));
        pkg.builtin("torch_device", "type, index", (call, a) -> DTypes.device(RValues.asString(a[0])));
        pkg.builtin("cuda_is_available", "", (call, a) -> RLogical.of(false));
        pkg.builtin("cuda_device_count", "", (call, a) -> RInt.of(0));
        pkg.builtin("backends_mps_is_available", "", (call, a) -> RLogical.of(false));
        pkg.builtin("torch_is_installed", "", (call, a) -> RLogical.of(true));
        pkg.builtin("is_torch_tensor", "x", (call, a) -> RLogical.of(OpCalls.host(a[0], Tensor.class) != null));
        pkg.builtin("as_array", "x", (call, a) -> Values.asArray(tensorArg(call, a[0])));
        interop(pkg);
        pkg.builtin("torch_save", "obj, path, ..., compress", (call, a) -> OpCalls.guard(call, () -> {
            TorchFiles.save(call, a[0], RValues.asString(a[1]));
            call.setInvisible();
            return RNull.INSTANCE;
        }));
        pkg.builtin("torch_load", "path, device", (call, a) -> OpCalls.guard(call,
                () -> TorchFiles.load(call, RValues.asString(a[0]))));
        pkg.builtin("load_state_dict", "path, ..., legacy_stream", (call, a) -> OpCalls.guard(call,
                () -> TorchFiles.loadStateDict(call, RValues.asString(a[0]))));
        pkg.builtin(".torch_index_marker", "name", (call, a) -> TensorIndexing.marker(
                TensorIndexing.Marker.valueOf(RValues.asString(a[0]))));
        pkg.builtin("slc", "start, end, step", (call, a) -> OpCalls.guard(call, () -> TensorIndexing.marker(
                TensorIndexing.slc(RValues.asDouble(a[0]), RValues.asDouble(a[1]),
                        given(a[2]) ? (long) RValues.asDouble(a[2]) : 1))));
    }

    /**
     * How engine objects cross to and from other languages of the context (the REPL's {@code :share}, an embedder's
     * {@code put}): {@code .torch_adopt} turns an engine tensor or module handed over from Java into R's tensor or
     * module (the same engine object), {@code .torch_engine_object} gives back the engine object behind one.
     */
    private static void interop(RPackageBuilder pkg) {
        pkg.builtin(".torch_adopt", "x", (call, a) -> {
            var env = call.context().env();
            if (env.isHostObject(a[0])) {
                Object host = env.asHostObject(a[0]);
                if (host instanceof Tensor || host instanceof org.torchglot.engine.nn.Module) {
                    return Values.toR(host);
                }
            }
            return a[0];
        });
        pkg.builtin(".torch_engine_object", "x", (call, a) -> {
            Object engine = a[0] instanceof RExternal e && e.host() instanceof RModule m ? m.module()
                    : OpCalls.host(a[0], Tensor.class);
            return engine == null ? RNull.INSTANCE : call.context().env().asGuestValue(engine);
        });
    }

    /** R torch's {@code torch_arange} includes {@code end}: it adds float32's epsilon in the step's direction. */
    private static Object arange(RCall call, Object[] a) {
        boolean integral = a[0] instanceof RInt && a[1] instanceof RInt && (!given(a[2]) || a[2] instanceof RInt);
        double start = RValues.asDouble(a[0]);
        double step = given(a[2]) ? RValues.asDouble(a[2]) : 1;
        double end = RValues.asDouble(a[1]) + Math.signum(step) * Math.ulp(1.0f);
        DType dtype = given(a[3]) ? OpCalls.host(a[3], DType.class) : integral ? DType.INT64 : DType.FLOAT32;
        Map<String, Object> keywords = Map.of("dtype", dtype, "requires_grad", flag(a[5], false));
        return OpCalls.guard(call, () -> Values.toR(OpTable.standard().call("arange", new Object[] {start, end, step},
                keywords, Convention.ONE_BASED)));
    }

    /**
     * magrittr's {@code %>%} as the function R torch re-exports ({@code `%>%`(x, f(y))}); written infix, the parser
     * rewrites the pipe itself. The right side is a call ({@code x} becomes its first argument, or replaces its
     * {@code .} placeholders) or a function.
     */
    private static void pipe(RPackageBuilder pkg) {
        pkg.lazyBuiltin("%>%", "lhs, rhs", (call, a) -> {
            Object lhs = RPromise.forceValue(a[0]);
            if (a[1] instanceof RPromise rhs && rhs.expr() instanceof RCallNode original) {
                RCallNode c = (RCallNode) NodeUtil.cloneNode(original);
                RNode value = new RConstantNode(lhs, ".");
                RNode[] args = c.args().clone();
                String[] names = c.names().clone();
                boolean placeholder = false;
                for (int i = 0; i < args.length; i++) {
                    if (args[i] instanceof RSymbolNode sym && sym.name().equals(".")) {
                        args[i] = placeholder ? NodeUtil.cloneNode(value) : value;
                        placeholder = true;
                    }
                }
                if (!placeholder) {
                    RNode[] withLhs = new RNode[args.length + 1];
                    String[] withNames = new String[names.length + 1];
                    withLhs[0] = value;
                    System.arraycopy(args, 0, withLhs, 1, args.length);
                    System.arraycopy(names, 0, withNames, 1, names.length);
                    args = withLhs;
                    names = withNames;
                }
                return new RCallNode(c.fn(), names, args).execute(rhs.env());
            }
            return call.callFunction(RPromise.forceValue(a[1]), lhs);
        });
    }

    private static void autograd(RPackageBuilder pkg) {
        pkg.lazyBuiltin("with_no_grad", "code", (call, a) -> withGrad(false, a[0]));
        pkg.lazyBuiltin("with_enable_grad", "code", (call, a) -> withGrad(true, a[0]));
        pkg.builtin("autograd_grad", "outputs, inputs, grad_outputs, retain_graph, create_graph, allow_unused",
                (call, a) -> OpCalls.guard(call, () -> {
                    boolean create = flag(a[4], false);
                    List<Tensor> grads = Backward.grad(Arrays.asList(tensors(a[0], false)), Arrays.asList(tensors(a[1], false)),
                            given(a[2]) ? Arrays.asList(tensors(a[2], true)) : null, flag(a[3], create), create,
                            flag(a[5], false));
                    Object[] out = new Object[grads.size()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = grads.get(i) == null ? RNull.INSTANCE : Values.wrap(grads.get(i));
                    }
                    return new RList(out);
                }));
        pkg.builtin("autograd_backward", "tensors, grad_tensors", (call, a) -> {
            OpCalls.guard(call, () -> {
                tensorArg(call, a[0]).backward();
                return null;
            });
            call.setInvisible();
            return RNull.INSTANCE;
        });
    }

    /**
     * The Java half of {@code autograd_function()} (autograd.R): argument matching against {@code forward}'s formals,
     * and the graph node whose backward calls the R {@code backward}.
     */
    private static void customFunctions(RPackageBuilder pkg) {
        pkg.builtin("autograd_set_grad_mode", "enabled", (call, a) -> {
            boolean previous = GradMode.isEnabled();
            GradMode.setEnabled(RValues.asFlag(a[0], "enabled"));
            call.setInvisible();
            return RLogical.of(previous);
        });
        pkg.builtin("local_no_grad", ".env", (call, a) -> localGradMode(call, a[0], false));
        pkg.builtin("local_enable_grad", ".env", (call, a) -> localGradMode(call, a[0], true));
        pkg.builtin(".match_formals", "f, args", (call, a) -> {
            if (!(a[0] instanceof RClosure f)) {
                throw call.error("`forward` must be a function");
            }
            String[] formals = f.root().formals();
            RList args = (RList) a[1];
            String[] names = args.names() == null ? new String[args.length()] : args.names().data();
            Object[] matched;
            try {
                matched = ArgMatcher.match(
                        Arrays.copyOfRange(formals, 1, formals.length), args.data(), names);
            } catch (RErrorSignal e) {
                throw call.error(e.getMessage());
            }
            List<Object> values = new ArrayList<>();
            List<String> out = new ArrayList<>();
            for (int i = 0; i < matched.length; i++) {
                if (matched[i] != null && matched[i] != RMissing.INSTANCE) {
                    values.add(matched[i]);
                    out.add(formals[i + 1]);
                }
            }
            return RList.of(values, out);
        });
        pkg.builtin(".formals_count", "f", (call, a) -> RInt.of(a[0] instanceof RClosure f ? f.root().formals().length
                : -1));
        pkg.builtin(".autograd_function_attach", "output, variables, backward", (call, a) -> {
            Tensor out = OpCalls.host(a[0], Tensor.class);
            RList variables = (RList) a[1];
            if (out == null) {
                throw call.error("`forward` must return a tensor");
            }
            if (!GradMode.isEnabled() || variables.length() == 0) {
                return a[0];
            }
            Tensor[] inputs = new Tensor[variables.length()];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = OpCalls.host(variables.get(i), Tensor.class);
            }
            Object backward = a[2];
            FunctionNode node = new FunctionNode(CUSTOM_FUNCTION_NODE, inputs, null,
                    (grad, saved) -> inputGradients(call, backward, grad, inputs.length));
            return Values.wrap(out.detach().withGradFn(node));
        });
    }

    /**
     * {@code local_no_grad()} and {@code local_enable_grad()}: the grad mode until the calling function returns
     * (or {@code .env}'s function), as R torch's {@code withr::defer}.
     */
    private static Object localGradMode(RCall call, Object env, boolean enabled) {
        REnvironment frame = env instanceof REnvironment e ? e : call.env();
        boolean previous = GradMode.isEnabled();
        GradMode.setEnabled(enabled);
        frame.addOnExit(new RPromise(new GradModeRestore(previous), frame, false), true);
        call.setInvisible();
        return RNull.INSTANCE;
    }

    /** The on-exit expression of {@link #localGradMode}: puts the previous grad mode back. */
    private static final class GradModeRestore extends RNode {
        private final boolean previous;

        GradModeRestore(boolean previous) {
            this.previous = previous;
        }

        @Override
        public Object execute(REnvironment env) {
            GradMode.setEnabled(previous);
            return RNull.INSTANCE;
        }

        @Override
        public void deparse(StringBuilder sb) {
            sb.append("autograd_set_grad_mode(").append(previous ? "TRUE" : "FALSE").append(')');
        }
    }

    /** What R torch's custom functions are called in {@code grad_fn} (libtorch's node wrapping an R function). */
    private static final String CUSTOM_FUNCTION_NODE = "torch::autograd::CppNode<LanternFunction>";

    /** Calls the R backward with the output's gradient; it returns the inputs' gradients in order (NULL: none). */
    private static Tensor[] inputGradients(RCall call, Object backward, Tensor grad, int inputs) {
        Object result = call.callFunction(backward, Values.wrap(grad));
        if (!(result instanceof RList list) || list.length() != inputs) {
            throw TorchException.runtime("backward must return a list with a gradient for each input that requires "
                    + "grad (" + inputs + "), named as forward's arguments");
        }
        Tensor[] out = new Tensor[inputs];
        for (int i = 0; i < inputs; i++) {
            out[i] = list.get(i) == RNull.INSTANCE ? null : Values.asTensor(list.get(i));
        }
        return out;
    }

    private static Object withGrad(boolean enabled, Object code) {
        try (GradMode.Scope ignored = GradMode.set(enabled)) {
            return RPromise.forceValue(code);
        }
    }

    private static void nn(RPackageBuilder pkg) {
        pkg.builtin("nn_module", "classname, inherit, ..., private, active, parent_env", TorchRPackage::nnModule);
        pkg.builtin("nn_parameter", "x, requires_grad", (call, a) -> {
            Tensor t = tensorArg(call, a[0]);
            return Values.wrap(new Parameter(t.detach(), flag(a[1], true)));
        });
        pkg.builtin("nn_buffer", "x, persistent", (call, a) -> {
            RExternal out = new RExternal(tensorArg(call, a[0]), Values.TENSOR_CLASS, "R7", "nn_buffer");
            out.setAttr("persistent", RLogical.of(flag(a[1], true)));
            return out;
        });
        pkg.builtin("is_nn_module", "x", (call, a) -> RLogical.of(OpCalls.host(a[0], RModule.class) != null));
    }

    private static Object nnModule(RCall call, Object[] a) {
        String classname = given(a[0]) ? RValues.asString(a[0]) : null;
        ModuleClass parent = given(a[1]) ? OpCalls.host(a[1], ModuleClass.class) : null;
        if (given(a[1]) && parent == null) {
            throw call.error("`inherit` must be a module generator created with nn_module()");
        }
        Map<String, Object> members = new LinkedHashMap<>();
        RList dots = (RList) a[2];
        RString names = dots.names();
        for (int i = 0; i < dots.length(); i++) {
            if (names != null && !names.get(i).isEmpty()) {
                members.put(names.get(i), dots.get(i));
            }
        }
        ModuleClass cls = new ModuleClass(classname, members, parent);
        String[] classes = cls.classes();
        String[] withGenerator = java.util.Arrays.copyOf(classes, classes.length + 1);
        withGenerator[classes.length] = ModuleHandler.GENERATOR_CLASS;
        return new RExternal(cls, withGenerator);
    }

    /** A tensor or a list of tensors (with {@code nullable}, NULL entries too) as an array. */
    private static Tensor[] tensors(Object v, boolean nullable) {
        Object[] items = v instanceof RList l ? l.data() : new Object[] {v};
        Tensor[] out = new Tensor[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = nullable && items[i] == RNull.INSTANCE ? null : Values.asTensor(items[i]);
        }
        return out;
    }

    private static Tensor tensorArg(RCall call, Object v) {
        Tensor t = OpCalls.host(v, Tensor.class);
        if (t == null) {
            throw call.error("`x` must be a tensor.");
        }
        return t;
    }

    private static boolean given(Object v) {
        return v != RMissing.INSTANCE && v != RNull.INSTANCE;
    }

    private static boolean flag(Object v, boolean otherwise) {
        return given(v) ? RValues.asFlag(v, "flag") : otherwise;
    }
}
