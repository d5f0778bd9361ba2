package org.torchglot.engine.kernels;

/**
 * Row-major matrix products {@code c = op(a) @ op(b)} on raw arrays. Large products go to a system
 * BLAS when one is installed ({@link NativeBlas}); small ones, and every product without a BLAS, run
 * in Java.
 *
 * <p>Each operand is read in place, BLAS-style: {@code a} is [n x k] with row stride {@code lda}, or,
 * when {@code aTransposed}, stored as its transpose ([k x n] rows with stride {@code lda}), which is
 * what {@code x.t()} of a contiguous x is. Likewise {@code b}, [k x m] or stored as [m x k]. {@code c}
 * is dense [n x m].
 *
 * <p>The Java loops accumulate every output element as one chain of fused multiply-adds over
 * {@code p = 0..k-1}, whatever the layouts, so a transposed operand gives the same bits as its
 * contiguous copy would.
 */
public final class Gemm {
    /** Below this many multiply-adds the downcall costs more than the Java loop. */
    private static final long NATIVE_THRESHOLD = 4096;

    private Gemm() {
    }

    private static boolean useNative(int n, int k, int m) {
        return (long) n * k * m >= NATIVE_THRESHOLD && n > 0 && k > 0 && m > 0 && NativeBlas.available();
    }

    /** Whether a native BLAS is in use, for diagnostics ({@code torchglot --version}). */
    public static boolean nativeBlasAvailable() {
        return NativeBlas.available();
    }

    /** c[n x m] = a[n x k] @ b, where b is dense [k x m], or [m x k] when {@code bTransposed}; a is dense. */
    public static void multiply(float[] a, int aOff, float[] b, int bOff, boolean bTransposed, float[] c, int cOff,
            int n, int k, int m) {
        multiply(a, aOff, k, false, b, bOff, bTransposed ? k : m, bTransposed, c, cOff, n, k, m);
    }

    /** c[n x m] = op(a) @ op(b) with the operand layouts of the class comment. */
    public static void multiply(float[] a, int aOff, int lda, boolean aTransposed, float[] b, int bOff, int ldb,
            boolean bTransposed, float[] c, int cOff, int n, int k, int m) {
        if (useNative(n, k, m)) {
            NativeBlas.sgemm(a, aOff, lda, aTransposed, b, bOff, ldb, bTransposed, c, cOff, n, k, m);
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
        if (useNative(n, k, m)) {
            NativeBlas.dgemm(a, aOff, lda, aTransposed, b, bOff, ldb, bTransposed, c, cOff, n, k, m);
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
