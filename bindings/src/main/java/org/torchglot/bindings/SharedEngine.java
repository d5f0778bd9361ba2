package org.torchglot.bindings;

import org.graalvm.polyglot.Engine;

/**
 * The one polyglot {@link Engine} of this process, created on first use.
 *
 * <p>All torchglot contexts share it, so parsed and compiled guest code (GraalPy's standard
 * library above all) is reused by every context after the first.
 */
public final class SharedEngine {

    private SharedEngine() {
    }

    /** The process-wide engine, created on the first call; it lives as long as the process. */
    public static Engine get() {
        return Holder.ENGINE;
    }

    /** {@code "GraalVM CE"} when the Graal JIT compiles guest code, {@code "Interpreted"} when it does not. */
    public static String implementationName() {
        return get().getImplementationName();
    }

    /** Whether guest code is compiled by the Graal JIT (the launcher's flags) rather than only interpreted. */
    public static boolean isJitEnabled() {
        return !"Interpreted".equals(implementationName());
    }

    private static final class Holder {
        static final Engine ENGINE = create();

        private static Engine create() {
            return Engine.newBuilder()
                    .options(ContextOptions.engineOptions())
                    .build();
        }
    }
}
