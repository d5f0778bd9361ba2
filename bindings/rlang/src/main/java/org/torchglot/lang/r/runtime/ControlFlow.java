package org.torchglot.lang.r.runtime;

import com.oracle.truffle.api.nodes.ControlFlowException;

/** The non-local exits of R: {@code break}, {@code next} and {@code return()}. */
public final class ControlFlow {
    private ControlFlow() {
    }

    public static final class Break extends ControlFlowException {
        private static final long serialVersionUID = 1L;
        public static final Break INSTANCE = new Break();
    }

    public static final class Next extends ControlFlowException {
        private static final long serialVersionUID = 1L;
        public static final Next INSTANCE = new Next();
    }

    /** {@code return(value)} from the function whose environment is {@code target}. */
    public static final class Return extends ControlFlowException {
        private static final long serialVersionUID = 1L;
        public final Object value;
        public final REnvironment target;

        public Return(Object value, REnvironment target) {
            this.value = value;
            this.target = target;
        }
    }

    /** A condition (warning, message, custom) travelling to the {@code tryCatch} that handles it. */
    public static final class Condition extends ControlFlowException {
        private static final long serialVersionUID = 1L;
        public final RList condition;
        public final Object handlerFrame;

        public Condition(RList condition, Object handlerFrame) {
            this.condition = condition;
            this.handlerFrame = handlerFrame;
        }
    }
}
