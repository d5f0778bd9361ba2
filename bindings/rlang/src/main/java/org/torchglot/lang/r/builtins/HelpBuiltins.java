package org.torchglot.lang.r.builtins;

import org.torchglot.engine.api.RNames;
import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.nodes.RSymbolNode;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RPromise;
import org.torchglot.lang.r.runtime.RValues;

/**
 * {@code help(nn_linear)}, {@code help("nn_linear")} and {@code ?nn_linear}: R torch's usage, summary and
 * arguments of a torch function, from the op tables' R names ({@link RNames}), printed the same in the REPL
 * and in scripts.
 */
final class HelpBuiltins {
    private HelpBuiltins() {
    }

    static void install(BuiltinTable t) {
        t.lazy("help", "topic, package", (c, a) -> help(c, a[0]));
        t.lazy("?", "e1, e2", (c, a) -> help(c, a[0]));
    }

    private static Object help(RCall c, Object topicArg) {
        if (Arg.missing(topicArg)) {
            c.print("help(topic) shows a torch function's usage and arguments, e.g. help(nn_linear) or ?torch_matmul\n");
        } else {
            String topic = topic(topicArg);
            c.print(RNames.help(topic).orElse("No documentation for '" + topic
                    + "': help covers torch's functions (nn_linear, torch_matmul, optim_sgd, ...)\n"));
        }
        c.setInvisible();
        return RNull.INSTANCE;
    }

    /** The topic as R takes it: a bare name is not evaluated ({@code help(nn_linear)}), anything else is. */
    private static String topic(Object arg) {
        if (arg instanceof RPromise p && p.expr() instanceof RSymbolNode symbol) {
            return symbol.name();
        }
        return RValues.asString(RPromise.forceValue(arg));
    }
}
