package org.torchglot.lang.r.nodes;

import org.torchglot.lang.r.runtime.RClosure;
import org.torchglot.lang.r.runtime.REnvironment;

import com.oracle.truffle.api.RootCallTarget;

/** A {@code function(...) body} literal: evaluates to a closure over the current environment. */
public final class RFunctionNode extends RNode {
    private final RootCallTarget callTarget;

    public RFunctionNode(RootCallTarget callTarget) {
        this.callTarget = callTarget;
    }

    @Override
    public Object execute(REnvironment env) {
        setVisible(true);
        return new RClosure(callTarget, env);
    }
}
