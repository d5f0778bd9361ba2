package org.torchglot.lang.r.torch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.torchglot.engine.nn.CustomModule;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.nn.Parameter;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;
import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.runtime.RBuiltin;
import org.torchglot.lang.r.runtime.RClosure;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RExternal;
import org.torchglot.lang.r.runtime.RFunction;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RValues;

/**
 * The R face of an engine {@link Module}: its external value (class {@code c("nn_linear", "nn_module")} or the
 * {@code nn_module} class chain), the plain R fields assigned with {@code self$x <- value}, and for modules defined
 * in R their class, whose methods are bound to an environment holding {@code self} and {@code super}.
 */
final class RModule {
    private final Module module;
    private final ModuleClass cls;
    private final RExternal external;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, Object> bound = new HashMap<>();
    private RCall creation;

    private RModule(Module module, ModuleClass cls, String[] classes) {
        this.module = module;
        this.cls = cls;
        this.external = new RExternal(this, classes);
    }

    /** The R object for an engine module, created on first use (built-in modules get {@code nn_<name>} classes). */
    static RModule of(Module m) {
        if (m.guest() instanceof RModule r) {
            return r;
        }
        RModule r = new RModule(m, null, new String[] {BuiltinModules.rName(m), "nn_module"});
        if (m.guest() == null) {
            m.setGuest(r);
        }
        return r;
    }

    /** A new instance of an R-defined class; {@code initialize} runs with the call's arguments. */
    static RExternal instantiate(ModuleClass cls, Object[] args, String[] names, RCall call) {
        CustomModule m = new CustomModule(cls.displayName());
        RModule r = new RModule(m, cls, cls.classes());
        r.creation = call;
        m.setGuest(r);
        m.setForward(r::forwardFromEngine);
        Object init = r.member("initialize");
        if (init instanceof RFunction) {
            call.callFunction(init, args, names);
        }
        call.context().setVisible(true);
        return r.external;
    }

    Module module() {
        return module;
    }

    RExternal external() {
        return external;
    }

    ModuleClass moduleClass() {
        return cls;
    }

    /** The class name shown when a parent module lists this one. */
    String className() {
        return external.classAttr().get(0);
    }

    // ---- calling --------------------------------------------------------------------------------

