package org.torchglot.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The packed Vector API kernel against a double-precision reference and the Java loops: sizes that leave partial
 * micro-tiles and cross the KC and MC blocks, every transposed layout with offsets and row strides (the gaps hold
 * NaN), float32 and float64.
 */
class VectorGemmTest {
    /** n x k x m: one partial tile; k across two KC blocks and n across two MC blocks; wide m; a vector's width. */
    private static final int[][] SHAPES = {{1, 1, 1}, {5, 3, 7}, {75, 300, 37}, {13, 2 * VectorGemm.KC + 1, 70},
        {VectorGemm.MC + 7, 17, 129}, {6, 64, 2 * VectorGemm.floatLanes()}};

    @Test
    void surefireRunsTheKernelUnderC2() {
        assertTrue(VectorApi.usable(), "engine tests run with --add-modules=jdk.incubator.vector and C2 (pom.xml)");
    }

    @Test
    void float32MatchesTheReferenceForEveryLayout() {
        Random r = new Random(17);
        for (int[] s : SHAPES) {
            int n = s[0];
            int k = s[1];
            int m = s[2];
            double[] a = gaussian(r, n * k, true);
            double[] b = gaussian(r, k * m, true);
            double[] want = reference(a, b, n, k, m);
            for (int layout = 0; layout < 4; layout++) {
                boolean at = (layout & 1) != 0;
                boolean bt = (layout & 2) != 0;
                int lda = (at ? n : k) + 3;
                int ldb = (bt ? k : m) + 2;
                float[] as = toFloats(layOut(a, n, k, at, 5, lda));
                float[] bs = toFloats(layOut(b, k, m, bt, 1, ldb));
                float[] c = new float[4 + n * m];
                Arrays.fill(c, Float.NaN);
                VectorGemm.multiply(as, 5, lda, at, bs, 1, ldb, bt, c, 4, n, k, m);
                float[] loops = new float[n * m];
                Gemm.multiply(toFloats(a), 0, k, false, toFloats(b), 0, m, false, loops, 0, n, k, m);
                for (int i = 0; i < n * m; i++) {
                    String where = Arrays.toString(s) + " aT=" + at + " bT=" + bt + " at " + i;
                    assertEquals(want[i], c[4 + i], 1e-5 * (Math.sqrt(k) + Math.abs(want[i])), where);
                    assertEquals(loops[i], c[4 + i], 1e-5 * (Math.sqrt(k) + Math.abs(want[i])), where + " (loops)");
                }
            }
        }
    }

    @Test
    void float64MatchesTheReferenceForEveryLayout() {
        Random r = new Random(18);
        for (int[] s : SHAPES) {
            int n = s[0];
            int k = s[1];
            int m = s[2];
            double[] a = gaussian(r, n * k, false);
            double[] b = gaussian(r, k * m, false);
            double[] want = reference(a, b, n, k, m);
            for (int layout = 0; layout < 4; layout++) {
                boolean at = (layout & 1) != 0;
                boolean bt = (layout & 2) != 0;
                int lda = (at ? n : k) + 1;
                int ldb = (bt ? k : m) + 4;
                double[] c = new double[2 + n * m];
                Arrays.fill(c, Double.NaN);
                VectorGemm.multiply(layOut(a, n, k, at, 3, lda), 3, lda, at, layOut(b, k, m, bt, 0, ldb), 0, ldb, bt,
                        c, 2, n, k, m);
                for (int i = 0; i < n * m; i++) {
                    assertEquals(want[i], c[2 + i], 1e-12 * (Math.sqrt(k) + Math.abs(want[i])),
                            Arrays.toString(s) + " aT=" + at + " bT=" + bt + " at " + i);
                }
            }
        }
    }

    @Test
    void transposedOperandsGiveTheSameBitsAsContiguousOnes() {
        Random r = new Random(19);
        int n = 29;
        int k = 301;
        int m = 45;
        double[] a = gaussian(r, n * k, true);
        double[] b = gaussian(r, k * m, true);
        float[] plain = new float[n * m];
        float[] transposed = new float[n * m];
        VectorGemm.multiply(toFloats(a), 0, k, false, toFloats(b), 0, m, false, plain, 0, n, k, m);
        VectorGemm.multiply(toFloats(layOut(a, n, k, true, 0, n)), 0, n, true, toFloats(layOut(b, k, m, true, 0, k)), 0,
                k, true, transposed, 0, n, k, m);
        assertArrayEquals(plain, transposed);
    }

    @Test
    void anEmptyInnerDimensionGivesZeros() {
        float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        VectorGemm.multiply(new float[0], 0, 1, false, new float[0], 0, 3, false, c, 0, 2, 0, 3);
        assertArrayEquals(new float[6], c);
    }

    private static double[] reference(double[] a, double[] b, int n, int k, int m) {
        double[] c = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i * k + p] * b[p * m + j];
                }
                c[i * m + j] = s;
            }
        }
        return c;
    }

    /** Gaussian values, rounded to float32 when {@code floats} so both precisions see the same numbers. */
    private static double[] gaussian(Random r, int size, boolean floats) {
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = floats ? (float) r.nextGaussian() : r.nextGaussian();
        }
        return x;
    }

    private static float[] toFloats(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    /** Row-major [rows x cols] {@code x} from {@code off}, rows {@code ld} apart, or transposed; NaN gaps. */
    private static double[] layOut(double[] x, int rows, int cols, boolean transposed, int off, int ld) {
        double[] out = new double[off + (transposed ? cols : rows) * ld];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[off + (transposed ? j * ld + i : i * ld + j)] = x[i * cols + j];
            }
        }
        return out;
    }
}
