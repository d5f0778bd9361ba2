package org.torchglot.bindings;

import org.graalvm.polyglot.Engine;

/**
 * The one polyglot {@link Engine} of this process, created on first use.
 *
 * <p>All sandboxed torchglot contexts share it, so parsed and compiled guest code (GraalPy's
 * standard library above all) is reused by every context after the first. GraalVM requires one
 * host access configuration per engine, so contexts with the sandbox opened ({@code
 * allowHostAccess(true)}) share a second engine, created only if one is asked for.
 */
public final class SharedEngine {

    private SharedEngine() {
    }

    /** The process-wide engine of sandboxed contexts, created on the first call; it lives as long as the process. */
    public static Engine get() {
        return Sandboxed.ENGINE;
    }

    /** The engine for contexts with the given host access: {@link #get()}, or the one of opened contexts. */
    public static Engine forHostAccess(boolean allowHostAccess) {
        return allowHostAccess ? Opened.ENGINE : Sandboxed.ENGINE;
    }

    /** {@code "GraalVM CE"} when the Graal JIT compiles guest code, {@code "Interpreted"} when it does not. */
    public static String implementationName() {
        return get().getImplementationName();
    }

    /** Whether guest code is compiled by the Graal JIT (the launcher's flags) rather than only interpreted. */
    public static boolean isJitEnabled() {
        return !"Interpreted".equals(implementationName());
    }

    private static Engine create() {
        // NOTE: experimental, so that diagnostics such as -Dpolyglot.engine.TraceCodeSharing=true work (docs/performance.md).
        return Engine.newBuilder().allowExperimentalOptions(true).options(ContextOptions.engineOptions()).build();
    }

    private static final class Sandboxed {
        static final Engine ENGINE = create();
    }

    private static final class Opened {
        static final Engine ENGINE = create();
    }
}
