package org.torchglot.lang.r.torch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.torchglot.engine.api.OpTable;
import org.torchglot.engine.api.RNames;
import org.torchglot.engine.optim.Optimizer;
import org.torchglot.engine.optim.ParamGroup;
import org.torchglot.engine.optim.ReduceLROnPlateau;
import org.torchglot.engine.optim.Scheduler;
import org.torchglot.engine.tensor.TorchException;
import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.RClassHandler;
import org.torchglot.lang.r.runtime.RBuiltin;
import org.torchglot.lang.r.runtime.RExternal;
import org.torchglot.lang.r.runtime.RFunction;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RMissing;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RValues;
import org.torchglot.lang.r.runtime.RVector;

/**
 * Optimizers ({@code optim_sgd(...)}) and learning-rate schedulers as R sees them: {@code $step()},
 * {@code $zero_grad()}, {@code $param_groups} (a list of lists; assigning it back updates the hyper-parameters).
 */
final class OptimizerHandler implements RClassHandler {
    static final String OPTIMIZER_CLASS = "torch_optimizer";
    static final String SCHEDULER_CLASS = "lr_scheduler";

    static RExternal wrap(Optimizer opt) {
        String cls = RNames.nameOf(OpTable.optimizers(), opt.getClass().getSimpleName())
                .orElse("optim_" + opt.getClass().getSimpleName().toLowerCase(Locale.ROOT));
        return new RExternal(opt, cls, OPTIMIZER_CLASS, "R6");
    }

    @Override
    public Object dispatch(String generic, RCall call, Object[] args, String[] names) {
        Scheduler scheduler = OpCalls.host(args[0], Scheduler.class);
        if (scheduler != null) {
            return generic.equals("$") ? schedulerMember(scheduler, RValues.asString(args[1])) : NOT_HANDLED;
        }
        Optimizer opt = OpCalls.host(args[0], Optimizer.class);
        if (opt == null) {
            // NOTE: optimizers written in R with optimizer() share the class torch_optimizer; R methods serve them.
            return NOT_HANDLED;
        }
        return switch (generic) {
            case "$" -> member(opt, RValues.asString(args[1]));
            case "$<-" -> {
                if (!RValues.asString(args[1]).equals("param_groups")) {
                    throw call.error("cannot set field '" + RValues.asString(args[1]) + "' of an optimizer");
                }
                setParamGroups(opt, args[2], call);
                yield args[0];
            }
            default -> NOT_HANDLED;
        };
    }

    private static Object member(Optimizer opt, String name) {
        return switch (name) {
            case "step" -> function(name, new String[] {"closure"}, (c, a) -> {
                if (a[0] instanceof RFunction f) {
                    return OpCalls.guard(c, () -> Values.toR(opt.step(() -> Values.asTensor(c.callFunction(f)))));
                }
                OpCalls.guard(c, () -> {
                    opt.step();
                    return null;
                });
                c.setInvisible();
                return RNull.INSTANCE;
            });
            case "zero_grad" -> function(name, new String[] {"set_to_none"}, (c, a) -> {
                opt.zeroGrad(a[0] instanceof RVector v && RValues.asFlag(v, "set_to_none"));
                c.setInvisible();
                return RNull.INSTANCE;
            });
            case "param_groups" -> paramGroups(opt);
            case "state_dict" -> function(name, new String[0], (c, a) -> Values.toR(opt.stateDict()));
            case "load_state_dict" -> function(name, new String[] {"state_dict"}, (c, a) -> {
                OpCalls.guard(c, () -> {
                    opt.loadStateDict(stateDictFromR(a[0]));
                    return null;
                });
                c.setInvisible();
                return RNull.INSTANCE;
            });
            default -> RNull.INSTANCE;
        };
    }

