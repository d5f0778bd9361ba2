package org.torchglot.engine.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A packed, cache-blocked GEMM on the Vector API, GotoBLAS/BLIS style: op(b) is copied in blocks of KC rows and up
 * to NC columns into strips of two vectors' width, op(a) in blocks of MC x KC into strips of MR rows, and a
 * register-blocked micro-kernel accumulates each MR x (2 vectors) tile of c in twelve vector registers with fused
 * multiply-adds. Packing absorbs the transposed layouts, so every layout runs the same kernel.
 *
 * <p>Only C2 compiles the Vector API into vector instructions; under C1 or the interpreter every vector is an
 * object, so {@link VectorKernels} uses this class only where C2 runs. Each element of c is the sum of one fma chain
 * per block of KC terms, so results differ from the Java loops' single chain in the last bits.
 */
final class VectorGemm {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Rows of a micro-tile: 12 accumulators, 2 rows of b and a broadcast fit in AVX2's 16 registers. */
    private static final int MR = 6;
    /** Terms per packed block: a strip of b (KC x 2 vectors) stays in L1 across the strips of a. */
    static final int KC = 256;
    /** Rows of a per packed block (a multiple of MR), sized for L2. */
    static final int MC = 72;
    /** Columns of b per packed block. */
    static final int NC = 4096;

