package org.torchglot.lang.r.nodes;

import org.torchglot.lang.r.runtime.RDots;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RError;
import org.torchglot.lang.r.runtime.RPromise;

/** {@code ..1}, {@code ..2}: the n-th element of {@code ...}. */
public final class RDotDotNode extends RNode {
    private final int index;

    public RDotDotNode(int index) {
        this.index = index;
    }

    @Override
    public Object execute(REnvironment env) {
        Object d = env.lookup("...");
        if (!(d instanceof RDots dots) || dots.length() < index) {
            throw new RError("the ... list does not contain " + index + " elements", env.frameCallText(), this);
        }
        setVisible(true);
        return RPromise.forceValue(dots.values()[index - 1]);
    }

    @Override
    public void deparse(StringBuilder sb) {
        sb.append("..").append(index);
    }
}
