package org.torchglot.engine.ops.linalg;

import java.util.Arrays;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * A batch of matrices read out of a tensor ({@code (*, rows, cols)}) as row-major {@code double[]}s, and the way
 * back: results are assembled in float64 and converted to the input's dtype, as PyTorch's float32 kernels return
 * float32.
 */
record Matrices(int[] batch, int rows, int cols, double[][] data, DType dtype) {

    /** The matrices of {@code t}, after PyTorch's checks: at least 2 dims, a floating dtype. */
    static Matrices of(Tensor t, String op, String argument) {
        if (t.dim() < 2) {
            throw TorchException.runtime(op + ": The input tensor " + argument + " must have at least 2 dimensions.");
        }
        checkFloating(t, op);
        int[] shape = t.shapeRef();
        int rows = shape[shape.length - 2];
        int cols = shape[shape.length - 1];
        int[] batch = Arrays.copyOf(shape, shape.length - 2);
        double[] all = t.toDoubleArray();
        int count = Shapes.numel(batch);
        double[][] data = new double[count][];
        for (int b = 0; b < count; b++) {
            data[b] = Arrays.copyOfRange(all, b * rows * cols, (b + 1) * rows * cols);
        }
        return new Matrices(batch, rows, cols, data, t.dtype());
    }

    /** As {@link #of}, for ops that need square matrices. */
    static Matrices square(Tensor t, String op, String argument) {
        Matrices m = of(t, op, argument);
        if (m.rows != m.cols) {
            throw TorchException.runtime(op + ": " + argument + " must be batches of square matrices, but they are "
                    + m.rows + " by " + m.cols + " matrices");
        }
        return m;
    }

    static void checkFloating(Tensor t, String op) {
        if (!t.isFloatingPoint()) {
            throw TorchException.runtime(op + ": Expected a floating point or complex tensor as input. Got "
                    + t.dtype().scalarTypeName());
        }
    }

    int count() {
        return data.length;
    }

    /** A tensor of shape {@code (*batch, rows, cols)} from one row-major array per batch element. */
    static Tensor assemble(int[] batch, int rows, int cols, double[][] mats, DType dtype) {
        int[] shape = Arrays.copyOf(batch, batch.length + 2);
        shape[batch.length] = rows;
        shape[batch.length + 1] = cols;
        return vector(shape, mats, dtype);
    }

    /** A tensor of any {@code shape} whose elements are the arrays of {@code parts} one after another. */
    static Tensor vector(int[] shape, double[][] parts, DType dtype) {
        int total = 0;
        for (double[] p : parts) {
            total += p.length;
        }
        double[] all = new double[total];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        Tensor t = Tensor.of(Storage.wrap(all), shape);
        return dtype == DType.FLOAT64 ? t : t.to(dtype);
    }

    /** The batch shape followed by {@code tail}. */
    int[] shapeWith(int... tail) {
        int[] shape = Arrays.copyOf(batch, batch.length + tail.length);
        System.arraycopy(tail, 0, shape, batch.length, tail.length);
        return shape;
    }

    /** Machine epsilon of the dtype, for PyTorch's default tolerances. */
    static double eps(DType dtype) {
        return dtype == DType.FLOAT64 ? Math.ulp(1.0) : Math.ulp(1.0f);
    }
}
