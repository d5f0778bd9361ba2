package org.torchglot.lang.r.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.torchglot.lang.r.RClassHandler;
import org.torchglot.lang.r.runtime.Ops;
import org.torchglot.lang.r.runtime.RAttributable;
import org.torchglot.lang.r.runtime.RCaller;
import org.torchglot.lang.r.runtime.RContext;
import org.torchglot.lang.r.runtime.RDots;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RError;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RFunction;
import org.torchglot.lang.r.runtime.RMissing;
import org.torchglot.lang.r.runtime.RPromise;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.nodes.Node;

/**
 * Builds a call's arguments from its argument nodes: promises for a closure, values for indexing,
 * constants passed as they are and {@code ...} spliced in; then hands them to {@link RCaller}.
 */
public final class RArguments {
    private RArguments() {
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

    /** Calls {@code f} with the arguments of a call node, as promises. */
    public static Object call(Object f, RCallNode node, REnvironment env) {
        Evaluated sup;
        try {
            sup = promiseArgs(node.args(), node.names(), env, false);
        } catch (RErrorSignal s) {
            throw new RError(s.getMessage(), node.deparse(), node);
        }
        return RCaller.invoke(f, sup.values(), sup.names(), env, node, node);
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
        return RCaller.invoke(f, vals, ns, env, site, site instanceof Node nd ? nd : null);
    }
}
