package org.torchglot.lang.r.nodes;

import org.torchglot.lang.r.runtime.Deparse;
import org.torchglot.lang.r.runtime.RClosure;
import org.torchglot.lang.r.runtime.REnvironment;

/** A call {@code f(a, name = b, ...)}: looks up the function, wraps arguments in promises, and calls. */
public final class RCallNode extends RNode implements REnvironment.CallSite {
    @Child private RNode fn;
    @Children private final RNode[] args;
    private final String[] names;
    @Child private ClosureCallCache closures;

    /** {@code args[i]} is null for an empty argument; {@code names[i]} is null for a positional one. */
    public RCallNode(RNode fn, String[] names, RNode[] args) {
        this.fn = fn;
        this.names = names;
        this.args = args;
        this.closures = new ClosureCallCache(args);
    }

    public RNode fn() {
        return fn;
    }

    public RNode[] args() {
        return args;
    }

    public String[] names() {
        return names;
    }

    @Override
    public Object execute(REnvironment env) {
        Object f = fn instanceof RSymbolNode s ? s.lookupFunction(env, this) : fn.execute(env);
        setVisible(true);
        if (f instanceof RClosure c) {
            return closures.call(c, this, env);
        }
        return RArguments.call(f, this, env);
    }

    @Override
    public String callText() {
        return deparse();
    }

    @Override
    public void deparse(StringBuilder sb) {
        fn.deparse(sb);
        sb.append('(');
        deparseArgs(sb, names, args);
        sb.append(')');
    }

    static void deparseArgs(StringBuilder sb, String[] names, RNode[] args) {
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (names[i] != null) {
                sb.append(Deparse.symbol(names[i])).append(" = ");
            }
            if (args[i] != null) {
                args[i].deparse(sb);
            }
        }
    }
}
