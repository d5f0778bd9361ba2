package org.torchglot.engine.ops.linalg;

/**
 * The Cholesky factor L of a symmetric positive-definite row-major n x n matrix (A = L L^T), from its lower
 * triangle as LAPACK's {@code potrf} reads it. {@link #failedOrder} is the order of the first leading minor that is
 * not positive-definite (1-based), 0 on success.
 */
final class Cholesky {
    final double[] l;
    final int failedOrder;

    private Cholesky(double[] l, int failedOrder) {
        this.l = l;
        this.failedOrder = failedOrder;
    }

    static Cholesky of(double[] a, int n) {
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * n + k] * l[j * n + k];
            }
            if (!(d > 0)) {
                return new Cholesky(l, j + 1);
            }
            double root = Math.sqrt(d);
            l[j * n + j] = root;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = s / root;
            }
        }
        return new Cholesky(l, 0);
    }
}
