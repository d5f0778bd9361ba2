package org.torchglot.lang.r.nodes;

import org.torchglot.lang.r.runtime.REnvironment;

/** {@code (expr)}: evaluates and makes the result visible ({@code (x <- 5)} prints). */
public final class RParenNode extends RNode {
    @Child private RNode inner;

    public RParenNode(RNode inner) {
        this.inner = inner;
    }

    @Override
    public Object execute(REnvironment env) {
        Object v = inner.execute(env);
        setVisible(true);
        return v;
    }

    @Override
    public void deparse(StringBuilder sb) {
        sb.append('(');
        inner.deparse(sb);
        sb.append(')');
    }
}
