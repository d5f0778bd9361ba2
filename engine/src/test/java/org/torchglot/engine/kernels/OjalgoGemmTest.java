package org.torchglot.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pure-Java path's ojalgo products: row-major results for both layouts of b, and only the products it can take. */
class OjalgoGemmTest {

    @Test
    void rowMajorProductsMatchTheReference() {
        Random r = new Random(5);
        int n = 33;
        int k = 65;
        int m = 47;
        for (boolean bt : new boolean[] {false, true}) {
            double[] a = new double[n * k];
            double[] b = new double[k * m];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = r.nextGaussian();
            }
            float[] af = new float[a.length];
            float[] bf = new float[b.length];
            for (int i = 0; i < a.length; i++) {
                af[i] = (float) a[i];
                a[i] = af[i];
            }
            for (int i = 0; i < b.length; i++) {
                bf[i] = (float) b[i];
                b[i] = bf[i];
            }
            double[] c = new double[n * m];
            float[] cf = new float[n * m];
            OjalgoGemm.multiply(a, b, bt, c, k, m);
            OjalgoGemm.multiply(af, bf, bt, cf, k, m);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double want = 0;
                    for (int p = 0; p < k; p++) {
                        want += a[i * k + p] * b[bt ? j * k + p : p * m + j];
                    }
                    assertEquals(want, c[i * m + j], 1e-12, "bT=" + bt + " [" + i + "," + j + "]");
                    assertEquals(want, cf[i * m + j], 1e-4, "float32 bT=" + bt + " [" + i + "," + j + "]");
                }
            }
        }
    }

    @Test
    void takesOnlyLargeProductsOfWholeDenseArrays() {
        int n = 64;
        int k = 100;
        int m = 20;
        assertTrue(OjalgoGemm.takes(n * k, 0, k, false, k * m, 0, m, false, n * m, 0, n, k, m));
        assertTrue(OjalgoGemm.takes(n * k, 0, k, false, k * m, 0, k, true, n * m, 0, n, k, m));
        assertFalse(OjalgoGemm.takes(n * k, 0, n, true, k * m, 0, m, false, n * m, 0, n, k, m), "a transposed");
        assertFalse(OjalgoGemm.takes(n * k + 1, 1, k, false, k * m, 0, m, false, n * m, 0, n, k, m), "an offset");
        assertFalse(OjalgoGemm.takes(n * k, 0, k, false, k * m + 5, 0, m, false, n * m, 0, n, k, m), "a longer array");
        assertFalse(OjalgoGemm.takes(n * k, 0, k, false, k * m, 0, m, false, n * m + 1, 0, n, k, m), "a longer c");
        assertFalse(OjalgoGemm.takes(16, 0, 4, false, 16, 0, 4, false, 16, 0, 4, 4, 4), "a small product");
    }
}
