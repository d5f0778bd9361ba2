package org.torchglot.lang.r.nodes;

import org.torchglot.lang.r.runtime.Deparse;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.Extract;

/** Element access: {@code x$name}, {@code x@name}, {@code x[i, j]}, {@code x[[i]]}. */
public final class RAccessNodes {
    private RAccessNodes() {
    }

    /** {@code x$name} (and {@code x@name}, treated alike). */
    public static final class Dollar extends RNode implements REnvironment.CallSite {
        @Child private RNode object;
        private final String name;
        private final boolean at;

        public Dollar(RNode object, String name, boolean at) {
            this.object = object;
            this.name = name;
            this.at = at;
        }

        public RNode object() {
            return object;
        }

        public String name() {
            return name;
        }

        @Override
        public Object execute(REnvironment env) {
            Object x = object.execute(env);
            return visibly(() -> Extract.dollar(x, name, env, this));
        }

        @Override
        public String callText() {
            return deparse();
        }

        @Override
        public void deparse(StringBuilder sb) {
            object.deparse(sb);
            sb.append(at ? "@" : "$").append(Deparse.symbol(name));
        }
    }

    /** {@code x[...]} and {@code x[[...]]}. */
    public static final class Index extends RNode implements REnvironment.CallSite {
        @Child private RNode object;
        @Children private final RNode[] args;
        private final String[] names;
        private final boolean doubleBracket;

        public Index(RNode object, String[] names, RNode[] args, boolean doubleBracket) {
            this.object = object;
            this.names = names;
            this.args = args;
            this.doubleBracket = doubleBracket;
        }

        public RNode object() {
            return object;
        }

        public RNode[] args() {
            return args;
        }

        public String[] names() {
            return names;
        }

        public boolean isDoubleBracket() {
            return doubleBracket;
        }

        @Override
        public Object execute(REnvironment env) {
            Object x = object.execute(env);
            RArguments.Evaluated a = RArguments.evaluateIndexArgs(x, args, names, env);
            return visibly(() -> Extract.index(x, a.values(), a.names(), doubleBracket, env, this));
        }

        @Override
        public String callText() {
            return deparse();
        }

        @Override
        public void deparse(StringBuilder sb) {
            object.deparse(sb);
            sb.append(doubleBracket ? "[[" : "[");
            RCallNode.deparseArgs(sb, names, args);
            sb.append(doubleBracket ? "]]" : "]");
        }
    }
}
