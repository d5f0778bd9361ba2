package org.torchglot.lang.r.nodes;

import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RNull;

import com.oracle.truffle.api.nodes.ExplodeLoop;

/** {@code { a; b; c }}: evaluates in order, yielding the last value ({@code NULL} when empty). */
public final class RBlockNode extends RNode {
    @Children private final RNode[] statements;

    public RBlockNode(RNode[] statements) {
        this.statements = statements;
    }

    @Override
    @ExplodeLoop
    public Object execute(REnvironment env) {
        Object last = RNull.INSTANCE;
        setVisible(true);
        for (RNode s : statements) {
            last = s.execute(env);
        }
        return last;
    }

    @Override
    public void deparse(StringBuilder sb) {
        sb.append("{\n");
        for (RNode s : statements) {
            sb.append("    ");
            s.deparse(sb);
            sb.append('\n');
        }
        sb.append('}');
    }
}
