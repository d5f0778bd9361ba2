package org.torchglot.lang.r.runtime;

import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.RClassHandler;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.nodes.Node;

/**
 * Calls R functions: matches arguments, creates the call environment, and dispatches by kind. A call
 * node builds the supplied promises (RArguments, beside the call nodes).
 */
public final class RCaller {
    private RCaller() {
    }

    /** Calls a function with already evaluated arguments (from builtins such as lapply, or from other languages). */
    public static Object call(RFunction f, Object[] args, String[] names, REnvironment callerEnv, REnvironment.CallSite site) {
        return invoke(f, args, names, callerEnv, site, site instanceof Node n ? n : null);
    }

    /** Calls any callable value; supplied values may be promises, plain values or {@link RMissing}. */
    @TruffleBoundary
    public static Object invoke(Object f, Object[] values, String[] names, REnvironment callerEnv, REnvironment.CallSite site, Node location) {
        if (f instanceof RClosure c) {
            return invokeClosure(c, values, names, callerEnv, site, location);
        }
        if (f instanceof RBuiltin b) {
            return invokeBuiltin(b, values, names, callerEnv, site, location);
        }
        RContext ctx = RContext.get(null);
        Object[] forced = forceAll(values);
        if (f instanceof RAttributable a && a.classAttr() != null) {
            for (String cls : a.classAttr().data()) {
                RClassHandler h = ctx.classHandler(cls);
                if (h != null && h.isCallable(f)) {
                    Object[] args = new Object[forced.length + 1];
                    String[] ns = new String[forced.length + 1];
                    args[0] = f;
                    System.arraycopy(forced, 0, args, 1, forced.length);
                    System.arraycopy(names, 0, ns, 1, forced.length);
                    Object r = h.dispatch("(", new RCall(ctx, callerEnv, site, location), args, ns);
                    if (r != RClassHandler.NOT_HANDLED) {
                        return r;
                    }
                }
            }
        }
        if (f != null && !(f instanceof RAttributable) && !(f instanceof RNull) && InteropLibrary.getUncached().isExecutable(f)) {
            try {
                return ForeignValues.toR(InteropLibrary.getUncached().execute(f, forced));
            } catch (InteropException e) {
                throw error("foreign call failed: " + e.getMessage(), site, location);
            }
        }
        throw error("attempt to apply non-function", site, location);
    }

    private static RError error(String msg, REnvironment.CallSite site, Node location) {
        return new RError(msg, site == null ? null : site.callText(), location);
    }

    private static Object[] forceAll(Object[] values) {
        Object[] r = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            r[i] = RPromise.forceValue(values[i]);
        }
        return r;
    }

    private static Object invokeClosure(RClosure c, Object[] values, String[] names, REnvironment callerEnv, REnvironment.CallSite site, Node location) {
        return c.callTarget().call(location, closureFrame(c, values, names, callerEnv, site, location));
    }

    /** The environment of a call to {@code c}, its arguments matched for this call alone. */
    @TruffleBoundary
    public static REnvironment closureFrame(RClosure c, Object[] values, String[] names, REnvironment callerEnv, REnvironment.CallSite site, Node location) {
        ArgPlan plan;
        try {
            plan = ArgPlan.ofOrThrow(c.root().formals(), values, names);
        } catch (RErrorSignal s) {
            throw error(s.getMessage(), site, location);
        }
        return plan.bind(c, values, callerEnv, site);
    }

    private static Object invokeBuiltin(RBuiltin b, Object[] values, String[] names, REnvironment callerEnv, REnvironment.CallSite site, Node location) {
        RContext ctx = RContext.get(null);
        Object saved = ctx.enterCall(site);
        try {
            Object[] supplied = b.isLazy() ? values : forceAll(values);
            Object[] matched = ArgMatcher.match(b.formals(), supplied, names);
            String[] formals = b.formals();
            for (int i = 0; i < matched.length; i++) {
                if (matched[i] == null) {
                    matched[i] = RMissing.INSTANCE;
                } else if (!b.isLazy() && formals[i].equals("...")) {
                    matched[i] = dotsToList((RDots) matched[i]);
                }
            }
            RCall call = new RCall(ctx, callerEnv, site, location);
            if (!b.isLazy() && matched.length > 0 && Dispatch.isInternalGeneric(b.name())) {
                Object first = matched[0];
                if (first instanceof RList l && formals[0].equals("...") && l.length() > 0) {
                    first = l.get(0);
                }
                if (Dispatch.isClassed(first)) {
                    Object r = Dispatch.tryDispatch(b.name(), supplied, names, callerEnv, site, location, false);
                    if (r != RClassHandler.NOT_HANDLED) {
                        return r;
                    }
                }
            }
            ctx.setVisible(true);
            return b.body().call(call, matched);
        } catch (RErrorSignal s) {
            throw error(s.getMessage(), s.withCall() ? site : null, location);
        } finally {
            ctx.exitCall(saved);
        }
    }

    /** The forced {@code ...} arguments as a list, named where any is named. */
    public static RList dotsToList(RDots d) {
        Object[] vals = new Object[d.length()];
        boolean named = false;
        for (int i = 0; i < vals.length; i++) {
            vals[i] = RPromise.forceValue(d.values()[i]);
            named |= d.names()[i] != null && !d.names()[i].isEmpty();
        }
        RList l = new RList(vals);
        if (named) {
            String[] ns = new String[vals.length];
            for (int i = 0; i < ns.length; i++) {
                ns[i] = d.names()[i] == null ? "" : d.names()[i];
            }
            l.setAttr("names", new RString(ns));
        }
        return l;
    }
}
