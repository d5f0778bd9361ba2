package org.torchglot.engine.ops;

/**
 * libtorch 1.13's float32 sum of a contiguous run, in float32 and in its order (ATen's SumKernel.cpp:
 * {@code vectorized_inner_sum} over AVX2's 8-lane vectors, {@code row_sum}'s 4 interleaved rows and
 * {@code multi_row_sum}'s 4-level cascade), so sums print the digits PyTorch prints: near zero, a sum in
 * double gives {@code 1e-14} where PyTorch gives {@code -1e-06}. Checked against PyTorch on sizes 33 to 12,345.
 */
final class CascadeSum {
    private static final int LANES = 8;
    private static final int ILP = 4;
    private static final int LEVELS = 4;

    private CascadeSum() {
    }

    static float sum(float[] v, int from, int n) {
        if (n < LANES) {
            return rowSum(v, from, n, 1)[0];
        }
        int vectors = n / LANES;
        float[] lanes = rowSum(v, from, vectors, LANES);
        float total = 0f;
        for (int k = vectors * LANES; k < n; k++) {
            total += v[from + k];
        }
        for (float lane : lanes) {
            total += lane;
        }
        return total;
    }

    /** {@code row_sum}: the sum of {@code size} elements of {@code width} lanes each, lane by lane. */
    private static float[] rowSum(float[] v, int from, int size, int width) {
        int rows = size / ILP;
        float[][] partial = multiRowSum(v, from, rows, width);
        float[] first = partial[0];
        for (int i = rows * ILP; i < size; i++) {
            add(first, v, from + i * width);
        }
        for (int k = 1; k < ILP; k++) {
            for (int l = 0; l < width; l++) {
                first[l] += partial[k][l];
            }
        }
        return first;
    }

    /** {@code multi_row_sum}: ILP interleaved sums, each a cascade that folds a level up every 2^power steps. */
    private static float[][] multiRowSum(float[] v, int from, int size, int width) {
        int power = Math.max(4, ceilLog2(size) / LEVELS);
        int step = 1 << power;
        int mask = step - 1;
        float[][][] acc = new float[LEVELS][ILP][width];
        int i = 0;
        while (i + step <= size) {
            for (int j = 0; j < step; j++, i++) {
                for (int k = 0; k < ILP; k++) {
                    add(acc[0][k], v, from + (i * ILP + k) * width);
                }
            }
            for (int j = 1; j < LEVELS; j++) {
                for (int k = 0; k < ILP; k++) {
                    for (int l = 0; l < width; l++) {
                        acc[j][k][l] += acc[j - 1][k][l];
                        acc[j - 1][k][l] = 0f;
                    }
                }
                if ((i & (mask << (j * power))) != 0) {
                    break;
                }
            }
        }
        for (; i < size; i++) {
            for (int k = 0; k < ILP; k++) {
                add(acc[0][k], v, from + (i * ILP + k) * width);
            }
        }
        for (int j = 1; j < LEVELS; j++) {
            for (int k = 0; k < ILP; k++) {
                for (int l = 0; l < width; l++) {
                    acc[0][k][l] += acc[j][k][l];
                }
            }
        }
        return acc[0];
    }

    private static void add(float[] into, float[] v, int at) {
        for (int l = 0; l < into.length; l++) {
            into[l] += v[at + l];
        }
    }

    /** ATen's {@code CeilLog2}: 1 up to 2, else the bits of x - 1. */
    private static int ceilLog2(int x) {
        return x <= 2 ? 1 : 64 - Long.numberOfLeadingZeros(x - 1L);
    }
}
