package org.torchglot.engine.kernels;

/**
 * Row-major matrix products {@code c = op(a) @ op(b)} on raw arrays. Large products go to a native
 * BLAS ({@link NativeBlas}: the OpenBLAS bundled with torchglot, or a system one); small ones, and every
 * product when native code is unavailable or {@code -Dtorchglot.blas=java}, run in Java. Operand sizes
 * are checked here, before any native code reads the arrays.
 *
 * <p>Each operand is read in place, BLAS-style: {@code a} is [n x k] with row stride {@code lda}, or,
 * when {@code aTransposed}, stored as its transpose ([k x n] rows with stride {@code lda}), which is
 * what {@code x.t()} of a contiguous x is. Likewise {@code b}, [k x m] or stored as [m x k]. {@code c}
 * is dense [n x m].
 *
 * <p>Without a native BLAS, large products go to the packed Vector API kernel ({@link VectorGemm}) where the JVM
 * allows it ({@link VectorApi}: the incubator module added and C2 compiling), else those of whole dense arrays to
 * ojalgo ({@link OjalgoGemm}); the rest to Java loops. {@code -Dtorchglot.gemm.java=vector|ojalgo|loops} forces one
 * where it can run (for benchmarks). The loops accumulate every output element as one chain of fused multiply-adds over
 * {@code p = 0..k-1}, whatever the layouts, so below ojalgo's threshold a transposed operand gives the same
 * bits as its contiguous copy would.
 */
public final class Gemm {
    /** Below this many multiply-adds the downcall costs more than the Java loop. */
    private static final long NATIVE_THRESHOLD = 4096;

    /** Multiply-adds from which the Vector API kernel runs (compiled, it beat the loops 4x from 16x16x16 up). */
    private static final long VECTOR_THRESHOLD = 4096;
    private static final String JAVA_KERNEL = javaKernel();

    private Gemm() {
    }

    private static String javaKernel() {
        String kernel = System.getProperty("torchglot.gemm.java", "auto");
        if (!java.util.List.of("auto", "vector", "ojalgo", "loops").contains(kernel)) {
            throw new IllegalArgumentException("-Dtorchglot.gemm.java must be auto, vector, ojalgo or loops, not "
                    + kernel);
        }
        return kernel;
    }

    private static boolean useVector(int n, int k, int m) {
        return n > 0 && m > 0 && VectorApi.usable()
                && (JAVA_KERNEL.equals("vector") || JAVA_KERNEL.equals("auto") && (long) n * k * m >= VECTOR_THRESHOLD);
    }

    private static boolean useOjalgo(int aLength, int aOff, int lda, boolean aTransposed, int bLength, int bOff,
            int ldb, boolean bTransposed, int cLength, int cOff, int n, int k, int m) {
        return !JAVA_KERNEL.equals("loops")
                && OjalgoGemm.takes(aLength, aOff, lda, aTransposed, bLength, bOff, ldb, bTransposed, cLength, cOff,
                        n, k, m);
    }

    private static boolean useNative(int n, int k, int m) {
        return (long) n * k * m >= NATIVE_THRESHOLD && n > 0 && k > 0 && m > 0 && NativeBlas.available();
    }

    /** Whether a native BLAS is in use, for diagnostics ({@code torchglot --version}). */
    public static boolean nativeBlasAvailable() {
        return NativeBlas.available();
    }

    /**
     * Which BLAS is in use and where it came from, e.g. {@code OpenBLAS 0.3.31 DYNAMIC_ARCH ... (bundled, up to
     * 2 threads) at /home/u/.cache/torchglot/openblas-linux-x86_64-.../libopenblas.so.0}.
     */
    public static String blasDescription() {
        return NativeBlas.description();
    }

    /**
     * Checks that the operands of {@code c[n x m] = op(a) @ op(b)} lie inside their arrays.
     *
     * @throws IndexOutOfBoundsException with the offending operand named
     */
    private static void checkOperands(int aLength, int aOff, int lda, boolean aTransposed, int bLength, int bOff,
            int ldb, boolean bTransposed, int cLength, int cOff, int n, int k, int m) {
        if (n < 0 || k < 0 || m < 0) {
            throw new IndexOutOfBoundsException("negative GEMM size " + n + "x" + k + "x" + m);
        }
        checkMatrix("a", aLength, aOff, lda, aTransposed ? k : n, aTransposed ? n : k);
        checkMatrix("b", bLength, bOff, ldb, bTransposed ? m : k, bTransposed ? k : m);
        checkMatrix("c", cLength, cOff, Math.max(1, m), n, m);
    }

    /** A stored [rows x cols] matrix, rows {@code ld} apart, from {@code off} in an array of {@code length}. */
    private static void checkMatrix(String name, int length, int off, int ld, int rows, int cols) {
        boolean empty = rows == 0 || cols == 0;
        long end = empty ? off : off + (long) (rows - 1) * ld + cols;
        if (off < 0 || !empty && ld < cols || end > length) {
            throw new IndexOutOfBoundsException("GEMM operand " + name + " (" + rows + "x" + cols + " from " + off
                    + ", row stride " + ld + ") does not fit its array of " + length);
        }
    }

    /** c[n x m] = a[n x k] @ b, where b is dense [k x m], or [m x k] when {@code bTransposed}; a is dense. */
    public static void multiply(float[] a, int aOff, float[] b, int bOff, boolean bTransposed, float[] c, int cOff,
            int n, int k, int m) {
        multiply(a, aOff, k, false, b, bOff, bTransposed ? k : m, bTransposed, c, cOff, n, k, m);
    }

