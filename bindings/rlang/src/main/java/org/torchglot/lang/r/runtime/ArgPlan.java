package org.torchglot.lang.r.runtime;

import java.util.Arrays;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/**
 * How one call's supplied arguments reach one function's formals. Matching depends only on the supplied names (and
 * their count) and the formals, never on the values, so a call site whose names are fixed (no {@code ...} among its
 * arguments) matches once per callee and reuses the plan for every call.
 */
public final class ArgPlan {
    private static final int NONE = -1;

    /** Per formal: the index of the supplied argument it gets, or {@link #NONE}; unused at {@link #dots}. */
    private final int[] source;
    private final int dots;
    /** The supplied arguments that {@code ...} collects, in order, with their names. */
    private final int[] dotsSource;
    private final String[] dotsNames;

    private ArgPlan(int[] source, int dots, int[] dotsSource, String[] dotsNames) {
        this.source = source;
        this.dots = dots;
        this.dotsSource = dotsSource;
        this.dotsNames = dotsNames;
    }

    /**
     * Matches {@code supplied} names (null or "" for positional arguments) to {@code formals} with R's rules
     * ({@link ArgMatcher}); throws an {@link RErrorSignal} where R reports a matching error.
     */
    @TruffleBoundary
    public static ArgPlan of(String[] formals, String[] supplied) {
        Object[] positions = new Object[supplied.length];
        for (int j = 0; j < positions.length; j++) {
            positions[j] = j;
        }
        Object[] matched = ArgMatcher.match(formals, positions, supplied);
        int[] source = new int[formals.length];
        int dots = NONE;
        int[] dotsSource = new int[0];
        String[] dotsNames = new String[0];
        for (int i = 0; i < formals.length; i++) {
            if (matched[i] instanceof RDots d) {
                dots = i;
                dotsSource = Arrays.stream(d.values()).mapToInt(v -> (Integer) v).toArray();
                dotsNames = d.names();
            } else {
                source[i] = matched[i] == null ? NONE : (Integer) matched[i];
            }
        }
        return new ArgPlan(source, dots, dotsSource, dotsNames);
    }

    /**
     * A plan for a call whose matching fails: R's error message, which quotes the supplied expressions, thrown as an
     * {@link RErrorSignal}; otherwise the plan.
     */
    public static ArgPlan ofOrThrow(String[] formals, Object[] values, String[] supplied) {
        try {
            return of(formals, supplied);
        } catch (RErrorSignal s) {
            ArgMatcher.match(formals, values, supplied);
            throw s;
        }
    }

    /**
     * The environment of a call to {@code c}: each formal bound to its supplied promise or value, to a promise of its
     * default when missing, or to {@link RMissing}; {@code ...} to the rest.
     */
    @TruffleBoundary
    public REnvironment bind(RClosure c, Object[] values, REnvironment callerEnv, REnvironment.CallSite site) {
        RClosureBody root = c.root();
        String[] formals = root.formals();
        REnvironment fenv = REnvironment.forCall(c, site, callerEnv);
        fenv.setNargs(values.length);
        for (int i = 0; i < formals.length; i++) {
            if (i == dots) {
                fenv.put("...", dotsSource.length == 0 ? RDots.EMPTY : dots(values));
                continue;
            }
            Object m = source[i] == NONE ? null : values[source[i]];
            if (m != null && m != RMissing.INSTANCE) {
                fenv.put(formals[i], m);
            } else if (root.defaultOf(i) != null) {
                fenv.put(formals[i], new RPromise(root.defaultOf(i), fenv, true));
            } else {
                fenv.put(formals[i], RMissing.INSTANCE);
            }
        }
        return fenv;
    }

    private RDots dots(Object[] values) {
        Object[] vs = new Object[dotsSource.length];
        for (int k = 0; k < vs.length; k++) {
            vs[k] = values[dotsSource[k]];
        }
        return new RDots(vs, dotsNames.clone());
    }
}
