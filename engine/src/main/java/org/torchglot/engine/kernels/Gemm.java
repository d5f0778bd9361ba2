package org.torchglot.engine.kernels;

/**
 * Row-major matrix products. Large products go to a system BLAS when one is installed
 * ({@link NativeBlas}); small ones, and every product without a BLAS, run in Java.
 *
 * <p>Row-major matrix products {@code c = a @ b} on raw arrays. {@code bTransposed} means {@code b}
 * is stored as its transpose (m x k rows), the layout of {@code nn.Linear}'s weight, which turns
 * every output element into a contiguous dot product.
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

    /** c[n x m] = a[n x k] @ b, where b is [k x m], or [m x k] when {@code bTransposed}. */
    public static void multiply(float[] a, int aOff, float[] b, int bOff, boolean bTransposed, float[] c, int cOff,
            int n, int k, int m) {
        if (useNative(n, k, m)) {
            NativeBlas.sgemm(a, aOff, b, bOff, bTransposed, c, cOff, n, k, m);
            return;
        }
        if (bTransposed) {
            for (int i = 0; i < n; i++) {
                int ai = aOff + i * k;
                for (int j = 0; j < m; j++) {
                    int bj = bOff + j * k;
                    float s = 0f;
                    for (int p = 0; p < k; p++) {
                        s = Math.fma(a[ai + p], b[bj + p], s);
                    }
                    c[cOff + i * m + j] = s;
                }
            }
            return;
        }
        java.util.Arrays.fill(c, cOff, cOff + n * m, 0f);
        for (int i = 0; i < n; i++) {
            int ci = cOff + i * m;
            for (int p = 0; p < k; p++) {
                float aip = a[aOff + i * k + p];
                int bp = bOff + p * m;
                for (int j = 0; j < m; j++) {
                    c[ci + j] = Math.fma(aip, b[bp + j], c[ci + j]);
                }
            }
        }
    }

    /** The float64 twin of {@link #multiply(float[], int, float[], int, boolean, float[], int, int, int, int)}. */
    public static void multiply(double[] a, int aOff, double[] b, int bOff, boolean bTransposed, double[] c, int cOff,
            int n, int k, int m) {
        if (useNative(n, k, m)) {
            NativeBlas.dgemm(a, aOff, b, bOff, bTransposed, c, cOff, n, k, m);
            return;
        }
        if (bTransposed) {
            for (int i = 0; i < n; i++) {
                int ai = aOff + i * k;
                for (int j = 0; j < m; j++) {
                    int bj = bOff + j * k;
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s = Math.fma(a[ai + p], b[bj + p], s);
                    }
                    c[cOff + i * m + j] = s;
                }
            }
            return;
        }
        java.util.Arrays.fill(c, cOff, cOff + n * m, 0);
        for (int i = 0; i < n; i++) {
            int ci = cOff + i * m;
            for (int p = 0; p < k; p++) {
                double aip = a[aOff + i * k + p];
                int bp = bOff + p * m;
                for (int j = 0; j < m; j++) {
                    c[ci + j] = Math.fma(aip, b[bp + j], c[ci + j]);
                }
            }
        }
    }
}
