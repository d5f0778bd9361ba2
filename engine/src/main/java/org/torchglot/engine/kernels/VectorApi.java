package org.torchglot.engine.kernels;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether {@link VectorGemm} may run: the JVM was started with {@code --add-modules jdk.incubator.vector} and
 * compiles with C2. Under C1 (direct runs stop there) a Vector API operation is a method call that allocates, about
 * 50x slower than the Java loops, so such a JVM keeps ojalgo and the loops even with the module.
 *
 * <p>NOTE: the module is not added by default because every JVM that resolves an incubator module prints
 * "WARNING: Using incubator modules" on standard error at start-up, and no option turns that off. The launcher adds
 * it only to the warm server, whose standard error is its log file (docs/performance.md).
 */
final class VectorApi {
    private static final String MODULE = "jdk.incubator.vector";
    private static final boolean USABLE = moduleResolved() && c2Compiles();

    private VectorApi() {
    }

    static boolean usable() {
        return USABLE;
    }

    private static boolean moduleResolved() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    private static boolean c2Compiles() {
        if (System.getProperty("java.vm.info", "").contains("interpreted mode")) {
            return false;
        }
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotSpot == null) {
            return true;
        }
        try {
            return Integer.parseInt(hotSpot.getVMOption("TieredStopAtLevel").getValue()) >= 4
                    || hotSpot.getVMOption("TieredCompilation").getValue().equals("false");
        } catch (IllegalArgumentException e) {
            // NOTE: not HotSpot's flag set (another VM): assume an optimising JIT.
            return true;
        }
    }
}
