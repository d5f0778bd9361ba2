package org.torchglot.engine.ops.linalg;

/**
 * QR by Householder reflections with LAPACK's conventions ({@code geqrf}'s {@code beta = -sign(alpha) ||x||}, then
 * {@code orgqr}), so Q and R carry the same signs as PyTorch's, on a row-major m x n matrix.
 */
final class HouseholderQr {
    private final int m;
    private final int n;
    private final int k;
    private final double[] a;
    private final double[] tau;

    private HouseholderQr(int m, int n, double[] a, double[] tau) {
        this.m = m;
        this.n = n;
        this.k = Math.min(m, n);
        this.a = a;
        this.tau = tau;
    }

    static HouseholderQr of(double[] input, int m, int n) {
        double[] a = input.clone();
        int k = Math.min(m, n);
        double[] tau = new double[k];
        for (int j = 0; j < k; j++) {
            double alpha = a[j * n + j];
            double xnorm = 0;
            for (int i = j + 1; i < m; i++) {
                xnorm = Math.hypot(xnorm, a[i * n + j]);
            }
            if (xnorm == 0) {
                continue;
            }
            double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
            tau[j] = (beta - alpha) / beta;
            double scale = 1 / (alpha - beta);
            for (int i = j + 1; i < m; i++) {
                a[i * n + j] *= scale;
            }
            a[j * n + j] = beta;
            for (int c = j + 1; c < n; c++) {
                double s = a[j * n + c];
                for (int i = j + 1; i < m; i++) {
                    s += a[i * n + j] * a[i * n + c];
                }
                s *= tau[j];
                a[j * n + c] -= s;
                for (int i = j + 1; i < m; i++) {
                    a[i * n + c] -= s * a[i * n + j];
                }
            }
        }
        return new HouseholderQr(m, n, a, tau);
    }

    /** R with {@code rows} rows (k for reduced, m for complete): the upper triangle, zeros below. */
    double[] r(int rows) {
        double[] r = new double[rows * n];
        for (int i = 0; i < Math.min(rows, m); i++) {
            for (int j = i; j < n; j++) {
                r[i * n + j] = a[i * n + j];
            }
        }
        return r;
    }

    /** The first {@code cols} columns of Q = H_1 ... H_k (k for reduced, m for complete), m x cols. */
    double[] q(int cols) {
        double[] q = new double[m * cols];
        for (int i = 0; i < Math.min(m, cols); i++) {
            q[i * cols + i] = 1;
        }
        for (int j = k - 1; j >= 0; j--) {
            if (tau[j] == 0) {
                continue;
            }
            for (int c = 0; c < cols; c++) {
                double s = q[j * cols + c];
                for (int i = j + 1; i < m; i++) {
                    s += a[i * n + j] * q[i * cols + c];
                }
                s *= tau[j];
                q[j * cols + c] -= s;
                for (int i = j + 1; i < m; i++) {
                    q[i * cols + c] -= s * a[i * n + j];
                }
            }
        }
        return q;
    }
}
