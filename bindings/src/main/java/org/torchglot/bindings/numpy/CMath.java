package org.torchglot.bindings.numpy;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The C library's {@code pow}, which numpy's float64 scalars (and CPython's floats) use.
 *
 * <p>NOTE: glibc's {@code pow} is not always correctly rounded, and Java's {@code Math.pow} and
 * GraalPy's {@code **} differ from it in the last bit for about one input in a thousand. Finite
 * differences such as {@code (loss(w + 1e-6) - loss(w)) / 1e-6} amplify that bit into visible
 * digits, so the numpy shim calls the same {@code pow} as numpy. Without native access (or without
 * a C library) this falls back to {@link StrictMath#pow}.
 */
public final class CMath {

    private static final MethodHandle POW = lookupPow();

    private CMath() {
    }

    /** {@code x} raised to {@code y}, as C's {@code pow} computes it. */
    public static double pow(double x, double y) {
        if (POW == null) {
            return StrictMath.pow(x, y);
        }
        try {
            return (double) POW.invokeExact(x, y);
        } catch (Throwable e) {
            throw new IllegalStateException("C pow failed", e);
        }
    }

    /** Whether {@link #pow} calls the C library (rather than the Java fallback). */
    public static boolean isNative() {
        return POW != null;
    }

    private static MethodHandle lookupPow() {
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("pow")
                    .map(address -> linker.downcallHandle(address, FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE,
                            ValueLayout.JAVA_DOUBLE, ValueLayout.JAVA_DOUBLE)))
                    .orElse(null);
        } catch (RuntimeException e) {
            // NOTE: IllegalCallerException when native access is not enabled for this module.
            return null;
        }
    }
}
