package org.torchglot.engine.kernels;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A system BLAS (OpenBLAS) reached through the FFM API, used for GEMM when one is installed.
 * Java arrays are passed in place (critical downcalls with heap access), so there are no copies.
 * Set {@code -Dtorchglot.blas=none} to force the pure-Java kernels, or a library path to pick one.
 */
final class NativeBlas {
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;
    private static final List<String> CANDIDATES = List.of(
            "/usr/lib/x86_64-linux-gnu/libopenblas.so.0",
            "/usr/lib/aarch64-linux-gnu/libopenblas.so.0",
            "/usr/lib64/libopenblas.so.0",
            "/usr/lib/libopenblas.so.0",
            "/usr/lib/x86_64-linux-gnu/libblas.so.3");

    private static final MethodHandle SGEMM;
    private static final MethodHandle DGEMM;

    static {
        MethodHandle s = null;
        MethodHandle d = null;
        Optional<Path> library = locate();
        if (library.isPresent()) {
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup lookup = SymbolLookup.libraryLookup(library.get(), Arena.global());
                Linker.Option heap = Linker.Option.critical(true);
                FunctionDescriptor sgemm = FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_FLOAT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_FLOAT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT);
                FunctionDescriptor dgemm = FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_DOUBLE, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                        ValueLayout.JAVA_INT, ValueLayout.JAVA_DOUBLE, ValueLayout.ADDRESS, ValueLayout.JAVA_INT);
                // NOTE: OpenBLAS's worker threads spin; on a busy 2-core machine they turn a 50 µs product
                // into milliseconds. One thread (as the PyTorch baseline runs) unless told otherwise.
                int threads = Integer.getInteger("torchglot.blas.threads", 1);
                lookup.find("openblas_set_num_threads").ifPresent(f -> setThreads(linker, f, threads));
                s = linker.downcallHandle(lookup.find("cblas_sgemm").orElseThrow(), sgemm, heap);
                d = linker.downcallHandle(lookup.find("cblas_dgemm").orElseThrow(), dgemm, heap);
            } catch (RuntimeException | LinkageError e) {
                // NOTE: no usable BLAS (or native access refused): the pure-Java kernels take over.
                s = null;
                d = null;
            }
        }
        SGEMM = s;
        DGEMM = d;
    }

    private NativeBlas() {
    }

    private static void setThreads(Linker linker, MemorySegment function, int threads) {
        try {
            linker.downcallHandle(function, FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT)).invokeExact(threads);
        } catch (Throwable t) {
            throw new IllegalStateException("openblas_set_num_threads failed", t);
        }
    }

    private static Optional<Path> locate() {
        String choice = System.getProperty("torchglot.blas", "");
        if (choice.equals("none")) {
            return Optional.empty();
        }
        if (!choice.isEmpty()) {
            return Optional.of(Path.of(choice));
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isReadable).findFirst();
    }

    static boolean available() {
        return SGEMM != null;
    }

    /** c[n x m] = op(a) @ op(b), operands laid out as {@link Gemm} describes; c is dense. */
    static void sgemm(float[] a, int aOff, int lda, boolean aTransposed, float[] b, int bOff, int ldb,
            boolean bTransposed, float[] c, int cOff, int n, int k, int m) {
        try {
            SGEMM.invokeExact(ROW_MAJOR, aTransposed ? TRANS : NO_TRANS, bTransposed ? TRANS : NO_TRANS, n, m, k, 1f,
                    MemorySegment.ofArray(a).asSlice(4L * aOff), lda,
                    MemorySegment.ofArray(b).asSlice(4L * bOff), ldb, 0f,
                    MemorySegment.ofArray(c).asSlice(4L * cOff), m);
        } catch (Throwable t) {
            throw new IllegalStateException("BLAS sgemm failed", t);
        }
    }

    static void dgemm(double[] a, int aOff, int lda, boolean aTransposed, double[] b, int bOff, int ldb,
            boolean bTransposed, double[] c, int cOff, int n, int k, int m) {
        try {
            DGEMM.invokeExact(ROW_MAJOR, aTransposed ? TRANS : NO_TRANS, bTransposed ? TRANS : NO_TRANS, n, m, k, 1.0,
                    MemorySegment.ofArray(a).asSlice(8L * aOff), lda,
                    MemorySegment.ofArray(b).asSlice(8L * bOff), ldb, 0.0,
                    MemorySegment.ofArray(c).asSlice(8L * cOff), m);
        } catch (Throwable t) {
            throw new IllegalStateException("BLAS dgemm failed", t);
        }
    }
}
