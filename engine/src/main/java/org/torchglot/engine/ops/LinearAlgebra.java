package org.torchglot.engine.ops;

import java.util.Arrays;
import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.kernels.Gemm;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Shapes;
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
        int n = a.shapeRef()[0];
        int k = a.shapeRef()[1];
        int m = b.shapeRef()[1];
        DType type = a.dtype();
        Tensor out = Tensor.zeros(new int[] {n, m}, type);
        Tensor ac = a.isContiguous() ? a : a.contiguousCopy();
        // b stored as a transposed contiguous matrix (e.g. weight.t()) is read in place.
        boolean bTransposed = !b.isContiguous() && b.stridesRef()[0] == 1 && b.stridesRef()[1] == k;
        Tensor bc = bTransposed || b.isContiguous() ? b : b.contiguousCopy();
        switch (type) {
            case FLOAT32 -> Gemm.multiply(ac.storage().f, ac.storageOffset(), bc.storage().f, bc.storageOffset(),
                    bTransposed, out.storage().f, 0, n, k, m);
            case FLOAT64 -> Gemm.multiply(ac.storage().d, ac.storageOffset(), bc.storage().d, bc.storageOffset(),
                    bTransposed, out.storage().d, 0, n, k, m);
            default -> {
                double[] x = ac.toDoubleArray();
                double[] y = bc.contiguousCopy().toDoubleArray();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < m; j++) {
                        double s = 0;
                        for (int p = 0; p < k; p++) {
                            s += x[i * k + p] * y[p * m + j];
                        }
                        out.storage().setDouble(i * m + j, s);
                    }
                }
            }
        }
        return out;
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
                        a.requiresGrad() ? g.mm(s[1].t()) : null,
                        b.requiresGrad() ? s[0].t().mm(g) : null}));
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
                        m1.requiresGrad() ? g.mm(s[1].t()) : null,
                        m2.requiresGrad() ? s[0].t().mm(g) : null}));
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
        Tensor out = Tensor.zeros(new int[] {batch, a.shapeRef()[1], b.shapeRef()[2]}, a.dtype());
        for (int i = 0; i < batch; i++) {
            Pointwise.copyData(out.detach().select(0, i), product(a.detach().select(0, i), b.detach().select(0, i)));
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