    /** {@code model(x, ...)} from R. */
    Object call(Object[] args, String[] names, RCall call) {
        if (cls != null) {
            Object forward = member("forward");
            if (!(forward instanceof RFunction)) {
                throw call.error("Forward method is not implemented");
            }
            return call.callFunction(forward, args, names);
        }
        Object[] javaArgs = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            javaArgs[i] = OpCalls.argument(args[i], org.torchglot.engine.api.ParamType.TENSOR);
            // NOTE: R's positions are 1-based (nn_embedding's indices, a loss's class targets).
            if (module.isPositionArgument(i) && javaArgs[i] instanceof org.torchglot.engine.tensor.Tensor t
                    && !t.isFloatingPoint()) {
                javaArgs[i] = t.sub(org.torchglot.engine.tensor.Tensor.scalar(1L));
            }
        }
        return OpCalls.guard(call, () -> Values.toR(module.call(javaArgs)));
    }

    /** The R forward called by engine containers ({@code nn_sequential} holding this module). */
    private Object forwardFromEngine(Object... args) {
        Object[] rArgs = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            rArgs[i] = args[i] instanceof Tensor || args[i] instanceof Module ? Values.toR(args[i]) : args[i];
        }
        Object out = call(rArgs, new String[rArgs.length], creation);
        return out instanceof RExternal e && e.host() instanceof Tensor t ? t : out;
    }

    // ---- members --------------------------------------------------------------------------------

    /** {@code self$name}: a parameter, buffer or submodule, a field, a method, or an nn_Module member. */
    Object dollar(String name) {
        if (module.has(name)) {
            return Values.toR(module.get(name));
        }
        if (fields.containsKey(name)) {
            return fields.get(name);
        }
        Object m = member(name);
        return m != null ? m : base(name);
    }

    /** A member of the R class chain, functions bound to this instance; null when the class has none. */
    Object member(String name) {
        if (cls == null) {
            return null;
        }
        Object cached = bound.get(name);
        if (cached != null) {
            return cached;
        }
        ModuleClass.Found found = cls.find(name);
        if (found == null) {
            return null;
        }
        Object value = bind(found.value(), found.definedIn());
        bound.put(name, value);
        return value;
    }

    /** The function with an environment binding {@code self} and {@code super}; other values unchanged. */
    Object bind(Object value, ModuleClass definedIn) {
        if (!(value instanceof RClosure f)) {
            return value;
        }
        REnvironment env = new REnvironment(f.env(), "nn_module");
        env.put("self", external);
        env.put("super", new RExternal(new SuperRef(this, definedIn.parent()), ModuleHandler.SUPER_CLASS));
        return f.withEnv(env);
    }

    /** {@code super$name} inside a method of a class whose parent is {@code parent}. */
    record SuperRef(RModule self, ModuleClass parent) {
        Object dollar(String name) {
            ModuleClass.Found found = parent == null ? null : parent.find(name);
            if (found != null) {
                return self.bind(found.value(), found.definedIn());
            }
            if (name.equals("initialize")) {
                return new RBuiltin("initialize", new String[] {"..."}, false, (c, a) -> RNull.INSTANCE);
            }
            return self.base(name);
        }
    }

    /** {@code self$name <- value}: parameters, buffers and modules are registered, anything else is a field. */
    void assign(String name, Object value) {
        Object host = value instanceof RExternal e ? e.host() : null;
        if (host instanceof RModule child) {
            module.register(name, child.module);
        } else if (host instanceof Parameter p) {
            module.register(name, p);
        } else if (host instanceof Tensor t && RValues.inherits(value, "nn_buffer")) {
            Object persistent = ((RExternal) value).getAttr("persistent");
            module.registerBuffer(name, t, persistent == null || RValues.asFlag(persistent, "persistent"));
        } else if (host instanceof ModuleClass) {
            throw TorchException.runtime("Module '" + name + "' must be initialized");
        } else if (module.has(name) && (value == RNull.INSTANCE || host instanceof Tensor)) {
            module.register(name, value == RNull.INSTANCE ? null : host);
        } else {
            fields.put(name, value);
        }
    }

    /** The names {@link #base} answers, for completion (golden/torch_dollar_names.R checks each resolves). */
    static final List<String> BASE_MEMBERS = List.of("add_module", "apply", "buffers", "children", "cpu", "cuda",
            "eval", "forward", "load_state_dict", "modules", "named_buffers", "named_parameters", "parameters", "print",
            "register_buffer", "register_module", "register_parameter", "state_dict", "to", "train", "training",
            "zero_grad");

    /**
     * What {@code model$} completes to: its own parameters, buffers and submodules, its R fields, its class's
     * methods, then the members every module has.
     */
    List<String> memberNames() {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        module.namedParameters().keySet().stream().filter(n -> !n.contains(".")).forEach(out::add);
        module.namedBuffers().keySet().stream().filter(n -> !n.contains(".")).forEach(out::add);
        out.addAll(module.namedChildren().keySet());
        out.addAll(fields.keySet());
        for (ModuleClass c = cls; c != null; c = c.parent()) {
            c.members().keySet().stream().sorted().forEach(out::add);
        }
        out.addAll(BASE_MEMBERS);
        return new ArrayList<>(out);
    }

    /** The members every nn_module has ({@code nn_Module}'s public interface in R torch). */
    Object base(String name) {
        return switch (name) {
            case "parameters" -> namedList(rOrder(module, Module::namedParameters));
            case "buffers" -> namedList(rOrder(module, Module::namedBuffers));
            case "children" -> modulesList(module.namedChildren());
            case "modules" -> new RList(module.modules().stream().map(m -> (Object) of(m).external).toArray());
            case "training" -> RLogical.of(module.isTraining());
            case "named_parameters" -> function(name, "", (c, a) -> namedList(module.namedParameters()));
            case "named_buffers" -> function(name, "", (c, a) -> namedList(module.namedBuffers()));
            case "state_dict" -> function(name, "", (c, a) -> namedList(module.stateDict()));
            case "load_state_dict" -> function(name, "state_dict, strict", (c, a) -> {
                Map<String, Tensor> sd = Values.tensorMap(a[0]);
                boolean strict = a[1] instanceof RLogical l ? RValues.asFlag(l, "strict") : true;
                OpCalls.guard(c, () -> module.loadStateDict(sd, strict));
                return invisibleSelf(c);
            });
            case "zero_grad" -> function(name, "", (c, a) -> {
                module.zeroGrad();
                c.setInvisible();
                return RNull.INSTANCE;
            });
            case "train" -> function(name, "mode", (c, a) -> {
                module.train(a[0] instanceof RLogical l ? RValues.asFlag(l, "mode") : true);
                return invisibleSelf(c);
            });
            case "eval" -> function(name, "", (c, a) -> {
                module.eval();
                return invisibleSelf(c);
            });
            case "to", "cpu" -> function(name, "...", (c, a) -> invisibleSelf(c));
            case "cuda" -> function(name, "...", (c, a) -> {
                throw c.error("CUDA is not available: torchglot runs on the CPU");
            });
            case "forward" -> function(name, "...", (c, a) -> call(((RList) a[0]).data(), dotNames((RList) a[0]), c));
            case "register_parameter" -> function(name, "name, param", (c, a) -> {
                module.registerParameter(RValues.asString(a[0]), asParameter(a[1]));
                return invisibleSelf(c);
            });
            case "register_buffer" -> function(name, "name, tensor, persistent", (c, a) -> {
                boolean persistent = a[2] instanceof RLogical l ? RValues.asFlag(l, "persistent") : true;
                module.registerBuffer(RValues.asString(a[0]), Values.asTensor(a[1]), persistent);
                return invisibleSelf(c);
            });
            case "register_module", "add_module" -> function(name, "name, module", (c, a) -> {
                String n = a[0] instanceof RString s ? s.get(0) : String.valueOf(RValues.asInt(a[0]));
                RModule child = OpCalls.host(a[1], RModule.class);
                if (child == null) {
                    throw c.error("Expected <nn_module> but got object of type <" + RValues.classOf(a[1]).get(0)
                            + ">");
                }
                module.registerModule(n, child.module);
                return invisibleSelf(c);
            });
            case "apply" -> function(name, "fn", (c, a) -> {
                module.apply(m -> c.callFunction(a[0], of(m).external));
                return invisibleSelf(c);
            });
            case "print" -> function(name, "...", (c, a) -> {
                c.print(ModulePrinter.print(this));
                return invisibleSelf(c);
            });
            default -> RNull.INSTANCE;
        };
    }

    /**
     * R torch's order of {@code model$parameters} and {@code $buffers}: each submodule's (recursively, in
     * registration order) before the module's own, each tensor once; PyTorch lists the module's own first.
     */
    private static Map<String, Tensor> rOrder(Module m, java.util.function.Function<Module, Map<String, ? extends Tensor>> named) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        java.util.Set<Tensor> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        m.namedChildren().forEach((name, child) -> rOrder(child, named).forEach((k, v) -> {
            if (seen.add(v)) {
                out.put(name + "." + k, v);
            }
        }));
        named.apply(m).forEach((k, v) -> {
            if (!k.contains(".") && seen.add(v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private Object invisibleSelf(RCall c) {
        c.setInvisible();
        return external;
    }

    private static Parameter asParameter(Object v) {
        Tensor t = Values.asTensor(v);
        return t instanceof Parameter p ? p : new Parameter(t);
    }

    private static String[] dotNames(RList dots) {
        RString n = dots.names();
        return n == null ? new String[dots.length()] : n.data().clone();
    }

    private RBuiltin function(String name, String formals, org.torchglot.lang.r.RBuiltinBody body) {
        String[] f = formals.isEmpty() ? new String[0] : formals.split(",\\s*");
        return new RBuiltin(name, f, false, (c, a) -> OpCalls.guard(c, () -> body.call(c, a)));
    }

    static RList namedList(Map<String, ? extends Tensor> tensors) {
        List<Object> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        tensors.forEach((k, v) -> {
            names.add(k);
            values.add(Values.wrap(v));
        });
        return RList.of(values, names);
    }

    private static RList modulesList(Map<String, Module> modules) {
        List<Object> values = new ArrayList<>();
        List<String> names = new ArrayList<>();
        modules.forEach((k, v) -> {
            names.add(k);
            values.add(of(v).external);
        });
        return RList.of(values, names);
    }
}
