package org.torchglot.lang.r.nodes;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.TruffleSafepoint;
import org.torchglot.lang.r.runtime.Deparse;
import org.torchglot.lang.r.runtime.ControlFlow;
import org.torchglot.lang.r.runtime.Dispatch;
import org.torchglot.lang.r.runtime.RCaller;
import org.torchglot.lang.r.runtime.RFunction;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RError;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RValues;
import org.torchglot.lang.r.runtime.RVector;

/** R's control-flow expressions: {@code if}, {@code for}, {@code while}, {@code repeat}, {@code break}, {@code next}. */
public final class RControlNodes {
    private RControlNodes() {
    }

    /** One pass of a loop's body: false when it breaks out; {@code next} just ends the pass. */
    private static boolean pass(RNode loop, RNode body, REnvironment env) {
        // NOTE: each pass polls, so a time limit (Context.interrupt) can stop the loop.
        TruffleSafepoint.poll(loop);
        try {
            body.execute(env);
        } catch (ControlFlow.Break b) {
            return false;
        } catch (ControlFlow.Next x) {
            return true;
        }
        return true;
    }

    /** {@code if (cond) a else b}; without {@code else} a false condition yields invisible NULL. */
    public static final class If extends RNode {
        @Child private RNode cond;
        @Child private RNode then;
        @Child private RNode otherwise;

        public If(RNode cond, RNode then, RNode otherwise) {
            this.cond = cond;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        public Object execute(REnvironment env) {
            boolean c;
            try {
                c = RValues.conditionValue(cond.execute(env), "if");
            } catch (RErrorSignal s) {
                throw errorAt(s);
            }
            if (c) {
                return then.execute(env);
            }
            if (otherwise != null) {
                return otherwise.execute(env);
            }
            return invisibleNull();
        }

        @Override
        public void deparse(StringBuilder sb) {
            sb.append("if (");
            cond.deparse(sb);
            sb.append(") ");
            then.deparse(sb);
            if (otherwise != null) {
                sb.append(" else ");
                otherwise.deparse(sb);
            }
        }
    }

    /** {@code for (var in seq) body}: iterates over a vector's elements or a list's items; yields invisible NULL. */
    public static final class For extends RNode {
        private final String var;
        @Child private RNode seq;
        @Child private RNode body;

        public For(String var, RNode seq, RNode body) {
            this.var = var;
            this.seq = seq;
            this.body = body;
        }

        @Override
        public Object execute(REnvironment env) {
            Object s = seq.execute(env);
            if (s instanceof RVector v) {
                int n = v.length();
                for (int i = 0; i < n; i++) {
                    env.put(var, v instanceof RList l ? l.get(i) : v.elementVector(i));
                    if (!pass(this, body, env)) {
                        break;
                    }
                }
            } else if (Dispatch.isClassed(s)) {
                iterate(s, env);
            } else if (s != RNull.INSTANCE) {
                throw new RError("invalid for() loop sequence", deparse(), this);
            }
            return invisibleNull();
        }

        /**
         * A loop over an object with an {@code as_iterator} method (coro's protocol, which torch's dataloaders
         * follow): the method returns a function giving the next element, or a value of class
         * {@code coro_exhausted} at the end. So {@code coro::loop(for (b in dl) ...)} is this loop.
         */
        @TruffleBoundary
        private void iterate(Object s, REnvironment env) {
            Object next = Dispatch.tryDispatch("as_iterator", new Object[] {s}, null, env, null, this, false);
            if (!(next instanceof RFunction)) {
                throw new RError("invalid for() loop sequence", deparse(), this);
            }
            while (true) {
                Object value = RCaller.invoke(next, new Object[0], new String[0], env, null, this);
                if (RValues.inherits(value, "coro_exhausted")) {
                    return;
                }
                env.put(var, value);
                if (!pass(this, body, env)) {
                    return;
                }
            }
        }

        @Override
        public void deparse(StringBuilder sb) {
            sb.append("for (").append(Deparse.symbol(var)).append(" in ");
            seq.deparse(sb);
            sb.append(") ");
            body.deparse(sb);
        }
    }

    /** {@code while (cond) body}. */
    public static final class While extends RNode {
        @Child private RNode cond;
        @Child private RNode body;

        public While(RNode cond, RNode body) {
            this.cond = cond;
            this.body = body;
        }

        @Override
        public Object execute(REnvironment env) {
            while (true) {
                boolean c;
                try {
                    c = RValues.conditionValue(cond.execute(env), "while");
                } catch (RErrorSignal s) {
                    throw errorAt(s);
                }
                if (!c || !pass(this, body, env)) {
                    break;
                }
            }
            return invisibleNull();
        }

        @Override
        public void deparse(StringBuilder sb) {
            sb.append("while (");
            cond.deparse(sb);
            sb.append(") ");
            body.deparse(sb);
        }
    }

    /** {@code repeat body}: loops until {@code break}. */
    public static final class Repeat extends RNode {
        @Child private RNode body;

        public Repeat(RNode body) {
            this.body = body;
        }

        @Override
        public Object execute(REnvironment env) {
            while (pass(this, body, env)) {
                // NOTE: the body runs in the condition; only break ends the loop.
            }
            return invisibleNull();
        }

        @Override
        public void deparse(StringBuilder sb) {
            sb.append("repeat ");
            body.deparse(sb);
        }
    }

    public static final class Break extends RNode {
        @Override
        public Object execute(REnvironment env) {
            throw ControlFlow.Break.INSTANCE;
        }

        @Override
        public void deparse(StringBuilder sb) {
            sb.append("break");
        }
    }

    public static final class Next extends RNode {
        @Override
        public Object execute(REnvironment env) {
            throw ControlFlow.Next.INSTANCE;
        }

        @Override
        public void deparse(StringBuilder sb) {
            sb.append("next");
        }
    }
}
