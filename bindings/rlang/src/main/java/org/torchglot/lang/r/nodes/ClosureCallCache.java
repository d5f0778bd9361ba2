package org.torchglot.lang.r.nodes;

import org.torchglot.lang.r.runtime.ArgPlan;
import org.torchglot.lang.r.runtime.RCaller;
import org.torchglot.lang.r.runtime.RClosure;
import org.torchglot.lang.r.runtime.RClosureBody;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RError;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RMissing;
import org.torchglot.lang.r.runtime.RPromise;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.CompilationFinal;
import com.oracle.truffle.api.RootCallTarget;
import com.oracle.truffle.api.nodes.DirectCallNode;
import com.oracle.truffle.api.nodes.ExplodeLoop;
import com.oracle.truffle.api.nodes.IndirectCallNode;
import com.oracle.truffle.api.nodes.Node;

/**
 * A call site's calls to R closures: an inline cache on the callee's body (its call target, shared by every closure
 * of one {@code function} literal and by every context of an engine), called through a {@link DirectCallNode} so the
 * compiler can inline it, with the site's argument matching to that body computed once. Other bodies go through an
 * {@link IndirectCallNode} and match per call.
 */
final class ClosureCallCache extends Node {
    /** Whether the site has a {@code ...} argument, whose names change from call to call. */
    private final boolean spliceDots;
    /** The matching of the site's fixed names to the cached body's formals; null when it fails or is per call. */
    @CompilationFinal private ArgPlan cachedPlan;
    /** Set once a second body reached the site: from then on other bodies are called indirectly. */
    @CompilationFinal private boolean uncacheable;
    /** Calls the cached body, the one this site saw first; its call target is the cache key. */
    @Child private DirectCallNode direct;
    @Child private IndirectCallNode indirect;

    ClosureCallCache(RNode[] args) {
        boolean dots = false;
        for (RNode a : args) {
            dots |= a instanceof RSymbolNode s && s.name().equals("...");
        }
        this.spliceDots = dots;
    }

    Object call(RClosure c, RCallNode site, REnvironment env) {
        RootCallTarget target = c.callTarget();
        DirectCallNode cached = direct;
        if (!uncacheable && (cached == null || cached.getCallTarget() != target)) {
            CompilerDirectives.transferToInterpreterAndInvalidate();
            specialize(target, site);
            cached = direct;
        }
        Object[] values;
        String[] names;
        if (spliceDots) {
            RArguments.Evaluated e;
            try {
                e = RArguments.promiseArgs(site.args(), site.names(), env, false);
            } catch (RErrorSignal s) {
                CompilerDirectives.transferToInterpreter();
                throw new RError(s.getMessage(), site.deparse(), site);
            }
            values = e.values();
            names = e.names();
        } else {
            values = promises(site.args(), env);
            names = site.names();
        }
        try {
            if (cached != null && cached.getCallTarget() == target) {
                ArgPlan plan = cachedPlan;
                REnvironment fenv = plan != null
                                ? plan.bind(c, values, env, site)
                                : RCaller.closureFrame(c, values, names, env, site, site);
                return cached.call(fenv);
            }
            return indirect.call(target, RCaller.closureFrame(c, values, names, env, site, site));
        } catch (StackOverflowError e) {
            CompilerDirectives.transferToInterpreter();
            throw RError.nestedTooDeeply(site);
        }
    }

    /**
     * The first body seen becomes the cached one (its plan written before its call node, so a thread that sees the
     * call node sees the plan); any other makes the site call other bodies indirectly. A site outside any root (a
     * call node built to run once) calls indirectly.
     */
    private void specialize(RootCallTarget target, RCallNode site) {
        atomic(() -> {
            if (indirect == null) {
                indirect = insert(IndirectCallNode.create());
            }
            if (direct == null && getRootNode() != null) {
                cachedPlan = spliceDots ? null : planOrNull(target, site.names());
                direct = insert(DirectCallNode.create(target));
            } else if (direct == null || direct.getCallTarget() != target) {
                uncacheable = true;
            }
        });
    }

    private static ArgPlan planOrNull(RootCallTarget target, String[] names) {
        try {
            return ArgPlan.of(((RClosureBody) target.getRootNode()).formals(), names);
        } catch (RErrorSignal s) {
            // NOTE: no plan: each call matches again and reports R's error, which quotes the arguments.
            return null;
        }
    }

    /** The supplied arguments of a site without {@code ...}: promises, constants as they are, empty ones missing. */
    @ExplodeLoop
    private static Object[] promises(RNode[] args, REnvironment env) {
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            RNode a = args[i];
            if (a == null) {
                values[i] = RMissing.INSTANCE;
            } else if (a instanceof RConstantNode k) {
                values[i] = k.value();
            } else {
                values[i] = new RPromise(a, env, false);
            }
        }
        return values;
    }
}
