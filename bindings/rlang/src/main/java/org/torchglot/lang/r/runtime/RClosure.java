package org.torchglot.lang.r.runtime;

import com.oracle.truffle.api.RootCallTarget;

/** A function written in R: its compiled body (shared by all closures of one {@code function} literal) and its enclosing environment. */
public final class RClosure extends RFunction {
    private final RootCallTarget callTarget;
    private final REnvironment env;
    private String name = "function";

    public RClosure(RootCallTarget callTarget, REnvironment env) {
        this.callTarget = callTarget;
        this.env = env;
    }

    public RootCallTarget callTarget() {
        return callTarget;
    }

    public RClosureBody root() {
        return (RClosureBody) callTarget.getRootNode();
    }

    public REnvironment env() {
        return env;
    }

    /** The same function with another enclosing environment ({@code environment(f) <- e}). */
    public RClosure withEnv(REnvironment newEnv) {
        RClosure c = new RClosure(callTarget, newEnv);
        c.copyAttributesFrom(this);
        c.name = name;
        return c;
    }

    public void setNameIfAnonymous(String n) {
        if ("function".equals(name)) {
            name = n;
        }
    }

    @Override
    public String name() {
        return name;
    }
}
