package org.torchglot.lang.r.nodes;

import org.torchglot.lang.r.runtime.Deparse;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RError;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RPromise;
import org.torchglot.lang.r.runtime.SubAssign;
import org.torchglot.lang.r.runtime.Extract;

import com.oracle.truffle.api.nodes.Node;

/**
 * A replacement assignment such as {@code names(x)[2] <- "b"}. R's rewrite is
 * {@code x <- `names<-`(x, value = `[<-`(names(x), 2, value = "b"))}: the steps from the variable outwards are
 * read (getters), then written back innermost first (setters), and the variable is rebound.
 */
public final class RReplaceNode extends RNode implements REnvironment.CallSite {
    private final String var;
    private final boolean superAssign;
    @Children private final Step[] steps;
    @Child private RNode value;

    /** One level of the target: {@code $name}, {@code [i]}, {@code [[i]]} or {@code f(.)} with {@code `f<-`}. */
    public abstract static class Step extends Node {
        abstract Object get(Object target, REnvironment env, RReplaceNode site);

        abstract Object set(Object target, Object value, REnvironment env, RReplaceNode site);

        abstract void deparse(StringBuilder sb, String inner);
    }

    public static final class DollarStep extends Step {
        private final String name;

        public DollarStep(String name) {
            this.name = name;
        }

        @Override
        Object get(Object target, REnvironment env, RReplaceNode site) {
            return Extract.dollar(target, name, env, site);
        }

        @Override
        Object set(Object target, Object value, REnvironment env, RReplaceNode site) {
            return SubAssign.dollar(target, name, value, env, site);
        }

        @Override
        void deparse(StringBuilder sb, String inner) {
            sb.append(inner).append('$').append(Deparse.symbol(name));
        }
    }

    public static final class IndexStep extends Step {
        @Children private final RNode[] args;
        private final String[] names;
        private final boolean doubleBracket;

        public IndexStep(String[] names, RNode[] args, boolean doubleBracket) {
            this.names = names;
            this.args = args;
            this.doubleBracket = doubleBracket;
        }

        @Override
        Object get(Object target, REnvironment env, RReplaceNode site) {
            RArguments.Evaluated a = RArguments.evaluateIndexArgs(target, args, names, env);
            return Extract.index(target, a.values(), a.names(), doubleBracket, env, site);
        }

        @Override
        Object set(Object target, Object value, REnvironment env, RReplaceNode site) {
            RArguments.Evaluated a = RArguments.evaluateIndexArgs(target, args, names, env);
            return SubAssign.index(target, a.values(), a.names(), value, doubleBracket, env, site);
        }

        @Override
        void deparse(StringBuilder sb, String inner) {
            sb.append(inner).append(doubleBracket ? "[[" : "[");
            RCallNode.deparseArgs(sb, names, args);
            sb.append(doubleBracket ? "]]" : "]");
        }
    }

    /** {@code f(x, args) <- v} calls {@code `f<-`(x, args, value = v)}. */
    public static final class CallStep extends Step {
        private final String fn;
        @Children private final RNode[] args;
        private final String[] names;

        public CallStep(String fn, String[] names, RNode[] args) {
            this.fn = fn;
            this.names = names;
            this.args = args;
        }

        @Override
        Object get(Object target, REnvironment env, RReplaceNode site) {
            return RArguments.callByName(fn, target, args, names, null, env, site);
        }

        @Override
        Object set(Object target, Object value, REnvironment env, RReplaceNode site) {
            return RArguments.callByName(fn + "<-", target, args, names, value, env, site);
        }

        @Override
        void deparse(StringBuilder sb, String inner) {
            sb.append(Deparse.symbol(fn)).append('(').append(inner);
            if (args.length > 0) {
                sb.append(", ");
                RCallNode.deparseArgs(sb, names, args);
            }
            sb.append(')');
        }
    }

    public RReplaceNode(String var, boolean superAssign, Step[] steps, RNode value) {
        this.var = var;
        this.superAssign = superAssign;
        this.steps = steps;
        this.value = value;
    }

    @Override
    public Object execute(REnvironment env) {
        Object rhs = value.execute(env);
        REnvironment lookupEnv = superAssign ? env.parent() : env;
        Object base = lookupEnv == null ? null : lookupEnv.lookup(var);
        if (base == null) {
            throw new RError("object '" + var + "' not found", env.frameCallText(), this);
        }
        try {
            Object[] targets = new Object[steps.length];
            targets[0] = RPromise.forceValue(base);
            for (int i = 1; i < steps.length; i++) {
                targets[i] = steps[i - 1].get(targets[i - 1], env, this);
            }
            Object v = rhs;
            for (int i = steps.length - 1; i >= 0; i--) {
                v = steps[i].set(targets[i], v, env, this);
            }
            RAssignNode.assign(env, var, v, superAssign, ctx().globalEnv());
        } catch (RErrorSignal s) {
            throw errorAt(s);
        }
        setVisible(false);
        return rhs;
    }

    @Override
    public String callText() {
        return deparse();
    }

    @Override
    public void deparse(StringBuilder sb) {
        String inner = Deparse.symbol(var);
        for (Step s : steps) {
            StringBuilder b = new StringBuilder();
            s.deparse(b, inner);
            inner = b.toString();
        }
        sb.append(inner).append(superAssign ? " <<- " : " <- ");
        value.deparse(sb);
    }
}
