package org.torchglot.lang.r.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.RClassHandler;
import org.torchglot.lang.r.nodes.RCallNode;
import org.torchglot.lang.r.nodes.RConstantNode;
import org.torchglot.lang.r.nodes.RFunctionRootNode;
import org.torchglot.lang.r.nodes.RNode;
import org.torchglot.lang.r.nodes.ROperatorNodes;
import org.torchglot.lang.r.nodes.RSymbolNode;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.nodes.Node;

/** Calls R functions: builds promises, matches arguments, creates the call environment, and dispatches by kind. */
public final class RCaller {
    private RCaller() {
    }

    /** Arguments after {@code ...} expansion. */
    public record Evaluated(Object[] values, String[] names) {
    }

    /** Promises for the arguments of a call node; constants are passed as values, {@code ...} is spliced in. */
    public static Evaluated promiseArgs(RNode[] args, String[] names, REnvironment env, boolean force) {
        return promiseArgs(args, names, env, force, null);
    }

    private static Evaluated promiseArgs(RNode[] args, String[] names, REnvironment env, boolean force,
                    RClassHandler ranges) {
        List<Object> values = new ArrayList<>(args.length);
        List<String> ns = new ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) {
            RNode a = args[i];
            if (a instanceof RSymbolNode s && s.name().equals("...")) {
                Object d = env.lookup("...");
                if (d instanceof RDots dots) {
                    for (int k = 0; k < dots.length(); k++) {
                        values.add(force ? RPromise.forceValue(dots.values()[k]) : dots.values()[k]);
                        ns.add(dots.names()[k]);
                    }
                    continue;
                }
                if (d == null) {
                    throw new RErrorSignal("'...' used in an incorrect context");
                }
            }
            Object v;
            if (a == null) {
                v = RMissing.INSTANCE;
            } else if (a instanceof RConstantNode c) {
                v = c.value();
            } else if (force && ranges != null && a instanceof ROperatorNodes.Binary b && b.op().equals(":")) {
                v = indexRange(ranges, b, env);
            } else if (force) {
                v = a.execute(env);
            } else {
                v = new RPromise(a, env, false);
            }
            values.add(v);
            ns.add(names[i]);
        }
        return new Evaluated(values.toArray(), ns.toArray(new String[0]));
    }

    /** Evaluates arguments eagerly (for indexing), empty ones as {@link RMissing}. */
    public static Evaluated evaluateArgs(RNode[] args, String[] names, REnvironment env) {
        return promiseArgs(args, names, env, true);
    }

    /**
     * Evaluates the index arguments of {@code x[...]}: in {@code env}, or when a class handler of {@code x} gives an
     * {@link RClassHandler#indexMask() index mask}, in a child of {@code env} holding the mask's values, with ranges
     * {@code a:b} (and {@code a:b:c}) written as arguments given to the handler's {@link RClassHandler#indexRange}.
     */
    @TruffleBoundary
    public static Evaluated evaluateIndexArgs(Object x, RNode[] args, String[] names, REnvironment env) {
        if (x instanceof RAttributable a && a.classAttr() != null) {
            RContext ctx = RContext.get(null);
            for (String cls : a.classAttr().data()) {
                RClassHandler h = ctx.classHandler(cls);
                Map<String, Object> mask = h == null ? Map.of() : h.indexMask();
                if (!mask.isEmpty()) {
                    REnvironment masked = new REnvironment(env, null);
                    mask.forEach(masked::put);
                    return promiseArgs(args, names, masked, true, h);
                }
            }
        }
        return evaluateArgs(args, names, env);
    }

    private static Object indexRange(RClassHandler h, ROperatorNodes.Binary range, REnvironment env) {
        Object from = range.left() instanceof ROperatorNodes.Binary inner && inner.op().equals(":")
                        ? indexRange(h, inner, env)
                        : range.left().execute(env);
        Object to = range.right().execute(env);
        Object out = h.indexRange(from, to);
        return out != null ? out : Ops.binary(":", from, to, env, range);
    }

    /** Entry point of a call node. */
    public static Object callFromNode(Object f, RCallNode node, REnvironment env) {
        Evaluated sup;
        try {
            sup = promiseArgs(node.args(), node.names(), env, false);
        } catch (RErrorSignal s) {
            throw new RError(s.getMessage(), node.deparse(), node);
        }
        return invoke(f, sup.values(), sup.names(), env, node, node);
    }

    /** Calls {@code `fn`(target, args..., value = value)} for replacement forms ({@code value} null for the getter). */
    public static Object callByName(String fn, Object target, RNode[] args, String[] names, Object value, REnvironment env, REnvironment.CallSite site) {
        Object f = env.lookup(fn);
        f = RPromise.forceValue(f);
        if (!(f instanceof RFunction)) {
            throw new RErrorSignal("could not find function \"" + fn + "\"");
        }
        Evaluated a = evaluateArgs(args, names, env);
        int n = a.values().length + 1 + (value == null ? 0 : 1);
        Object[] vals = new Object[n];
        String[] ns = new String[n];
        vals[0] = target;
        System.arraycopy(a.values(), 0, vals, 1, a.values().length);
        System.arraycopy(a.names(), 0, ns, 1, a.values().length);
        if (value != null) {
            vals[n - 1] = value;
            ns[n - 1] = "value";
        }
        return invoke(f, vals, ns, env, site, site instanceof Node nd ? nd : null);
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
        RFunctionRootNode root = c.root();
        String[] formals = root.formals();
        Object[] matched;
        try {
            matched = ArgMatcher.match(formals, values, names);
        } catch (RErrorSignal s) {
            throw error(s.getMessage(), site, location);
        }
        REnvironment fenv = REnvironment.forCall(c, site, callerEnv);
        fenv.setNargs(values.length);
        for (int i = 0; i < formals.length; i++) {
            Object m = matched[i];
            if (formals[i].equals("...")) {
                fenv.put("...", m == null ? RDots.EMPTY : m);
            } else if (m != null && m != RMissing.INSTANCE) {
                fenv.put(formals[i], m);
            } else if (root.defaultOf(i) != null) {
                fenv.put(formals[i], new RPromise(root.defaultOf(i), fenv, true));
            } else {
                fenv.put(formals[i], RMissing.INSTANCE);
            }
        }
        return c.callTarget().call(location, fenv);
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
