package org.torchglot.lang.r.runtime;

import java.util.Set;

import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.RClassHandler;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

/**
 * Simple S3-style dispatch on the class attribute: for each class of the dispatching argument, an R function named
 * {@code generic.class} is tried first, then a registered Java {@link RClassHandler}.
 */
public final class Dispatch {
    private static final Set<String> INTERNAL_GENERICS = Set.of("print", "format", "length", "dim", "names", "as.numeric",
                    "as.double", "as.integer", "as.logical", "as.character", "as.vector", "as.array", "as.matrix", "as.list",
                    "sum", "mean", "max", "min", "abs", "sqrt", "exp", "log", "round", "t", "str", "head", "tail", "rev",
                    "toString", "summary", "c", "unique", "seq_along", "all.equal", ".DollarNames");

    private Dispatch() {
    }

    public static boolean isInternalGeneric(String name) {
        return INTERNAL_GENERICS.contains(name);
    }

    public static boolean isClassed(Object v) {
        return v instanceof RAttributable a && a.getAttr("class") != null;
    }

    /**
     * Tries the methods for {@code generic}; the dispatching argument is the first (for operators, the first classed
     * of the two). Returns {@link RClassHandler#NOT_HANDLED} when no method applies.
     */
    @TruffleBoundary
    public static Object tryDispatch(String generic, Object[] args, String[] names, REnvironment env, REnvironment.CallSite site, Node location, boolean operator) {
        Object target = null;
        int limit = operator ? Math.min(2, args.length) : Math.min(1, args.length);
        for (int i = 0; i < limit; i++) {
            Object a = RPromise.forceValue(args[i]);
            if (isClassed(a)) {
                target = a;
                break;
            }
        }
        if (target == null) {
            return RClassHandler.NOT_HANDLED;
        }
        RContext ctx = RContext.get(null);
        String[] ns = names == null ? new String[args.length] : names;
        for (String cls : ((RAttributable) target).classAttr().data()) {
            Object method = env == null ? null : RPromise.forceValue(env.lookup(generic + "." + cls));
            if (method == null && operator) {
                method = env == null ? null : RPromise.forceValue(env.lookup("Ops." + cls));
            }
            if (method instanceof RFunction f) {
                REnvironment caller = env;
                return RCaller.invoke(f, args, ns, caller, site, location);
            }
            RClassHandler h = ctx.classHandler(cls);
            if (h != null) {
                Object[] forced = new Object[args.length];
                for (int i = 0; i < args.length; i++) {
                    forced[i] = RPromise.forceValue(args[i]);
                }
                Object r = h.dispatch(generic, new RCall(ctx, env, site, location), forced, ns);
                if (r != RClassHandler.NOT_HANDLED) {
                    return r;
                }
            }
        }
        return RClassHandler.NOT_HANDLED;
    }
}
