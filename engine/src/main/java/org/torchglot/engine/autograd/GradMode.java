package org.torchglot.engine.autograd;

/**
 * Whether ops record the graph, per thread, as PyTorch's {@code torch.is_grad_enabled()}.
 * Use {@link #noGrad()} in a try-with-resources block for {@code with torch.no_grad():}.
 */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {
    }

    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    public static void setEnabled(boolean enabled) {
        ENABLED.get()[0] = enabled;
    }

    /** A scope that restores the previous mode when closed. */
    public static final class Scope implements AutoCloseable {
        private final boolean[] cell;
        private final boolean previous;

        private Scope(boolean[] cell, boolean previous) {
            this.cell = cell;
            this.previous = previous;
        }

        @Override
        public void close() {
            cell[0] = previous;
        }
    }

    public static Scope noGrad() {
        return set(false);
    }

    public static Scope enableGrad() {
        return set(true);
    }

    public static Scope set(boolean enabled) {
        boolean[] cell = ENABLED.get();
        Scope scope = new Scope(cell, cell[0]);
        cell[0] = enabled;
        return scope;
    }
}