    /**
     * Each thread's packing buffers, kept between products: a fresh 200 KB-4 MB array per product cost 5-10% of a
     * tutorial-sized one in zeroing alone.
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        private float[] aFloats = new float[0];
        private float[] bFloats = new float[0];
        private double[] aDoubles = new double[0];
        private double[] bDoubles = new double[0];
        private final float[] floatTile = new float[MR * 2 * F.length()];
        private final double[] doubleTile = new double[MR * 2 * D.length()];

        float[] aFloats(int size) {
            if (aFloats.length < size) {
                aFloats = new float[size];
            }
            return aFloats;
        }

        float[] bFloats(int size) {
            if (bFloats.length < size) {
                bFloats = new float[size];
            }
            return bFloats;
        }

        double[] aDoubles(int size) {
            if (aDoubles.length < size) {
                aDoubles = new double[size];
            }
            return aDoubles;
        }

        double[] bDoubles(int size) {
            if (bDoubles.length < size) {
                bDoubles = new double[size];
            }
            return bDoubles;
        }
    }

    private VectorGemm() {
    }

    /** Lanes in a float32 vector, for diagnostics. */
    static int floatLanes() {
        return F.length();
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /** c[n x m] = op(a) @ op(b), float32, with {@link Gemm}'s operand layouts (sizes already checked). */
    static void multiply(float[] a, int aOff, int lda, boolean aTransposed, float[] b, int bOff, int ldb,
            boolean bTransposed, float[] c, int cOff, int n, int k, int m) {
        int lanes = F.length();
        int nr = 2 * lanes;
        int kcMax = Math.min(k, KC);
        Scratch scratch = SCRATCH.get();
        float[] aPacked = scratch.aFloats(roundUp(Math.min(n, MC), MR) * kcMax);
        float[] bPacked = scratch.bFloats(roundUp(Math.min(m, NC), nr) * kcMax);
        float[] tile = scratch.floatTile;
        if (k == 0) {
            java.util.Arrays.fill(c, cOff, cOff + n * m, 0f);
            return;
        }
        for (int jc = 0; jc < m; jc += NC) {
            int nc = Math.min(NC, m - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(b, bOff, ldb, bTransposed, pc, jc, kc, nc, nr, bPacked);
                for (int ic = 0; ic < n; ic += MC) {
                    int mc = Math.min(MC, n - ic);
                    packA(a, aOff, lda, aTransposed, ic, pc, mc, kc, aPacked);
                    for (int jr = 0; jr < nc; jr += nr) {
                        for (int ir = 0; ir < mc; ir += MR) {
                            kernel(aPacked, ir * kc, bPacked, jr * kc, kc, c, cOff + (ic + ir) * m + jc + jr, m,
                                    pc > 0, Math.min(MR, mc - ir), Math.min(nr, nc - jr), tile);
                        }
                    }
                }
            }
        }
    }

    /** Copies op(a)[ic.., pc..] (mc x kc) as strips of MR rows, column by column, zero-padded to MR. */
    private static void packA(float[] a, int aOff, int lda, boolean transposed, int ic, int pc, int mc, int kc,
            float[] packed) {
        int at = 0;
        for (int ir = 0; ir < mc; ir += MR) {
            int rows = Math.min(MR, mc - ir);
            for (int p = 0; p < kc; p++) {
                for (int r = 0; r < rows; r++) {
                    int i = ic + ir + r;
                    packed[at + r] = transposed ? a[aOff + (pc + p) * lda + i] : a[aOff + i * lda + pc + p];
                }
                for (int r = rows; r < MR; r++) {
                    packed[at + r] = 0f;
                }
                at += MR;
            }
        }
    }

    /** Copies op(b)[pc.., jc..] (kc x nc) as strips of nr columns, row by row, zero-padded to nr. */
    private static void packB(float[] b, int bOff, int ldb, boolean transposed, int pc, int jc, int kc, int nc, int nr,
            float[] packed) {
        int at = 0;
        for (int jr = 0; jr < nc; jr += nr) {
            int cols = Math.min(nr, nc - jr);
            if (transposed) {
                // NOTE: along b's stored rows (contiguous), writing the strip's columns: reads stay sequential.
                for (int q = 0; q < cols; q++) {
                    int from = bOff + (jc + jr + q) * ldb + pc;
                    for (int p = 0; p < kc; p++) {
                        packed[at + p * nr + q] = b[from + p];
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, bOff + (pc + p) * ldb + jc + jr, packed, at + p * nr, cols);
                }
            }
            for (int p = 0; p < kc && cols < nr; p++) {
                java.util.Arrays.fill(packed, at + p * nr + cols, at + (p + 1) * nr, 0f);
            }
            at += kc * nr;
        }
    }

    /**
     * The MR x nr tile of c at {@code ci}: sum over p of a strip's column times b strip's row, in 12 vector
     * registers; added to c ({@code accumulate}) or stored over it. Edge tiles go through {@code tile}.
     */
    private static void kernel(float[] ap, int ai, float[] bp, int bi, int kc, float[] c, int ci, int ldc,
            boolean accumulate, int rows, int cols, float[] tile) {
        int lanes = F.length();
        FloatVector c00 = FloatVector.zero(F), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        FloatVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = 0; p < kc; p++) {
            FloatVector b0 = FloatVector.fromArray(F, bp, bi);
            FloatVector b1 = FloatVector.fromArray(F, bp, bi + lanes);
            FloatVector x = FloatVector.broadcast(F, ap[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(F, ap[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(F, ap[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(F, ap[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(F, ap[ai + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(F, ap[ai + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            ai += MR;
            bi += 2 * lanes;
        }
        if (rows == MR && cols == 2 * lanes) {
            store(c00, c01, c, ci, lanes, accumulate);
            store(c10, c11, c, ci + ldc, lanes, accumulate);
            store(c20, c21, c, ci + 2 * ldc, lanes, accumulate);
            store(c30, c31, c, ci + 3 * ldc, lanes, accumulate);
            store(c40, c41, c, ci + 4 * ldc, lanes, accumulate);
            store(c50, c51, c, ci + 5 * ldc, lanes, accumulate);
            return;
        }
        int nr = 2 * lanes;
        c00.intoArray(tile, 0);
        c01.intoArray(tile, lanes);
        c10.intoArray(tile, nr);
        c11.intoArray(tile, nr + lanes);
        c20.intoArray(tile, 2 * nr);
        c21.intoArray(tile, 2 * nr + lanes);
        c30.intoArray(tile, 3 * nr);
        c31.intoArray(tile, 3 * nr + lanes);
        c40.intoArray(tile, 4 * nr);
        c41.intoArray(tile, 4 * nr + lanes);
        c50.intoArray(tile, 5 * nr);
        c51.intoArray(tile, 5 * nr + lanes);
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < cols; q++) {
                float v = tile[r * nr + q];
                c[ci + r * ldc + q] = accumulate ? c[ci + r * ldc + q] + v : v;
            }
        }
    }

    private static void store(FloatVector v0, FloatVector v1, float[] c, int at, int lanes, boolean accumulate) {
        if (accumulate) {
            v0 = v0.add(FloatVector.fromArray(F, c, at));
            v1 = v1.add(FloatVector.fromArray(F, c, at + lanes));
        }
        v0.intoArray(c, at);
        v1.intoArray(c, at + lanes);
    }

    /** c[n x m] = op(a) @ op(b), float64, with {@link Gemm}'s operand layouts (sizes already checked). */
    static void multiply(double[] a, int aOff, int lda, boolean aTransposed, double[] b, int bOff, int ldb,
            boolean bTransposed, double[] c, int cOff, int n, int k, int m) {
        int lanes = D.length();
        int nr = 2 * lanes;
        int kcMax = Math.min(k, KC);
        Scratch scratch = SCRATCH.get();
        double[] aPacked = scratch.aDoubles(roundUp(Math.min(n, MC), MR) * kcMax);
        double[] bPacked = scratch.bDoubles(roundUp(Math.min(m, NC), nr) * kcMax);
        double[] tile = scratch.doubleTile;
        if (k == 0) {
            java.util.Arrays.fill(c, cOff, cOff + n * m, 0);
            return;
        }
        for (int jc = 0; jc < m; jc += NC) {
            int nc = Math.min(NC, m - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(b, bOff, ldb, bTransposed, pc, jc, kc, nc, nr, bPacked);
                for (int ic = 0; ic < n; ic += MC) {
                    int mc = Math.min(MC, n - ic);
                    packA(a, aOff, lda, aTransposed, ic, pc, mc, kc, aPacked);
                    for (int jr = 0; jr < nc; jr += nr) {
                        for (int ir = 0; ir < mc; ir += MR) {
                            kernel(aPacked, ir * kc, bPacked, jr * kc, kc, c, cOff + (ic + ir) * m + jc + jr, m,
                                    pc > 0, Math.min(MR, mc - ir), Math.min(nr, nc - jr), tile);
                        }
                    }
                }
            }
        }
    }

    /** Copies op(a)[ic.., pc..] (mc x kc) as strips of MR rows, column by column, zero-padded to MR. */
    private static void packA(double[] a, int aOff, int lda, boolean transposed, int ic, int pc, int mc, int kc,
            double[] packed) {
        int at = 0;
        for (int ir = 0; ir < mc; ir += MR) {
            int rows = Math.min(MR, mc - ir);
            for (int p = 0; p < kc; p++) {
                for (int r = 0; r < rows; r++) {
                    int i = ic + ir + r;
                    packed[at + r] = transposed ? a[aOff + (pc + p) * lda + i] : a[aOff + i * lda + pc + p];
                }
                for (int r = rows; r < MR; r++) {
                    packed[at + r] = 0;
                }
                at += MR;
            }
        }
    }

    /** Copies op(b)[pc.., jc..] (kc x nc) as strips of nr columns, row by row, zero-padded to nr. */
    private static void packB(double[] b, int bOff, int ldb, boolean transposed, int pc, int jc, int kc, int nc, int nr,
            double[] packed) {
        int at = 0;
        for (int jr = 0; jr < nc; jr += nr) {
            int cols = Math.min(nr, nc - jr);
            if (transposed) {
                // NOTE: along b's stored rows (contiguous), writing the strip's columns: reads stay sequential.
                for (int q = 0; q < cols; q++) {
                    int from = bOff + (jc + jr + q) * ldb + pc;
                    for (int p = 0; p < kc; p++) {
                        packed[at + p * nr + q] = b[from + p];
                    }
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(b, bOff + (pc + p) * ldb + jc + jr, packed, at + p * nr, cols);
                }
            }
            for (int p = 0; p < kc && cols < nr; p++) {
                java.util.Arrays.fill(packed, at + p * nr + cols, at + (p + 1) * nr, 0);
            }
            at += kc * nr;
        }
    }

    /**
     * The MR x nr tile of c at {@code ci}: sum over p of a strip's column times b strip's row, in 12 vector
     * registers; added to c ({@code accumulate}) or stored over it. Edge tiles go through {@code tile}.
     */
    private static void kernel(double[] ap, int ai, double[] bp, int bi, int kc, double[] c, int ci, int ldc,
            boolean accumulate, int rows, int cols, double[] tile) {
        int lanes = D.length();
        DoubleVector c00 = DoubleVector.zero(D), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        DoubleVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(D, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(D, bp, bi + lanes);
            DoubleVector x = DoubleVector.broadcast(D, ap[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(D, ap[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(D, ap[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(D, ap[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(D, ap[ai + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(D, ap[ai + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            ai += MR;
            bi += 2 * lanes;
        }
        if (rows == MR && cols == 2 * lanes) {
            store(c00, c01, c, ci, lanes, accumulate);
            store(c10, c11, c, ci + ldc, lanes, accumulate);
            store(c20, c21, c, ci + 2 * ldc, lanes, accumulate);
            store(c30, c31, c, ci + 3 * ldc, lanes, accumulate);
            store(c40, c41, c, ci + 4 * ldc, lanes, accumulate);
            store(c50, c51, c, ci + 5 * ldc, lanes, accumulate);
            return;
        }
        int nr = 2 * lanes;
        c00.intoArray(tile, 0);
        c01.intoArray(tile, lanes);
        c10.intoArray(tile, nr);
        c11.intoArray(tile, nr + lanes);
        c20.intoArray(tile, 2 * nr);
        c21.intoArray(tile, 2 * nr + lanes);
        c30.intoArray(tile, 3 * nr);
        c31.intoArray(tile, 3 * nr + lanes);
        c40.intoArray(tile, 4 * nr);
        c41.intoArray(tile, 4 * nr + lanes);
        c50.intoArray(tile, 5 * nr);
        c51.intoArray(tile, 5 * nr + lanes);
        for (int r = 0; r < rows; r++) {
            for (int q = 0; q < cols; q++) {
                double v = tile[r * nr + q];
                c[ci + r * ldc + q] = accumulate ? c[ci + r * ldc + q] + v : v;
            }
        }
    }

    private static void store(DoubleVector v0, DoubleVector v1, double[] c, int at, int lanes, boolean accumulate) {
        if (accumulate) {
            v0 = v0.add(DoubleVector.fromArray(D, c, at));
            v1 = v1.add(DoubleVector.fromArray(D, c, at + lanes));
        }
        v0.intoArray(c, at);
        v1.intoArray(c, at + lanes);
    }
}
