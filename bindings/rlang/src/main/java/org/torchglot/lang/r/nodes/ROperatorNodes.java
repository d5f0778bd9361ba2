package org.torchglot.lang.r.nodes;

import org.torchglot.lang.r.runtime.Ops;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RNA;
import org.torchglot.lang.r.runtime.RValues;

/** Infix and prefix operators. The semantics live in {@link Ops}; these nodes evaluate operands and report errors. */
public final class ROperatorNodes {
    private ROperatorNodes() {
    }

    /** A binary operator such as {@code +}, {@code ==}, {@code %in%}, {@code %*%}, {@code :}. */
    public static final class Binary extends RNode implements REnvironment.CallSite {
        private final String op;
        @Child private RNode left;
        @Child private RNode right;

        public Binary(String op, RNode left, RNode right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        public String op() {
            return op;
        }

        public RNode left() {
            return left;
        }

        public RNode right() {
            return right;
        }

        @Override
        public Object execute(REnvironment env) {
            Object l = left.execute(env);
            Object r = right.execute(env);
            setVisible(true);
            var ctx = ctx();
            Object saved = ctx.enterCall(this);
            try {
                return Ops.binary(op, l, r, env, this);
            } catch (RErrorSignal s) {
                throw errorAt(s);
            } finally {
                ctx.exitCall(saved);
            }
        }

        @Override
        public String callText() {
            return deparse();
        }

        @Override
        public void deparse(StringBuilder sb) {
            left.deparse(sb);
            boolean tight = op.equals("^") || op.equals(":");
            sb.append(tight ? op : " " + op + " ");
            right.deparse(sb);
        }
    }

    /** Unary {@code -}, {@code +}, {@code !}. */
    public static final class Unary extends RNode implements REnvironment.CallSite {
        private final String op;
        @Child private RNode operand;

        public Unary(String op, RNode operand) {
            this.op = op;
            this.operand = operand;
        }

        @Override
        public Object execute(REnvironment env) {
            Object v = operand.execute(env);
            return visibly(() -> Ops.unary(op, v, env, this));
        }

        @Override
        public String callText() {
            return deparse();
        }

        @Override
        public void deparse(StringBuilder sb) {
            sb.append(op);
            operand.deparse(sb);
        }
    }

    /** {@code &&} and {@code ||}: scalar, short-circuit, NA-aware. */
    public static final class ShortCircuit extends RNode {
        private final boolean and;
        @Child private RNode left;
        @Child private RNode right;

        public ShortCircuit(boolean and, RNode left, RNode right) {
            this.and = and;
            this.left = left;
            this.right = right;
        }

        @Override
        public Object execute(REnvironment env) {
            String opName = and ? "&&" : "||";
            try {
                int l = RValues.scalarLogical(left.execute(env), opName, "x");
                if (and && l == RLogical.FALSE || !and && l == RLogical.TRUE) {
                    setVisible(true);
                    return RLogical.of(!and ? true : false);
                }
                int r = RValues.scalarLogical(right.execute(env), opName, "y");
                setVisible(true);
                int res;
                if (and) {
                    res = r == RLogical.FALSE ? RLogical.FALSE : l == RNA.INT || r == RNA.INT ? RNA.INT : RLogical.TRUE;
                } else {
                    res = r == RLogical.TRUE ? RLogical.TRUE : l == RNA.INT || r == RNA.INT ? RNA.INT : RLogical.FALSE;
                }
                return new RLogical(new int[]{res});
            } catch (RErrorSignal s) {
                throw errorAt(s);
            }
        }

        @Override
        public void deparse(StringBuilder sb) {
            left.deparse(sb);
            sb.append(and ? " && " : " || ");
            right.deparse(sb);
        }
    }
}