    /** c[n x m] = op(a) @ op(b) with the operand layouts of the class comment. */
    public static void multiply(float[] a, int aOff, int lda, boolean aTransposed, float[] b, int bOff, int ldb,
            boolean bTransposed, float[] c, int cOff, int n, int k, int m) {
        checkOperands(a.length, aOff, lda, aTransposed, b.length, bOff, ldb, bTransposed, c.length, cOff, n, k, m);
        if (useNative(n, k, m)) {
            NativeBlas.sgemm(a, aOff, lda, aTransposed, b, bOff, ldb, bTransposed, c, cOff, n, k, m);
            return;
        }
        if (useVector(n, k, m)) {
            VectorGemm.multiply(a, aOff, lda, aTransposed, b, bOff, ldb, bTransposed, c, cOff, n, k, m);
            return;
        }
        if (useOjalgo(a.length, aOff, lda, aTransposed, b.length, bOff, ldb, bTransposed, c.length, cOff, n, k, m)) {
            OjalgoGemm.multiply(a, b, bTransposed, c, k, m);
            return;
        }
        // Steps through a's storage along a row of op(a) and down a column of it.
        int aAlongRow = aTransposed ? lda : 1;
        int aDownColumn = aTransposed ? 1 : lda;
        if (bTransposed) {
            // Dot products of op(a)'s rows with b's stored rows; a strided row is gathered once.
            float[] row = aTransposed ? new float[k] : a;
            for (int i = 0; i < n; i++) {
                int ai = aOff + i * aDownColumn;
                if (aTransposed) {
                    for (int p = 0; p < k; p++) {
                        row[p] = a[ai + p * lda];
                    }
                    ai = 0;
                }
                for (int j = 0; j < m; j++) {
                    int bj = bOff + j * ldb;
                    float s = 0f;
                    for (int p = 0; p < k; p++) {
                        s = Math.fma(row[ai + p], b[bj + p], s);
                    }
                    c[cOff + i * m + j] = s;
                }
            }
            return;
        }
        java.util.Arrays.fill(c, cOff, cOff + n * m, 0f);
        for (int i = 0; i < n; i++) {
            int ci = cOff + i * m;
            int ai = aOff + i * aDownColumn;
            for (int p = 0; p < k; p++) {
                float aip = a[ai + p * aAlongRow];
                int bp = bOff + p * ldb;
                for (int j = 0; j < m; j++) {
                    c[ci + j] = Math.fma(aip, b[bp + j], c[ci + j]);
                }
            }
        }
    }

    /** The float64 twin of {@link #multiply(float[], int, float[], int, boolean, float[], int, int, int, int)}. */
    public static void multiply(double[] a, int aOff, double[] b, int bOff, boolean bTransposed, double[] c, int cOff,
            int n, int k, int m) {
        multiply(a, aOff, k, false, b, bOff, bTransposed ? k : m, bTransposed, c, cOff, n, k, m);
    }

    /** The float64 twin of {@link #multiply(float[], int, int, boolean, float[], int, int, boolean, float[], int, int, int, int)}. */
    public static void multiply(double[] a, int aOff, int lda, boolean aTransposed, double[] b, int bOff, int ldb,
            boolean bTransposed, double[] c, int cOff, int n, int k, int m) {
        checkOperands(a.length, aOff, lda, aTransposed, b.length, bOff, ldb, bTransposed, c.length, cOff, n, k, m);
        if (useNative(n, k, m)) {
            NativeBlas.dgemm(a, aOff, lda, aTransposed, b, bOff, ldb, bTransposed, c, cOff, n, k, m);
            return;
        }
        if (useVector(n, k, m)) {
            VectorGemm.multiply(a, aOff, lda, aTransposed, b, bOff, ldb, bTransposed, c, cOff, n, k, m);
            return;
        }
        if (useOjalgo(a.length, aOff, lda, aTransposed, b.length, bOff, ldb, bTransposed, c.length, cOff, n, k, m)) {
            OjalgoGemm.multiply(a, b, bTransposed, c, k, m);
            return;
        }
        int aAlongRow = aTransposed ? lda : 1;
        int aDownColumn = aTransposed ? 1 : lda;
        if (bTransposed) {
            double[] row = aTransposed ? new double[k] : a;
            for (int i = 0; i < n; i++) {
                int ai = aOff + i * aDownColumn;
                if (aTransposed) {
                    for (int p = 0; p < k; p++) {
                        row[p] = a[ai + p * lda];
                    }
                    ai = 0;
                }
                for (int j = 0; j < m; j++) {
                    int bj = bOff + j * ldb;
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s = Math.fma(row[ai + p], b[bj + p], s);
                    }
                    c[cOff + i * m + j] = s;
                }
            }
            return;
        }
        java.util.Arrays.fill(c, cOff, cOff + n * m, 0);
        for (int i = 0; i < n; i++) {
            int ci = cOff + i * m;
            int ai = aOff + i * aDownColumn;
            for (int p = 0; p < k; p++) {
                double aip = a[ai + p * aAlongRow];
                int bp = bOff + p * ldb;
                for (int j = 0; j < m; j++) {
                    c[ci + j] = Math.fma(aip, b[bp + j], c[ci + j]);
                }
            }
        }
    }
}
