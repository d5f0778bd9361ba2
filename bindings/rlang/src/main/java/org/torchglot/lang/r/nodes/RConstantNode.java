package org.torchglot.lang.r.nodes;

import org.torchglot.lang.r.runtime.REnvironment;

/** A literal. Constant vectors are shared, so every operation that modifies a vector copies it first. */
public final class RConstantNode extends RNode {
    private final Object value;
    private final String deparsed;

    public RConstantNode(Object value, String deparsed) {
        this.value = value;
        this.deparsed = deparsed;
    }

    public Object value() {
        return value;
    }

    @Override
    public Object execute(REnvironment env) {
        setVisible(true);
        return value;
    }

    @Override
    public void deparse(StringBuilder sb) {
        sb.append(deparsed);
    }
}
