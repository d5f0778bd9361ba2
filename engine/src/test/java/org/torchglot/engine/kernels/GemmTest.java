package org.torchglot.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void smallAndLargeProductsAgreeWithTheReference() {
        Random r = new Random(42);
        int[][] shapes = {{4, 2, 1}, {3, 5, 7}, {64, 100, 10}, {33, 65, 17}};
        for (int[] s : shapes) {
            int n = s[0];
            int k = s[1];
            int m = s[2];
            float[] a = new float[n * k + 3];
            float[] b = new float[k * m + 5];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) r.nextGaussian();
            }
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
}
