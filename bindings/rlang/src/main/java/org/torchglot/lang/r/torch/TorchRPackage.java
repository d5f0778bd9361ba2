package org.torchglot.lang.r.torch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.torchglot.engine.api.Convention;
import org.torchglot.engine.api.OpTable;
import org.torchglot.engine.api.RNames;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.nn.Parameter;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.RPackage;
import org.torchglot.lang.r.RPackageBuilder;
import org.torchglot.lang.r.runtime.RExternal;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RMissing;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RPromise;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RValues;

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
        nn(pkg);
        pkg.classHandler(Values.TENSOR_CLASS, new TensorHandler());
        pkg.classHandler(ModuleHandler.MODULE_CLASS, new ModuleHandler());
        pkg.classHandler(ModuleHandler.GENERATOR_CLASS, new ModuleHandler());
        pkg.classHandler(ModuleHandler.SUPER_CLASS, new ModuleHandler());
        pkg.classHandler(OptimizerHandler.OPTIMIZER_CLASS, new OptimizerHandler());
        pkg.classHandler(OptimizerHandler.SCHEDULER_CLASS, new OptimizerHandler());
        pkg.classHandler(TensorIndexing.MARKER_CLASS, new TensorIndexing.MarkerHandler());
        pkg.classHandler(DTypes.DTYPE_CLASS, new DTypes.DTypeHandler());
        pkg.classHandler(DTypes.DEVICE_CLASS, new DTypes.DeviceHandler());
        pkg.classHandler("torch_grad_fn", (generic, call, args, names) -> {
            if (!generic.equals("print")) {
                return org.torchglot.lang.r.RClassHandler.NOT_HANDLED;
            }
            call.print(OpCalls.host(args[0], org.torchglot.engine.autograd.Node.class).name() + "\n");
            call.setInvisible();
            return args[0];
        });
        pkg.sourceResource(TorchRPackage.class, "/org/torchglot/lang/r/torch/torch.R");
        pkg.sourceResource(TorchRPackage.class, "/org/torchglot/lang/r/torch/data.R");
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

    private static void autograd(RPackageBuilder pkg) {
        pkg.lazyBuiltin("with_no_grad", "code", (call, a) -> withGrad(false, a[0]));
        pkg.lazyBuiltin("with_enable_grad", "code", (call, a) -> withGrad(true, a[0]));
        pkg.builtin("autograd_backward", "tensors, grad_tensors", (call, a) -> {
            OpCalls.guard(call, () -> {
                tensorArg(call, a[0]).backward();
                return null;
            });
            call.setInvisible();
            return RNull.INSTANCE;
        });
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
