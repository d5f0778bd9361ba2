package org.torchglot.lang.r.torch;

import java.util.Arrays;
import java.util.List;

import org.torchglot.engine.nn.Module;
import org.torchglot.engine.tensor.TorchException;
import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.RClassHandler;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RValues;

/** R semantics of modules ({@code nn_module}), their generators and {@code super}: members, calls, printing. */
final class ModuleHandler implements RClassHandler {
    static final String MODULE_CLASS = "nn_module";
    static final String GENERATOR_CLASS = "nn_module_generator";
    static final String SUPER_CLASS = "nn_module_super";

    @Override
    public boolean isCallable(Object self) {
        return OpCalls.host(self, RModule.class) != null || OpCalls.host(self, ModuleClass.class) != null;
    }

    @Override
    public Object dispatch(String generic, RCall call, Object[] args, String[] names) {
        return OpCalls.guard(call, () -> dispatchModule(generic, call, args, names));
    }

    private Object dispatchModule(String generic, RCall call, Object[] args, String[] names) {
        RModule.SuperRef sup = OpCalls.host(args[0], RModule.SuperRef.class);
        if (sup != null) {
            return generic.equals("$") ? sup.dollar(RValues.asString(args[1])) : NOT_HANDLED;
        }
        ModuleClass cls = OpCalls.host(args[0], ModuleClass.class);
        if (cls != null) {
            return switch (generic) {
                case "(" -> RModule.instantiate(cls, tail(args), tail(names, args.length), call);
                case "print" -> {
                    call.print("<" + cls.displayName() + "> object generator\n");
                    call.setInvisible();
                    yield args[0];
                }
                default -> NOT_HANDLED;
            };
        }
        RModule self = OpCalls.host(args[0], RModule.class);
        if (self == null) {
            return NOT_HANDLED;
        }
        switch (generic) {
            case "$":
                return self.dollar(RValues.asString(args[1]));
            case "$<-", "[[<-":
                self.assign(RValues.asString(args[1]), args[args.length - 1]);
                return args[0];
            case "[[":
                return element(self, args[1]);
            case "(":
                return self.call(tail(args), tail(names, args.length), call);
            case "print":
                call.print(ModulePrinter.print(self));
                call.setInvisible();
                return args[0];
            case "length":
                return RInt.of(self.module().namedChildren().size());
            case "names":
                return new RString(self.module().namedChildren().keySet().toArray(new String[0]));
            case ".DollarNames":
                return RValues.dollarNames(self.memberNames(), args.length > 1 ? args[1] : null);
            default:
                return NOT_HANDLED;
        }
    }

    /** {@code model[[i]]}: the i-th submodule (1-based); {@code model[["name"]]} as {@code $}. */
    private static Object element(RModule self, Object index) {
        if (index instanceof RString s) {
            return self.dollar(s.get(0));
        }
        List<Module> children = List.copyOf(self.module().namedChildren().values());
        int i = RValues.asInt(index);
        if (i < 1 || i > children.size()) {
            throw TorchException.index("subscript out of bounds");
        }
        return RModule.of(children.get(i - 1)).external();
    }

    private static Object[] tail(Object[] args) {
        return Arrays.copyOfRange(args, 1, args.length);
    }

    private static String[] tail(String[] names, int n) {
        return names == null ? new String[n - 1] : Arrays.copyOfRange(names, 1, n);
    }
}
