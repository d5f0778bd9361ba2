package org.torchglot.engine.ops;

import java.util.Arrays;
import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.kernels.Gemm;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Matrix products with PyTorch's dispatch rules ({@code matmul}) and derivatives. */
public final class LinearAlgebra {
    private LinearAlgebra() {
    }

    private static void checkSameType(Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw TorchException.runtime("expected scalar type " + a.dtype().scalarTypeName() + " but found "
                    + b.dtype().scalarTypeName());
        }
    }

    /** The 2-D product as a new tensor; no autograd. */
    static Tensor product(Tensor a, Tensor b) {
        checkSameType(a, b);
        Tensor out = Tensor.zeros(new int[] {a.shapeRef()[0], b.shapeRef()[1]}, a.dtype());
        multiplyInto(a, b, out.storage(), 0);
        return out;
    }

    /**
     * How BLAS can read a 2-D operand in place: rows {@code ld} apart, or, when {@code transposed},
     * stored as its transpose with rows {@code ld} apart (a {@code t()} view).
     */
    private record Layout(boolean transposed, int ld) {
        /** The layout of {@code t}, or null when its strides need a contiguous copy first. */
        static Layout of(Tensor t) {
            int rows = t.shapeRef()[0];
            int cols = t.shapeRef()[1];
            int rowStride = t.stridesRef()[0];
            int colStride = t.stridesRef()[1];
            // NOTE: a size-1 dim's stride is arbitrary (1 x k rows of any stride are dense).
            if ((cols <= 1 || colStride == 1) && (rows <= 1 || rowStride >= Math.max(cols, 1))) {
                return new Layout(false, rows <= 1 ? Math.max(cols, 1) : rowStride);
            }
            if ((rows <= 1 || rowStride == 1) && (cols <= 1 || colStride >= Math.max(rows, 1))) {
                return new Layout(true, cols <= 1 ? Math.max(rows, 1) : colStride);
            }
            return null;
        }
    }

    /** Writes 2-D {@code a @ b} into zero-filled {@code out} as a dense matrix from {@code outOffset}. */
    private static void multiplyInto(Tensor a, Tensor b, Storage out, int outOffset) {
        int n = a.shapeRef()[0];
        int k = a.shapeRef()[1];
        int m = b.shapeRef()[1];
        DType type = a.dtype();
        if (n == 0 || k == 0 || m == 0) {
            return;
        }
        if (type != DType.FLOAT32 && type != DType.FLOAT64) {
            double[] x = a.toDoubleArray();
            double[] y = b.toDoubleArray();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s += x[i * k + p] * y[p * m + j];
                    }
                    out.setDouble(outOffset + i * m + j, s);
                }
            }
            return;
        }
        Layout la = Layout.of(a);
        if (la == null) {
            a = a.contiguousCopy();
            la = Layout.of(a);
        }
        Layout lb = Layout.of(b);
        if (lb == null) {
            b = b.contiguousCopy();
            lb = Layout.of(b);
        }
        if (type == DType.FLOAT32) {
            Gemm.multiply(a.storage().f, a.storageOffset(), la.ld(), la.transposed(), b.storage().f, b.storageOffset(),
                    lb.ld(), lb.transposed(), out.f, outOffset, n, k, m);
        } else {
            Gemm.multiply(a.storage().d, a.storageOffset(), la.ld(), la.transposed(), b.storage().d, b.storageOffset(),
                    lb.ld(), lb.transposed(), out.d, outOffset, n, k, m);
        }
    }

    /** PyTorch's test for a column-major matrix, whose gradient it returns column-major too. */
    private static boolean columnMajor(Tensor t) {
        return t.stridesRef()[0] == 1 && t.stridesRef()[1] == t.shapeRef()[0];
    }

    /** d(a @ b)/da given the output gradient, laid out like {@code a} (PyTorch's mm_mat1_backward). */
    private static Tensor mat1Grad(Tensor g, Tensor a, Tensor b) {
        return columnMajor(a) ? b.mm(g.t()).t() : g.mm(b.t());
    }

    /**
     * d(a @ b)/db, laid out like {@code b} (PyTorch's mm_mat2_backward): for {@code nn.Linear}'s
     * {@code weight.t()} that is {@code (g^T @ x)^T}, one GEMM straight into the weight's layout.
     */
    private static Tensor mat2Grad(Tensor g, Tensor a, Tensor b) {
        return columnMajor(b) ? g.t().mm(a).t() : a.t().mm(g);
    }

    private static void checkMm(Tensor a, Tensor b) {
        if (a.dim() != 2 || b.dim() != 2) {
            throw TorchException.runtime((a.dim() != 2 ? "self" : "mat2") + " must be a matrix");
        }
        if (a.shapeRef()[1] != b.shapeRef()[0]) {
            throw TorchException.runtime("mat1 and mat2 shapes cannot be multiplied (" + Shapes.timesStr(a.shapeRef())
                    + " and " + Shapes.timesStr(b.shapeRef()) + ")");
        }
    }

    public static Tensor mm(Tensor a, Tensor b) {
        checkMm(a, b);
        Tensor out = product(a, b);
        if (Tensor.needsGrad(a, b)) {
            out.withGradFn(new FunctionNode("MmBackward0", new Tensor[] {a, b}, new Tensor[] {a, b},
                    (g, s) -> new Tensor[] {
                        a.requiresGrad() ? mat1Grad(g, s[0], s[1]) : null,
                        b.requiresGrad() ? mat2Grad(g, s[0], s[1]) : null}));
        }
        return out;
    }

    /** {@code bias + m1 @ m2}: the node {@code nn.Linear} records for 2-D input. */
    public static Tensor addmm(Tensor bias, Tensor m1, Tensor m2) {
        checkMm(m1, m2);
        Tensor out = product(m1, m2);
        try (var ignored = org.torchglot.engine.autograd.GradMode.noGrad()) {
            out = Pointwise.add(out, bias, 1.0);
        }
        if (Tensor.needsGrad(bias, m1, m2)) {
            out.withGradFn(new FunctionNode("AddmmBackward0", new Tensor[] {bias, m1, m2}, new Tensor[] {m1, m2},
                    (g, s) -> new Tensor[] {
                        g,
                        m1.requiresGrad() ? mat1Grad(g, s[0], s[1]) : null,
                        m2.requiresGrad() ? mat2Grad(g, s[0], s[1]) : null}));
        }
        return out;
    }

    public static Tensor mv(Tensor m, Tensor v) {
        if (m.dim() != 2 || v.dim() != 1 || m.shapeRef()[1] != v.shapeRef()[0]) {
            throw TorchException.runtime("size mismatch, got " + m.shapeRef()[0] + ", " + Shapes.timesStr(m.shapeRef())
                    + "," + Shapes.timesStr(v.shapeRef()));
        }
        Tensor out = product(m, v.detach().unsqueeze(1)).squeeze(1);
        if (Tensor.needsGrad(m, v)) {
            out.withGradFn(new FunctionNode("MvBackward0", new Tensor[] {m, v}, new Tensor[] {m, v},
                    (g, s) -> new Tensor[] {
                        g.unsqueeze(1).mm(s[1].unsqueeze(0)),
                        s[0].t().mv(g)}));
        }
        return out;
    }

    public static Tensor dot(Tensor a, Tensor b) {
        if (a.dim() != 1 || b.dim() != 1) {
            throw TorchException.runtime("1D tensors expected, but got " + a.dim() + "D and " + b.dim() + "D tensors");
        }
        if (a.numel() != b.numel()) {
            throw TorchException.runtime("inconsistent tensor size, expected tensor [" + a.numel() + "] and src ["
                    + b.numel() + "] to have the same number of elements, but got " + a.numel() + " and " + b.numel()
                    + " elements respectively");
        }
        Tensor out = product(a.detach().unsqueeze(0), b.detach().unsqueeze(1)).reshape();
        if (Tensor.needsGrad(a, b)) {
            out.withGradFn(new FunctionNode("DotBackward0", new Tensor[] {a, b}, new Tensor[] {a, b},
                    (g, s) -> new Tensor[] {g.mul(s[1]), g.mul(s[0])}));
        }
        return out;
    }

    public static Tensor bmm(Tensor a, Tensor b) {
        if (a.dim() != 3 || b.dim() != 3) {
            throw TorchException.runtime("batch1 must be a 3D tensor");
        }
        int batch = a.shapeRef()[0];
        if (b.shapeRef()[0] != batch || b.shapeRef()[1] != a.shapeRef()[2]) {
            throw TorchException.runtime("Expected size for first two dimensions of batch2 tensor to be: [" + batch + ", "
                    + a.shapeRef()[2] + "] but got: [" + b.shapeRef()[0] + ", " + b.shapeRef()[1] + "].");
        }
        checkSameType(a, b);
        int n = a.shapeRef()[1];
        int m = b.shapeRef()[2];
        Tensor out = Tensor.zeros(new int[] {batch, n, m}, a.dtype());
        for (int i = 0; i < batch; i++) {
            multiplyInto(a.detach().select(0, i), b.detach().select(0, i), out.storage(), i * n * m);
        }
        if (Tensor.needsGrad(a, b)) {
            out.withGradFn(new FunctionNode("BmmBackward0", new Tensor[] {a, b}, new Tensor[] {a, b},
                    (g, s) -> new Tensor[] {g.bmm(s[1].transpose(1, 2)), s[0].transpose(1, 2).bmm(g)}));
        }
        return out;
    }

    /** {@code torch.matmul}: dot, mv, mm, or broadcast batched products by the operands' ranks. */
    public static Tensor matmul(Tensor a, Tensor b) {
        int da = a.dim();
        int db = b.dim();
        if (da == 0 || db == 0) {
            throw TorchException.runtime("both arguments to matmul need to be at least 1D, but they are " + da + "D and "
                    + db + "D");
        }
        if (da == 1 && db == 1) {
            return dot(a, b);
        }
        if (da == 2 && db == 1) {
            return mv(a, b);
        }
        if (da == 1 && db == 2) {
            return mm(a.unsqueeze(0), b).squeeze(0);
        }
        if (da == 2 && db == 2) {
            return mm(a, b);
        }
        if (da >= 3 && db <= 2) {
            // Fold the batch into rows: one mm instead of a loop of small ones.
            Tensor rhs = db == 1 ? b.unsqueeze(1) : b;
            int k = a.shapeRef()[da - 1];
            int[] outShape = a.shape();
            outShape[da - 1] = rhs.shapeRef()[1];
            Tensor folded = mm(a.reshape(-1, k), rhs).view(outShape);
            return db == 1 ? folded.squeeze(-1) : folded;
        }
        Tensor lhs = da == 1 ? a.unsqueeze(0) : a;
        Tensor rhs = db == 1 ? b.unsqueeze(1) : b;
        int n = lhs.size(-2);
        int k = lhs.size(-1);
        int k2 = rhs.size(-2);
        int m = rhs.size(-1);
        int[] batchA = Arrays.copyOf(lhs.shapeRef(), lhs.dim() - 2);
        int[] batchB = Arrays.copyOf(rhs.shapeRef(), rhs.dim() - 2);
        int[] batch = Shapes.broadcast(batchA, batchB);
        int count = Shapes.numel(batch);
        if (k != k2) {
            throw TorchException.runtime("Expected size for first two dimensions of batch2 tensor to be: [" + count + ", "
                    + k + "] but got: [" + count + ", " + k2 + "].");
        }
        int[] expandA = concat(batch, n, k);
        int[] expandB = concat(batch, k, m);
        Tensor out = bmm(lhs.expand(expandA).reshape(count, n, k), rhs.expand(expandB).reshape(count, k, m))
                .view(concat(batch, n, m));
        if (da == 1) {
            out = out.squeeze(-2);
        }
        if (db == 1) {
            out = out.squeeze(-1);
        }
        return out;
    }

    private static int[] concat(int[] batch, int x, int y) {
        int[] out = Arrays.copyOf(batch, batch.length + 2);
        out[batch.length] = x;
        out[batch.length + 1] = y;
        return out;
    }
}
