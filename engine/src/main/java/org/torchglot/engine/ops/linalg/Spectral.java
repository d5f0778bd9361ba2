package org.torchglot.engine.ops.linalg;

import java.util.Arrays;
import java.util.Comparator;
import org.ojalgo.matrix.decomposition.Eigenvalue;
import org.ojalgo.matrix.decomposition.SingularValue;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.scalar.ComplexNumber;
import org.torchglot.engine.tensor.TorchException;

/** Singular values and eigen-decompositions of one row-major matrix, on ojalgo's decompositions. */
final class Spectral {
    private Spectral() {
    }

    /** A = U diag(s) V^T: u is m x k, s descending, vt is k x n (k = min(m, n)). */
    record Svd(double[] u, double[] s, double[] vt) {
    }

    /** Eigenvalues ascending, with the eigenvectors as the columns of a row-major n x n matrix. */
    record Eigen(double[] values, double[] vectors) {
    }

    static Svd svd(double[] a, int m, int n) {
        if (m < n) {
            Svd t = svd(transpose(a, m, n), n, m);
            // NOTE: A^T = U' S V'^T, so A = V' S U'^T.
            return new Svd(transpose(t.vt(), m, m), t.s(), transpose(t.u(), n, m));
        }
        int k = n;
        if (k == 0) {
            return new Svd(new double[0], new double[0], new double[0]);
        }
        SingularValue<Double> svd = SingularValue.R064.make(false);
        if (!svd.decompose(store(a, m, n))) {
            throw TorchException.runtime("linalg.svd: The algorithm failed to converge because the input matrix "
                    + "contained non-finite values.");
        }
        double[] s = new double[k];
        svd.getSingularValues(s);
        MatrixStore<Double> u = svd.getU();
        MatrixStore<Double> v = svd.getV();
        Integer[] order = descending(s);
        double[] us = new double[m * k];
        double[] vt = new double[k * n];
        double[] sorted = new double[k];
        for (int c = 0; c < k; c++) {
            int from = order[c];
            sorted[c] = s[from];
            for (int i = 0; i < m; i++) {
                us[i * k + c] = u.doubleValue(i, from);
            }
            for (int j = 0; j < n; j++) {
                vt[c * n + j] = v.doubleValue(j, from);
            }
        }
        return new Svd(us, sorted, vt);
    }

    /** Eigenvalues and vectors of the symmetric matrix whose lower (or upper) triangle {@code a} holds. */
    static Eigen eigh(double[] a, int n, boolean lower) {
        double[] sym = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean inTriangle = lower ? i >= j : i <= j;
                sym[i * n + j] = inTriangle ? a[i * n + j] : a[j * n + i];
            }
        }
        Eigenvalue<Double> eig = Eigenvalue.R064.make(n, true);
        eig.decompose(store(sym, n, n));
        double[] values = new double[n];
        eig.getEigenvalues(values, java.util.Optional.empty());
        return sortedAscending(values, eig.getV(), n);
    }

    /** Eigenvalues (and vectors) of a general real matrix; torchglot has no complex dtype, so they must be real. */
    static Eigen eig(double[] a, int n, String op) {
        Eigenvalue<Double> eig = Eigenvalue.R064.make(n, false);
        eig.decompose(store(a, n, n));
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            ComplexNumber z = eig.getEigenvalues().get(i);
            if (Math.abs(z.getImaginary()) > 1e-12 * Math.max(1, z.norm())) {
                throw TorchException.runtime(op + ": the matrix has complex eigenvalues (" + z + "), and torchglot has "
                        + "no complex dtype: only matrices with real eigenvalues are supported");
            }
            values[i] = z.getReal();
        }
        Eigen e = sortedAscending(values, eig.getV(), n);
        double[] v = e.vectors();
        for (int c = 0; c < n; c++) {
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm = Math.hypot(norm, v[i * n + c]);
            }
            for (int i = 0; norm > 0 && i < n; i++) {
                v[i * n + c] /= norm;
            }
        }
        return e;
    }

    private static Eigen sortedAscending(double[] values, MatrixStore<Double> vectors, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] sorted = new double[n];
        double[] v = new double[n * n];
        for (int c = 0; c < n; c++) {
            sorted[c] = values[order[c]];
            for (int i = 0; i < n; i++) {
                v[i * n + c] = vectors.doubleValue(i, order[c]);
            }
        }
        return new Eigen(sorted, v);
    }

    private static Integer[] descending(double[] s) {
        Integer[] order = new Integer[s.length];
        for (int i = 0; i < s.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> -s[i]));
        return order;
    }

    /** An ojalgo matrix of a row-major m x n array (ojalgo stores column-major). */
    private static R064Store store(double[] a, int m, int n) {
        return R064Store.wrap(transpose(a, m, n), m);
    }

    static double[] transpose(double[] a, int m, int n) {
        double[] t = new double[a.length];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                t[j * m + i] = a[i * n + j];
            }
        }
        return t;
    }
}
