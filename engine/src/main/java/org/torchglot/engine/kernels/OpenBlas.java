package org.torchglot.engine.kernels;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One CBLAS library (OpenBLAS, or any library with {@code cblas_sgemm}/{@code cblas_dgemm}) loaded through
 * the FFM API. Java arrays are passed in place (critical downcalls with heap access), so there are no
 * copies. Callers check operand sizes first ({@link Gemm}): these methods trust them.
 */
final class OpenBlas {
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;
    private static final FunctionDescriptor SGEMM = gemmDescriptor(ValueLayout.JAVA_FLOAT);
    private static final FunctionDescriptor DGEMM = gemmDescriptor(ValueLayout.JAVA_DOUBLE);

    private final Path library;
    private final String version;
    private final MethodHandle sgemm;
    private final MethodHandle dgemm;
    private final MethodHandle setThreads;
    /** The count last given to {@code openblas_set_num_threads}, so an unchanged count costs no downcall. */
    private int threads = -1;

    private OpenBlas(Path library, String version, MethodHandle sgemm, MethodHandle dgemm, MethodHandle setThreads) {
        this.library = library;
        this.version = version;
        this.sgemm = sgemm;
        this.dgemm = dgemm;
        this.setThreads = setThreads;
    }

    private static FunctionDescriptor gemmDescriptor(ValueLayout scalar) {
        ValueLayout i = ValueLayout.JAVA_INT;
        ValueLayout p = ValueLayout.ADDRESS;
        return FunctionDescriptor.ofVoid(i, i, i, i, i, i, scalar, p, i, p, i, scalar, p, i);
    }

    /**
     * Loads {@code libraries} in order (dependencies first, the BLAS last) and binds the BLAS's GEMMs.
     *
     * @throws IllegalArgumentException if a library cannot be loaded or lacks the CBLAS GEMMs
     */
    static OpenBlas load(List<Path> libraries) {
        Linker linker = Linker.nativeLinker();
        SymbolLookup lookup = null;
        for (Path library : libraries) {
            lookup = SymbolLookup.libraryLookup(library, Arena.global());
        }
        if (lookup == null) {
            throw new IllegalArgumentException("no library to load");
        }
        Linker.Option heap = Linker.Option.critical(true);
        Path blas = libraries.getLast();
        MemorySegment s = lookup.find("cblas_sgemm")
                .orElseThrow(() -> new IllegalArgumentException(blas + " has no cblas_sgemm"));
        MemorySegment d = lookup.find("cblas_dgemm")
                .orElseThrow(() -> new IllegalArgumentException(blas + " has no cblas_dgemm"));
        MethodHandle setThreads = lookup.find("openblas_set_num_threads")
                .map(f -> linker.downcallHandle(f, FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT)))
                .orElse(null);
        String version = lookup.find("openblas_get_config").map(f -> config(linker, f)).orElse("a CBLAS library");
        return new OpenBlas(blas, version, linker.downcallHandle(s, SGEMM, heap), linker.downcallHandle(d, DGEMM, heap),
                setThreads);
    }

    /** {@code openblas_get_config()}, e.g. {@code OpenBLAS 0.3.31 DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=64}. */
    private static String config(Linker linker, MemorySegment function) {
        try {
            MemorySegment text = (MemorySegment) linker.downcallHandle(function, FunctionDescriptor.of(ValueLayout.ADDRESS))
                    .invokeExact();
            return text.reinterpret(1024).getString(0).strip();
        } catch (Throwable t) {
            throw new IllegalArgumentException("openblas_get_config failed", t);
        }
    }

    /** The loaded BLAS library's file. */
    Path library() {
        return library;
    }

    /** What the library says it is, e.g. {@code OpenBLAS 0.3.31 DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=64}. */
    String version() {
        return version;
    }

    /** Whether {@link #threads(int)} has any effect (OpenBLAS; not a reference BLAS). */
    boolean threaded() {
        return setThreads != null;
    }

    /** Sets how many threads the next products use. */
    void threads(int count) {
        if (setThreads == null || count == threads) {
            return;
        }
        try {
            setThreads.invokeExact(count);
        } catch (Throwable t) {
            throw new IllegalStateException("openblas_set_num_threads failed", t);
        }
        // NOTE: OpenBLAS's count is process-wide. Two Java threads multiplying at once may run a product
        // with the other's count: a matter of speed, never of results.
        threads = count;
    }

    /** c[n x m] = op(a) @ op(b), operands laid out as {@link Gemm} describes; c is dense. */
    void sgemm(float[] a, int aOff, int lda, boolean aTransposed, float[] b, int bOff, int ldb,
            boolean bTransposed, float[] c, int cOff, int n, int k, int m) {
        try {
            sgemm.invokeExact(ROW_MAJOR, aTransposed ? TRANS : NO_TRANS, bTransposed ? TRANS : NO_TRANS, n, m, k, 1f,
                    MemorySegment.ofArray(a).asSlice(4L * aOff), lda,
                    MemorySegment.ofArray(b).asSlice(4L * bOff), ldb, 0f,
                    MemorySegment.ofArray(c).asSlice(4L * cOff), m);
        } catch (Throwable t) {
            throw new IllegalStateException("BLAS sgemm failed", t);
        }
    }

    /** The float64 twin of {@link #sgemm}. */
    void dgemm(double[] a, int aOff, int lda, boolean aTransposed, double[] b, int bOff, int ldb,
            boolean bTransposed, double[] c, int cOff, int n, int k, int m) {
        try {
            dgemm.invokeExact(ROW_MAJOR, aTransposed ? TRANS : NO_TRANS, bTransposed ? TRANS : NO_TRANS, n, m, k, 1.0,
                    MemorySegment.ofArray(a).asSlice(8L * aOff), lda,
                    MemorySegment.ofArray(b).asSlice(8L * bOff), ldb, 0.0,
                    MemorySegment.ofArray(c).asSlice(8L * cOff), m);
        } catch (Throwable t) {
            throw new IllegalStateException("BLAS dgemm failed", t);
        }
    }

    /** Loads the first of {@code candidates} that loads, or empty. */
    static Optional<OpenBlas> firstLoadable(List<Path> candidates) {
        for (Path candidate : candidates) {
            try {
                return Optional.of(load(List.of(candidate)));
            } catch (IllegalArgumentException e) {
                // NOTE: absent, hidden or not a CBLAS: try the next one.
            }
        }
        return Optional.empty();
    }
}
