package org.torchglot.engine.tensor;

import java.util.Locale;
import org.torchglot.engine.HostOnly;

/**
 * The memory guard: the largest storage one tensor may allocate. A script asking for a 100 GB
 * tensor gets PyTorch's allocator error as a {@link TorchException}, not an {@link
 * OutOfMemoryError} that would take the host down.
 *
 * <p>The process-wide limit defaults to half of {@link Runtime#maxMemory()}, or the value of the
 * system property {@value #PROPERTY} (bytes, with an optional {@code k}, {@code m} or {@code g}
 * suffix: {@code -Dtorchglot.maxTensorBytes=512m}). A host can lower it for one thread's work
 * with {@link #limitTo(long)}, as an embedding context does while its script runs.
 */
@HostOnly
public final class MemoryLimit {
    /** The system property that sets the process-wide limit. */
    public static final String PROPERTY = "torchglot.maxTensorBytes";

    private static volatile long processLimit = initialLimit();
    private static final ThreadLocal<Long> THREAD_LIMIT = new ThreadLocal<>();

    private MemoryLimit() {
    }

    /** The limit in bytes that applies to allocations on the calling thread. */
    public static long bytes() {
        Long scoped = THREAD_LIMIT.get();
        return scoped != null ? Math.min(scoped, processLimit) : processLimit;
    }

    /** Sets the process-wide limit in bytes. */
    public static void setProcessLimit(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("the memory limit must be positive: " + bytes);
        }
        processLimit = bytes;
    }

    /** The process-wide limit in bytes. */
    public static long processLimit() {
        return processLimit;
    }

    /**
     * Lowers the limit on the calling thread until the returned scope is closed:
     * {@code try (var scope = MemoryLimit.limitTo(1 << 30)) { ... }}.
     */
    public static Scope limitTo(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("the memory limit must be positive: " + bytes);
        }
        Long previous = THREAD_LIMIT.get();
        THREAD_LIMIT.set(previous == null ? bytes : Math.min(previous, bytes));
        return new Scope(previous);
    }

    /**
     * Refuses a storage of {@code count} elements of {@code dtype} that exceeds the limit, in
     * PyTorch's words (Linux build, without the C++ source location).
     */
    public static void check(DType dtype, long count) {
        long bytes = saturatingMultiply(count, elementBytes(dtype));
        if (bytes > bytes()) {
            throw TorchException.runtime("DefaultCPUAllocator: can't allocate memory: you tried to allocate " + bytes
                    + " bytes. Error code 12 (Cannot allocate memory)");
        }
    }

    /** Bytes per element as the JVM stores them (Java's boolean[] takes one byte each). */
    static int elementBytes(DType dtype) {
        return switch (dtype) {
            case BOOL -> 1;
            case FLOAT32 -> 4;
            case INT64, FLOAT64 -> 8;
        };
    }

    static long saturatingMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return (high == 0 && low >= 0) ? low : Long.MAX_VALUE;
    }

    /**
     * Parses {@code 123}, {@code 512k}, {@code 256m} or {@code 2g} (powers of 1024).
     *
     * @throws NumberFormatException if the text is none of these
     */
    public static long parseBytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1L;
        };
        String digits = unit == 1L ? t : t.substring(0, t.length() - 1);
        return Math.multiplyExact(Long.parseLong(digits), unit);
    }

    private static long initialLimit() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            try {
                return parseBytes(configured);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalStateException("-D" + PROPERTY + " must be a number of bytes such as 512m or 2g, not "
                        + configured, e);
            }
        }
        // NOTE: half the heap leaves room for the gradient and the op outputs a tensor that size brings along.
        return Runtime.getRuntime().maxMemory() / 2;
    }

    /** Restores the calling thread's previous limit when closed. */
    public static final class Scope implements AutoCloseable {
        private final Long previous;

        private Scope(Long previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (previous == null) {
                THREAD_LIMIT.remove();
            } else {
                THREAD_LIMIT.set(previous);
            }
        }
    }
}
