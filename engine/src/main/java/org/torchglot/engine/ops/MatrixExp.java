package org.torchglot.engine.ops;

import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code torch.matrix_exp}: the exponential of each square matrix of a batch, by scaling and squaring
 * a Taylor series in float64. Its gradient, as PyTorch's {@code matrix_exp_backward}, is the upper right
 * block of {@code exp([[A^T, G], [0, A^T]])}.
 */
public final class MatrixExp {
    private MatrixExp() {
    }

    public static Tensor matrixExp(Tensor a) {
        if (a.dim() < 2) {
            throw TorchException.runtime("linalg.matrix_exp: The input tensor A must have at least 2 dimensions.");
        }
        if (a.size(-1) != a.size(-2)) {
            throw TorchException.runtime("linalg.matrix_exp: A must be batches of square matrices, but they are "
                    + a.size(-2) + " by " + a.size(-1) + " matrices");
        }
        if (!a.isFloatingPoint()) {
            throw TorchException.runtime("matrix_exp: Expected a floating point or complex tensor as input. Got "
                    + a.dtype().scalarTypeName());
        }
        return Recorded.op("LinalgMatrixExpBackward0", new Tensor[] {a}, new Tensor[] {a}, () -> batched(a, null),
                (g, s) -> new Tensor[] {batched(s[0], g)});
    }

    /** exp of each matrix of {@code a}, or with {@code grad} the gradient block for each. */
    private static Tensor batched(Tensor a, Tensor grad) {
        int n = a.size(-1);
        double[] values = a.contiguousCopy().toDoubleArray();
        double[] grads = grad == null ? null : grad.contiguousCopy().toDoubleArray();
        double[] out = new double[values.length];
        for (int offset = 0; offset < values.length; offset += n * n) {
            double[] result = grads == null ? exp(slice(values, offset, n), n)
                    : gradientBlock(slice(values, offset, n), slice(grads, offset, n), n);
            System.arraycopy(result, 0, out, offset, n * n);
        }
        DType type = grad == null ? a.dtype() : grad.dtype();
        return Tensor.of(Storage.wrap(out), a.shape()).to(type);
    }

    private static double[] slice(double[] values, int offset, int n) {
        return java.util.Arrays.copyOfRange(values, offset, offset + n * n);
    }

    /** The upper right n x n block of exp([[A^T, G], [0, A^T]]). */
    private static double[] gradientBlock(double[] a, double[] g, int n) {
        int m = 2 * n;
        double[] big = new double[m * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                big[i * m + j] = a[j * n + i];
                big[(i + n) * m + j + n] = a[j * n + i];
                big[i * m + j + n] = g[i * n + j];
            }
        }
        double[] e = exp(big, m);
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(e, i * m + n, out, i * n, n);
        }
        return out;
    }

    /** exp(A) for one row-major n x n matrix: A / 2^s has norm at most 1/2, its Taylor series, then s squarings. */
    static double[] exp(double[] a, int n) {
        double norm = 0;
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += Math.abs(a[i * n + j]);
            }
            norm = Math.max(norm, row);
        }
        if (Double.isNaN(norm) || Double.isInfinite(norm)) {
            double[] nan = new double[n * n];
            java.util.Arrays.fill(nan, Double.NaN);
            return nan;
        }
        int squarings = norm > 0.5 ? Math.getExponent(norm) + 2 : 0;
        double scale = Math.scalb(1.0, -squarings);
        double[] x = new double[n * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = a[i] * scale;
        }
        double[] sum = identity(n);
        double[] term = identity(n);
        for (int k = 1; k <= 30; k++) {
            term = multiply(term, x, n);
            double biggest = 0;
            for (int i = 0; i < term.length; i++) {
                term[i] /= k;
                sum[i] += term[i];
                biggest = Math.max(biggest, Math.abs(term[i]));
            }
            if (biggest < 1e-18) {
                break;
            }
        }
        for (int s = 0; s < squarings; s++) {
            sum = multiply(sum, sum, n);
        }
        return sum;
    }

    private static double[] identity(int n) {
        double[] id = new double[n * n];
        for (int i = 0; i < n; i++) {
            id[i * n + i] = 1;
        }
        return id;
    }

    private static double[] multiply(double[] x, double[] y, int n) {
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double v = x[i * n + k];
                for (int j = 0; j < n; j++) {
                    out[i * n + j] += v * y[k * n + j];
                }
            }
        }
        return out;
    }
}