    /** {@code $step()} ({@code $step(metric)} for lr_reduce_on_plateau), {@code $get_last_lr()}, {@code $state_dict()}. */
    private static Object schedulerMember(Scheduler scheduler, String name) {
        return switch (name) {
            case "step" -> function(name, new String[] {"metrics"}, (c, a) -> {
                OpCalls.guard(c, () -> {
                    if (scheduler instanceof ReduceLROnPlateau plateau && a[0] != RMissing.INSTANCE && a[0] != null) {
                        plateau.step(((Number) Values.toJava(a[0])).doubleValue());
                    } else {
                        scheduler.step();
                    }
                    return null;
                });
                c.setInvisible();
                return RNull.INSTANCE;
            });
            case "get_last_lr" -> function(name, new String[0], (c, a) -> Values.toR(scheduler.getLastLr()));
            case "state_dict" -> function(name, new String[0], (c, a) -> Values.toR(scheduler.stateDict()));
            case "optimizer" -> Values.toR(scheduler.optimizer());
            default -> RNull.INSTANCE;
        };
    }

    private static RList paramGroups(Optimizer opt) {
        List<Object> groups = new ArrayList<>();
        for (ParamGroup g : opt.paramGroups()) {
            List<Object> values = new ArrayList<>();
            List<String> names = new ArrayList<>();
            names.add("params");
            values.add(new RList(g.params().stream().map(p -> (Object) Values.wrap(p)).toArray()));
            g.options().forEach((k, v) -> {
                names.add(k);
                values.add(Values.toR(v));
            });
            groups.add(RList.of(values, names));
        }
        return new RList(groups.toArray());
    }

    /**
     * An optimizer state dict from R ({@code $state_dict()}, maybe through {@code torch_save}/{@code torch_load}) in
     * the engine's shape: {@code state} by parameter number, each group's {@code params} a list of numbers.
     */
    static Map<String, Object> stateDictFromR(Object value) {
        if (!(value instanceof RList sd) || sd.names() == null || !(named(sd, "state") instanceof RList state)
                || !(named(sd, "param_groups") instanceof RList groups)) {
            throw TorchException.value("expected an optimizer state dict: a list with 'state' and 'param_groups'");
        }
        Map<Integer, Object> packedState = new LinkedHashMap<>();
        for (int i = 0; i < state.length(); i++) {
            packedState.put(Integer.parseInt(state.names().get(i)), namedMap((RList) state.get(i)));
        }
        List<Object> packedGroups = new ArrayList<>();
        for (Object g : groups.data()) {
            Map<String, Object> group = namedMap((RList) g);
            Object params = group.get("params");
            group.put("params", params instanceof List<?> ? params : List.of(params));
            packedGroups.add(group);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", packedState);
        out.put("param_groups", packedGroups);
        return out;
    }

    private static Object named(RList list, String name) {
        int i = java.util.Arrays.asList(list.names().data()).indexOf(name);
        return i < 0 ? null : list.get(i);
    }

    private static Map<String, Object> namedMap(RList list) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < list.length(); i++) {
            Object v = list.get(i);
            out.put(list.names().get(i), v instanceof RList inner && inner.names() == null
                    ? Values.toJava(inner) : Values.toJava(v));
        }
        return out;
    }

    /** {@code optimizer$param_groups[[1]]$lr <- 0.01} arrives as the whole modified list. */
    private static void setParamGroups(Optimizer opt, Object value, RCall call) {
        if (!(value instanceof RList groups) || groups.length() != opt.paramGroups().size()) {
            throw call.error("param_groups can only be modified in place, one group per existing group");
        }
        for (int i = 0; i < groups.length(); i++) {
            RList group = (RList) groups.get(i);
            RString names = group.names();
            ParamGroup target = opt.paramGroups().get(i);
            for (int k = 0; k < group.length(); k++) {
                String key = names.get(k);
                if (!key.equals("params")) {
                    target.set(key, Values.toJava(group.get(k)));
                }
            }
        }
    }

    private static RBuiltin function(String name, String[] formals, org.torchglot.lang.r.RBuiltinBody body) {
        return new RBuiltin(name, formals, false, body);
    }
}
