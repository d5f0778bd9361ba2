package org.torchglot.engine.kernels;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The native BLAS the engine's GEMM uses, picked once, when the class initialises, by the system property
 * {@code torchglot.blas}:
 * <ul>
 *   <li>{@code auto} (the default): the OpenBLAS bundled with torchglot, else a system OpenBLAS, else Java;
 *   <li>{@code bundled}: only the bundled OpenBLAS ({@link BundledOpenBlas});
 *   <li>{@code system}: only an OpenBLAS (or CBLAS) installed on the system;
 *   <li>{@code java}: no native code: ojalgo and the Java loops of {@link Gemm};
 *   <li>a file path: that CBLAS library.
 * </ul>
 * {@code torchglot.blas.threads} caps the threads OpenBLAS may use (default: {@code OPENBLAS_NUM_THREADS},
 * else one per core). A product uses them all when it has at least {@link #PARALLEL_THRESHOLD} multiply-adds
 * and {@link OtherProcesses#quiet() other processes leave the cores free}; otherwise it runs on one thread.
 */
final class NativeBlas {
    /**
     * Multiply-adds from which a product runs on every allowed thread. Below it one thread is faster: OpenBLAS
     * wakes its workers for every product and they spin afterwards, which on a busy 2-core machine stalls
     * the small products of tutorial nets (measured in docs/performance.md).
     */
    static final long PARALLEL_THRESHOLD = 8_000_000L;

    private static final List<Path> SYSTEM_CANDIDATES = List.of(
            "/usr/lib/x86_64-linux-gnu/libopenblas.so.0",
            "/usr/lib/aarch64-linux-gnu/libopenblas.so.0",
            "/usr/lib64/libopenblas.so.0",
            "/usr/lib/libopenblas.so.0",
            "/opt/homebrew/opt/openblas/lib/libopenblas.dylib",
            "/usr/local/opt/openblas/lib/libopenblas.dylib",
            "/usr/lib/x86_64-linux-gnu/libblas.so.3").stream().map(Path::of).toList();

    private static final OpenBlas BLAS;
    private static final String DESCRIPTION;
    private static final int MAX_THREADS;

    static {
        String choice = System.getProperty("torchglot.blas", "auto").strip();
        OpenBlas blas = null;
        String origin = "system";
        String why = "";
        try {
            switch (choice) {
                case "java" -> why = "torchglot.blas=java";
                case "system" -> blas = system().orElse(null);
                case "bundled" -> {
                    blas = bundled().orElse(null);
                    origin = "bundled";
                }
                case "auto", "" -> {
                    try {
                        blas = bundled().orElse(null);
                        origin = "bundled";
                    } catch (RuntimeException | LinkageError e) {
                        why = "bundled OpenBLAS: " + e.getMessage() + "; ";
                    }
                    if (blas == null) {
                        blas = system().orElse(null);
                        origin = "system";
                    }
                }
                default -> {
                    blas = OpenBlas.load(List.of(Path.of(choice)));
                    origin = "torchglot.blas";
                }
            }
            if (blas == null && !choice.equals("java")) {
                why += "no OpenBLAS found (torchglot.blas=" + choice + ")";
            }
        } catch (RuntimeException | LinkageError e) {
            // NOTE: no usable library, or native access refused: the Java loops take over, and --version says why.
            blas = null;
            why = "torchglot.blas=" + choice + ": " + e.getMessage();
        }
        BLAS = blas;
        MAX_THREADS = blas != null && blas.threaded() ? maxThreads() : 1;
        DESCRIPTION = blas == null ? "none, Java loops and ojalgo (" + why + ")"
                : blas.version() + " (" + origin + ", up to " + MAX_THREADS + (MAX_THREADS == 1 ? " thread" : " threads")
                        + ") at " + blas.library();
    }

    private NativeBlas() {
    }

    private static Optional<OpenBlas> bundled() {
        return BundledOpenBlas.extract(BundledOpenBlas.defaultCacheRoot()).map(OpenBlas::load);
    }

    private static Optional<OpenBlas> system() {
        return OpenBlas.firstLoadable(SYSTEM_CANDIDATES);
    }

    private static int maxThreads() {
        String env = System.getenv("OPENBLAS_NUM_THREADS");
        int fallback = Runtime.getRuntime().availableProcessors();
        if (env != null && env.strip().matches("[1-9][0-9]{0,3}")) {
            fallback = Integer.parseInt(env.strip());
        }
        return Math.max(1, Integer.getInteger("torchglot.blas.threads", fallback));
    }

    static boolean available() {
        return BLAS != null;
    }

    /** Which BLAS is in use and where it came from, for {@code torchglot --version}. */
    static String description() {
        return DESCRIPTION;
    }

    private static void threadsFor(int n, int k, int m) {
        boolean parallel = MAX_THREADS > 1 && (long) n * k * m >= PARALLEL_THRESHOLD && OtherProcesses.quiet();
        BLAS.threads(parallel ? MAX_THREADS : 1);
    }

    /** c[n x m] = op(a) @ op(b), operands laid out as {@link Gemm} describes and checked by it; c is dense. */
    static void sgemm(float[] a, int aOff, int lda, boolean aTransposed, float[] b, int bOff, int ldb,
            boolean bTransposed, float[] c, int cOff, int n, int k, int m) {
        threadsFor(n, k, m);
        BLAS.sgemm(a, aOff, lda, aTransposed, b, bOff, ldb, bTransposed, c, cOff, n, k, m);
    }

    /** The float64 twin of {@link #sgemm}. */
    static void dgemm(double[] a, int aOff, int lda, boolean aTransposed, double[] b, int bOff, int ldb,
            boolean bTransposed, double[] c, int cOff, int n, int k, int m) {
        threadsFor(n, k, m);
        BLAS.dgemm(a, aOff, lda, aTransposed, b, bOff, ldb, bTransposed, c, cOff, n, k, m);
    }
}
