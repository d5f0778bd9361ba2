package org.torchglot.lang.r.runtime;

import org.torchglot.lang.r.RBuiltinBody;

/**
 * A function implemented in Java. Its formals drive R's argument matching; an eager builtin receives forced values
 * (a {@code ...} formal as a named {@link RList}), a lazy one receives {@link RPromise}s (and {@link RDots}).
 */
public final class RBuiltin extends RFunction {
    private final String name;
    private final String[] formals;
    private final boolean lazy;
    private final RBuiltinBody body;

    public RBuiltin(String name, String[] formals, boolean lazy, RBuiltinBody body) {
        this.name = name;
        this.formals = formals;
        this.lazy = lazy;
        this.body = body;
    }

    @Override
    public String name() {
        return name;
    }

    public String[] formals() {
        return formals;
    }

    public boolean isLazy() {
        return lazy;
    }

    public RBuiltinBody body() {
        return body;
    }
}
