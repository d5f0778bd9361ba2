package org.torchglot.lang.r.nodes;

import org.torchglot.lang.r.runtime.Deparse;
import org.torchglot.lang.r.runtime.RClosure;
import org.torchglot.lang.r.runtime.REnvironment;

/** {@code name <- value} (local) or {@code name <<- value} (the nearest enclosing binding, else global). */
public final class RAssignNode extends RNode {
    private final String name;
    private final boolean superAssign;
    @Child private RNode value;

    public RAssignNode(String name, RNode value, boolean superAssign) {
        this.name = name;
        this.value = value;
        this.superAssign = superAssign;
    }

    @Override
    public Object execute(REnvironment env) {
        Object v = value.execute(env);
        assign(env, name, v, superAssign, ctx().globalEnv());
        if (v instanceof RClosure c) {
            c.setNameIfAnonymous(name);
        }
        setVisible(false);
        return v;
    }

    /** Binds {@code name} in {@code env}, or for {@code <<-} in the first parent that has it (else the global env). */
    public static void assign(REnvironment env, String name, Object v, boolean superAssign, REnvironment global) {
        if (!superAssign) {
            env.put(name, v);
            return;
        }
        REnvironment target = env.parent() == null ? null : env.parent().whereDefined(name);
        (target == null ? global : target).put(name, v);
    }

    @Override
    public void deparse(StringBuilder sb) {
        sb.append(Deparse.symbol(name)).append(superAssign ? " <<- " : " <- ");
        value.deparse(sb);
    }
}
