package org.torchglot.lang.r.nodes;

import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.Truffle;
import com.oracle.truffle.api.TruffleSafepoint;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.LoopNode;
import com.oracle.truffle.api.nodes.Node;
import com.oracle.truffle.api.nodes.RepeatingNode;
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
    private static boolean pass(Node loop, RNode body, REnvironment env) {
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

    /**
     * Runs {@code repeating} as a Truffle loop until it returns false, so a long loop compiles on its own
     * (on-stack replacement) even in a script's top level, which runs once. R nodes evaluate in environments, not
     * frames: the frame carries only the loop's environment (and a for loop's {@link ForState}).
     */
    private static void runLoop(LoopNode loop, REnvironment env, ForState state) {
        loop.execute(Truffle.getRuntime().createVirtualFrame(new Object[] {env, state}, LOOP_FRAME));
    }

    private static final FrameDescriptor LOOP_FRAME = new FrameDescriptor();

    private static REnvironment loopEnv(VirtualFrame frame) {
        return (REnvironment) frame.getArguments()[0];
    }

    /** The R loop node a repeating node belongs to (for error messages, which quote the whole loop). */
    private static RNode owner(Node repeating) {
        Node n = repeating.getParent();
        while (!(n instanceof RNode)) {
            n = n.getParent();
        }
        return (RNode) n;
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
        @Child private LoopNode loop;

        public For(String var, RNode seq, RNode body) {
            this.var = var;
            this.seq = seq;
            this.loop = Truffle.getRuntime().createLoopNode(new ForPass(var, body));
        }

        @Override
        public Object execute(REnvironment env) {
            Object s = seq.execute(env);
            if (s instanceof RVector v) {
                runLoop(loop, env, new ForState(v));
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
                if (!pass(this, body(), env)) {
                    return;
                }
            }
        }

        @Override
        public void deparse(StringBuilder sb) {
            sb.append("for (").append(Deparse.symbol(var)).append(" in ");
            seq.deparse(sb);
            sb.append(") ");
            body().deparse(sb);
        }

        private RNode body() {
            return ((ForPass) loop.getRepeatingNode()).body;
        }
    }

    /** Where a for loop over a vector is: the vector and the index of the next element. */
    private static final class ForState {
        final RVector seq;
        final int length;
        int next;

        ForState(RVector seq) {
            this.seq = seq;
            this.length = seq.length();
        }
    }

    /** One pass of {@code for}: binds the variable to the next element and runs the body. */
    private static final class ForPass extends Node implements RepeatingNode {
        private final String var;
        @Child private RNode body;

        ForPass(String var, RNode body) {
            this.var = var;
            this.body = body;
        }

        @Override
        public boolean executeRepeating(VirtualFrame frame) {
            ForState state = (ForState) frame.getArguments()[1];
            if (state.next >= state.length) {
                return false;
            }
            REnvironment env = loopEnv(frame);
            int i = state.next++;
            env.put(var, state.seq instanceof RList l ? l.get(i) : state.seq.elementVector(i));
            return pass(this, body, env);
        }
    }

    /** {@code while (cond) body}. */
    public static final class While extends RNode {
        @Child private LoopNode loop;

        public While(RNode cond, RNode body) {
            this.loop = Truffle.getRuntime().createLoopNode(new WhilePass(cond, body));
        }

        @Override
        public Object execute(REnvironment env) {
            runLoop(loop, env, null);
            return invisibleNull();
        }

        @Override
        public void deparse(StringBuilder sb) {
            WhilePass pass = (WhilePass) loop.getRepeatingNode();
            sb.append("while (");
            pass.cond.deparse(sb);
            sb.append(") ");
            pass.body.deparse(sb);
        }
    }

    /** One pass of {@code while}: tests the condition, then runs the body. */
    private static final class WhilePass extends Node implements RepeatingNode {
        @Child private RNode cond;
        @Child private RNode body;

        WhilePass(RNode cond, RNode body) {
            this.cond = cond;
            this.body = body;
        }

        @Override
        public boolean executeRepeating(VirtualFrame frame) {
            REnvironment env = loopEnv(frame);
            boolean c;
            try {
                c = RValues.conditionValue(cond.execute(env), "while");
            } catch (RErrorSignal s) {
                CompilerDirectives.transferToInterpreter();
                throw owner(this).errorAt(s);
            }
            return c && pass(this, body, env);
        }
    }

    /** {@code repeat body}: loops until {@code break}. */
    public static final class Repeat extends RNode {
        @Child private LoopNode loop;

        public Repeat(RNode body) {
            this.loop = Truffle.getRuntime().createLoopNode(new RepeatPass(body));
        }

        @Override
        public Object execute(REnvironment env) {
            runLoop(loop, env, null);
            return invisibleNull();
        }

        @Override
        public void deparse(StringBuilder sb) {
            sb.append("repeat ");
            ((RepeatPass) loop.getRepeatingNode()).body.deparse(sb);
        }
    }

    /** One pass of {@code repeat}: only {@code break} ends the loop. */
    private static final class RepeatPass extends Node implements RepeatingNode {
        @Child private RNode body;

        RepeatPass(RNode body) {
            this.body = body;
        }

        @Override
        public boolean executeRepeating(VirtualFrame frame) {
            return pass(this, body, loopEnv(frame));
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
