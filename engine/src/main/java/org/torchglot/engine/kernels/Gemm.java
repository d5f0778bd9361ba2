package org.torchglot.engine.kernels;

/**
 * Row-major matrix products {@code c = a @ b} on raw arrays. {@code bTransposed} means {@code b}
 * is stored as its transpose (m x k rows), the layout of {@code nn.Linear}'s weight, which turns
 * every output element into a contiguous dot product.
 */
public final class Gemm {
    private Gemm() {
    }

    /** c[n x m] = a[n x k] @ b, where b is [k x m], or [m x k] when {@code bTransposed}. */
    public static void multiply(float[] a, int aOff, float[] b, int bOff, boolean bTransposed, float[] c, int cOff,
            int n, int k, int m) {
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
