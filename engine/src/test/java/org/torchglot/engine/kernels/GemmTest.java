package org.torchglot.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every GEMM path (native BLAS when installed, the Java loops otherwise) against a double-precision reference. */
class GemmTest {

    private static double[] reference(float[] a, float[] b, boolean bTransposed, int n, int k, int m) {
        double[] c = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += (double) a[i * k + p] * b[bTransposed ? j * k + p : p * m + j];
                }
                c[i * m + j] = s;
            }
        }
        return c;
    }

    private static float[] gaussian(Random r, int size) {
        float[] x = new float[size];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    /**
     * Stores the dense row-major [rows x cols] matrix {@code x} from {@code off}, with rows {@code ld}
     * apart, or as its transpose ([cols x rows] rows {@code ld} apart) when {@code transposed}; the
     * gaps hold NaN so a kernel that reads them fails.
     */
    private static float[] layOut(float[] x, int rows, int cols, boolean transposed, int off, int ld) {
        int storedRows = transposed ? cols : rows;
        float[] out = new float[off + storedRows * ld];
        java.util.Arrays.fill(out, Float.NaN);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[off + (transposed ? j * ld + i : i * ld + j)] = x[i * cols + j];
            }
        }
        return out;
    }

    @Test
    void smallAndLargeProductsAgreeWithTheReference() {
        Random r = new Random(42);
        int[][] shapes = {{4, 2, 1}, {3, 5, 7}, {64, 100, 10}, {33, 65, 17}};
        for (int[] s : shapes) {
            int n = s[0];
            int k = s[1];
            int m = s[2];
            float[] a = gaussian(r, n * k + 3);
            float[] b = gaussian(r, k * m + 5);
            for (boolean bt : new boolean[] {false, true}) {
                float[] c = new float[n * m + 2];
                // Offsets exercise the slices passed to BLAS.
                float[] aShifted = new float[a.length + 3];
                System.arraycopy(a, 0, aShifted, 3, a.length);
                Gemm.multiply(aShifted, 3, b, 0, bt, c, 2, n, k, m);
                double[] want = reference(a, b, bt, n, k, m);
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], c[2 + i], 1e-4 * Math.max(1, Math.abs(want[i])),
                            n + "x" + k + "x" + m + " transposed=" + bt + " element " + i);
                }
            }
        }
    }

    @Test
    void everyOperandLayoutIsReadInPlace() {
        Random r = new Random(7);
        // Small products run the Java loops, large ones BLAS when installed; the last is x.t() @ g of nn.Linear.
        int[][] shapes = {{3, 5, 7}, {1, 4, 6}, {5, 1, 3}, {33, 65, 17}, {100, 64, 1000}};
        for (int[] s : shapes) {
            int n = s[0];
            int k = s[1];
            int m = s[2];
            float[] a = gaussian(r, n * k);
            float[] b = gaussian(r, k * m);
            double[] want = reference(a, b, false, n, k, m);
            for (boolean at : new boolean[] {false, true}) {
                for (boolean bt : new boolean[] {false, true}) {
                    int lda = (at ? n : k) + 3;
                    int ldb = (bt ? k : m) + 2;
                    float[] as = layOut(a, n, k, at, 5, lda);
                    float[] bs = layOut(b, k, m, bt, 1, ldb);
                    float[] c = new float[n * m + 4];
                    Gemm.multiply(as, 5, lda, at, bs, 1, ldb, bt, c, 4, n, k, m);
                    for (int i = 0; i < want.length; i++) {
                        assertEquals(want[i], c[4 + i], 1e-4 * Math.max(1, Math.abs(want[i])),
                                n + "x" + k + "x" + m + " aT=" + at + " bT=" + bt + " element " + i);
                    }
                }
            }
        }
    }

    @Test
    void javaLoopsGiveTheSameBitsForEveryLayout() {
        // Below the BLAS threshold, so always the Java loops: one fma chain over k in every layout.
        Random r = new Random(3);
        int n = 6;
        int k = 9;
        int m = 5;
        float[] a = gaussian(r, n * k);
        float[] b = gaussian(r, k * m);
        float[] dense = new float[n * m];
        Gemm.multiply(a, 0, b, 0, false, dense, 0, n, k, m);
        for (boolean at : new boolean[] {false, true}) {
            for (boolean bt : new boolean[] {false, true}) {
                float[] c = new float[n * m];
                Gemm.multiply(layOut(a, n, k, at, 0, at ? n : k), 0, at ? n : k, at,
                        layOut(b, k, m, bt, 0, bt ? k : m), 0, bt ? k : m, bt, c, 0, n, k, m);
                for (int i = 0; i < c.length; i++) {
                    assertEquals(Float.floatToRawIntBits(dense[i]), Float.floatToRawIntBits(c[i]),
                            "aT=" + at + " bT=" + bt + " element " + i);
                }
            }
        }
    }

    @Test
    void float64LayoutsAgreeWithTheReference() {
        Random r = new Random(11);
        for (int[] s : new int[][] {{4, 3, 5}, {40, 30, 50}}) {
            int n = s[0];
            int k = s[1];
            int m = s[2];
            double[] a = new double[k * n];
            double[] b = new double[m * k];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = r.nextGaussian();
            }
            // a stored [k x n] and b stored [m x k]: c = a^T @ b^T.
            double[] c = new double[n * m];
            Gemm.multiply(a, 0, n, true, b, 0, k, true, c, 0, n, k, m);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double want = 0;
                    for (int p = 0; p < k; p++) {
                        want += a[p * n + i] * b[j * k + p];
                    }
                    assertEquals(want, c[i * m + j], 1e-12 * Math.max(1, Math.abs(want)));
                }
            }
        }
    }

    @Test
    void operandsOutsideTheirArraysAreRefusedBeforeAnyKernelReadsThem() {
        float[] a = new float[64 * 100];
        float[] b = new float[100 * 10];
        float[] c = new float[64 * 10];
        // Large enough for the native BLAS, which would read or write past the arrays.
        assertRefused("operand a", () -> Gemm.multiply(a, 1, b, 0, false, c, 0, 64, 100, 10));
        assertRefused("operand b", () -> Gemm.multiply(new float[64 * 101], 0, b, 0, false, c, 0, 64, 101, 10));
        assertRefused("operand c", () -> Gemm.multiply(a, 0, 100, false, b, 0, 10, false, new float[639], 0, 64, 100, 10));
        assertRefused("operand b", () -> Gemm.multiply(a, 0, 100, false, b, 0, 9, false, c, 0, 64, 100, 10));
        assertRefused("operand a", () -> Gemm.multiply(a, -1, 100, true, b, 0, 10, false, c, 0, 64, 100, 10));
        assertRefused("negative", () -> Gemm.multiply(a, 0, b, 0, false, c, 0, -64, 100, 10));
        assertRefused("operand c", () -> Gemm.multiply(new double[4], 0, new double[4], 0, true, new double[3], 0, 2, 2, 2));
        assertRefused("operand a", () -> Gemm.multiply(a, 0, Integer.MAX_VALUE, false, b, 0, 10, false, c, 0, 64, 100, 10));
        // Exactly fitting operands, and empty ones, are accepted.
        Gemm.multiply(a, 0, a, 0, true, new float[64 * 64], 0, 64, 100, 64);
        Gemm.multiply(new float[0], 0, new float[0], 0, false, new float[0], 0, 0, 0, 0);
    }

    private static void assertRefused(String what, Runnable product) {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                product::run);
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }
}
