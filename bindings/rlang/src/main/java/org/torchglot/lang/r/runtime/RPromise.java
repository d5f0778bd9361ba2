package org.torchglot.lang.r.runtime;

/** A lazily evaluated argument: an expression and the environment to evaluate it in, forced at most once. */
public final class RPromise {
    private final RCode expr;
    private REnvironment env;
    private Object value;
    private boolean forcing;
    private final boolean isDefault;

    public RPromise(RCode expr, REnvironment env, boolean isDefault) {
        this.expr = expr;
        this.env = env;
        this.isDefault = isDefault;
    }

    /** A promise that is already evaluated (arguments from {@code do.call} or other languages). */
    public static RPromise evaluated(Object value) {
        RPromise p = new RPromise(null, null, false);
        p.value = value;
        return p;
    }

    public RCode expr() {
        return expr;
    }

    public REnvironment env() {
        return env;
    }

    /** True for a default argument, i.e. {@code missing()} of its formal is TRUE. */
    public boolean isDefault() {
        return isDefault;
    }

    public boolean isForced() {
        return value != null;
    }

    public Object force() {
        if (value == null) {
            if (forcing) {
                throw new RErrorSignal("promise already under evaluation: recursive default argument reference or earlier problems?");
            }
            forcing = true;
            try {
                value = expr.execute(env);
            } finally {
                forcing = false;
            }
            env = null;
        }
        return value;
    }

    /** Forces {@code v} if it is a promise. */
    public static Object forceValue(Object v) {
        return v instanceof RPromise p ? p.force() : v;
    }
}
