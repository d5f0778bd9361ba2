package org.torchglot.engine.ops.linalg;

/**
 * LU factorisation with partial pivoting as LAPACK's {@code getrf} does it ({@code P A = L U}, the pivot of each
 * column the largest in magnitude), on a row-major n x n matrix. {@link #zeroPivot} is LAPACK's {@code info}: the
 * 1-based position of the first exactly zero diagonal element of U, 0 when there is none.
 */
final class Lu {
    final int n;
    final double[] lu;
    final int[] rows;
    final int zeroPivot;
    private final boolean oddSwaps;

    private Lu(int n, double[] lu, int[] rows, int zeroPivot, boolean oddSwaps) {
        this.n = n;
        this.lu = lu;
        this.rows = rows;
        this.zeroPivot = zeroPivot;
        this.oddSwaps = oddSwaps;
    }

    static Lu of(double[] a, int n) {
        double[] lu = a.clone();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        int zero = 0;
        boolean odd = false;
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(lu[i * n + k]) > Math.abs(lu[p * n + k])) {
                    p = i;
                }
            }
            if (p != k) {
                for (int j = 0; j < n; j++) {
                    double t = lu[k * n + j];
                    lu[k * n + j] = lu[p * n + j];
                    lu[p * n + j] = t;
                }
                int t = rows[k];
                rows[k] = rows[p];
                rows[p] = t;
                odd = !odd;
            }
            double pivot = lu[k * n + k];
            if (pivot == 0) {
                zero = zero == 0 ? k + 1 : zero;
                continue;
            }
            for (int i = k + 1; i < n; i++) {
                double f = lu[i * n + k] / pivot;
                lu[i * n + k] = f;
                if (f != 0) {
                    for (int j = k + 1; j < n; j++) {
                        lu[i * n + j] -= f * lu[k * n + j];
                    }
                }
            }
        }
        return new Lu(n, lu, rows, zero, odd);
    }

    double det() {
        double d = oddSwaps ? -1 : 1;
        for (int i = 0; i < n; i++) {
            d *= lu[i * n + i];
        }
        return d;
    }

    /** The sign of the determinant (0 when singular) and the log of its absolute value. */
    double[] slogdet() {
        double sign = oddSwaps ? -1 : 1;
        double logAbs = 0;
        for (int i = 0; i < n; i++) {
            double u = lu[i * n + i];
            sign *= Math.signum(u);
            logAbs += Math.log(Math.abs(u));
        }
        return new double[] {sign, logAbs};
    }

    /** X with A X = B for a row-major n x cols B; the caller checks {@link #zeroPivot} first. */
    double[] solve(double[] b, int cols) {
        double[] x = new double[n * cols];
        for (int i = 0; i < n; i++) {
            System.arraycopy(b, rows[i] * cols, x, i * cols, cols);
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < i; k++) {
                double f = lu[i * n + k];
                if (f != 0) {
                    for (int j = 0; j < cols; j++) {
                        x[i * cols + j] -= f * x[k * cols + j];
                    }
                }
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            for (int k = i + 1; k < n; k++) {
                double f = lu[i * n + k];
                if (f != 0) {
                    for (int j = 0; j < cols; j++) {
                        x[i * cols + j] -= f * x[k * cols + j];
                    }
                }
            }
            double d = lu[i * n + i];
            for (int j = 0; j < cols; j++) {
                x[i * cols + j] /= d;
            }
        }
        return x;
    }

    double[] inverse() {
        double[] eye = new double[n * n];
        for (int i = 0; i < n; i++) {
            eye[i * n + i] = 1;
        }
        return solve(eye, n);
    }
}
