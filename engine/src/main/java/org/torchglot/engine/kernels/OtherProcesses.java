package org.torchglot.engine.kernels;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether other processes leave this machine's cores free, from the CPU time the system and this JVM used
 * since the last sample (taken at most every 200 ms, by whichever caller finds the last one stale).
 *
 * <p>NOTE: a multi-threaded product needs every core at once. When another process holds one, OpenBLAS's
 * threads wait for each other at every synchronisation point: on this 2-core machine under a load of 8, a
 * 128x784x512 product took 1.5 ms on one thread and 44 ms (median) on two (docs/performance.md).
 */
final class OtherProcesses {
    private static final long PERIOD_NANOS = 200_000_000L;
    /** Others may use this share of one core before the machine counts as busy. */
    private static final double QUIET_CORES = 0.35;
    private static final OperatingSystemMXBean OS = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private static volatile long sampledAt;
    private static volatile boolean quiet;

    static {
        // NOTE: the first reading covers an unknown span (since boot, or nothing); it only starts the clock.
        OS.getCpuLoad();
        OS.getProcessCpuLoad();
        sampledAt = System.nanoTime();
    }

    private OtherProcesses() {
    }

    /** True when, over the last sample, other processes used less than a third of a core. */
    static boolean quiet() {
        long now = System.nanoTime();
        if (now - sampledAt >= PERIOD_NANOS) {
            sampledAt = now;
            double system = OS.getCpuLoad();
            double ours = OS.getProcessCpuLoad();
            // Negative: not available yet (the first sample) or on this platform; assume busy.
            quiet = system >= 0 && ours >= 0 && (system - ours) * CORES < QUIET_CORES;
        }
        return quiet;
    }
}
