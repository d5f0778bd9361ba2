package org.torchglot.engine.ops.linalg;

import java.util.ArrayList;
import java.util.List;
import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code torch.linalg}'s inverses, determinants, solvers and decompositions, batched over leading dims, with
 * PyTorch's derivative formulas ({@code derivatives.yaml}) for inv, det, slogdet, solve, cholesky, svdvals and
 * eigvalsh. QR, eigh's and svd's vectors, eig, pinv and lstsq have no gradient here.
 */
public final class Linalg {
    private Linalg() {
    }

    /** The last two dims swapped (PyTorch's {@code mT}). */
    static Tensor mT(Tensor t) {
        return t.transpose(-2, -1);
    }

    public static Tensor inv(Tensor a) {
        Matrices m = Matrices.square(a, "linalg.inv", "A");
        double[][] out = new double[m.count()][];
        for (int b = 0; b < m.count(); b++) {
            Lu lu = Lu.of(m.data()[b], m.rows());
            if (lu.zeroPivot != 0) {
                throw TorchException.runtime("linalg.inv: The diagonal element " + lu.zeroPivot + " is zero, the "
                        + "inversion could not be completed because the input matrix is singular.");
            }
            out[b] = lu.inverse();
        }
        Tensor x = Matrices.assemble(m.batch(), m.rows(), m.cols(), out, m.dtype());
        if (Tensor.needsGrad(a)) {
            Tensor saved = x.detach();
            x.withGradFn(new FunctionNode("LinalgInvExBackward0", new Tensor[] {a}, new Tensor[] {saved},
                    (g, s) -> new Tensor[] {mT(s[0]).matmul(g).matmul(mT(s[0])).neg()}));
        }
        return x;
    }

    public static Tensor det(Tensor a) {
        Matrices m = Matrices.square(a, "linalg.det", "A");
        double[][] out = new double[m.count()][];
        for (int b = 0; b < m.count(); b++) {
            out[b] = new double[] {Lu.of(m.data()[b], m.rows()).det()};
        }
        Tensor d = Matrices.vector(m.batch(), out, m.dtype());
        if (Tensor.needsGrad(a)) {
            Tensor saved = d.detach();
            d.withGradFn(new FunctionNode("LinalgDetBackward0", new Tensor[] {a}, new Tensor[] {a.detach(), saved},
                    (g, s) -> new Tensor[] {mT(inverseForGradient(s[0], "det"))
                            .mul(g.mul(s[1]).unsqueeze(-1).unsqueeze(-1))}));
        }
        return d;
    }

    /** (sign, log|det|): the sign is 0 and the log -inf for a singular matrix. */
    public static Tensor[] slogdet(Tensor a) {
        Matrices m = Matrices.square(a, "linalg.slogdet", "A");
        double[][] signs = new double[m.count()][];
        double[][] logs = new double[m.count()][];
        for (int b = 0; b < m.count(); b++) {
            double[] r = Lu.of(m.data()[b], m.rows()).slogdet();
            signs[b] = new double[] {r[0]};
            logs[b] = new double[] {r[1]};
        }
        Tensor sign = Matrices.vector(m.batch(), signs, m.dtype());
        Tensor logabs = Matrices.vector(m.batch(), logs, m.dtype());
        if (Tensor.needsGrad(a)) {
            logabs.withGradFn(new FunctionNode("LinalgSlogdetBackward0", new Tensor[] {a}, new Tensor[] {a.detach()},
                    (g, s) -> new Tensor[] {mT(inverseForGradient(s[0], "slogdet")).mul(g.unsqueeze(-1).unsqueeze(-1))}));
        }
        return new Tensor[] {sign, logabs};
    }

    private static Tensor inverseForGradient(Tensor a, String op) {
        try {
            return inv(a);
        } catch (TorchException e) {
            throw TorchException.runtime("linalg." + op + ": the gradient at a singular matrix is not supported "
                    + "by torchglot");
        }
    }

    /** X with A X = B ({@code left}) or X A = B; B may be a vector (*, n) or a batch of matrices (*, n, k). */
    public static Tensor solve(Tensor a, Tensor b, boolean left) {
        if (!left) {
            return mT(solve(mT(a), mT(b), true));
        }
        Matrices.square(a, "linalg.solve", "A");
        Matrices.checkFloating(b, "linalg.solve");
        int n = a.size(-1);
        boolean vector = b.dim() == 1 || (b.dim() == a.dim() - 1 && sameBatch(a, b) && b.size(-1) == n);
        Tensor bm = vector ? b.unsqueeze(-1) : b;
        if (bm.dim() < 2 || bm.size(-2) != n) {
            throw TorchException.runtime("linalg.solve: Incompatible shapes of A and B for the equation AX = B ("
                    + Shapes.timesStr(lastTwo(a)) + " and " + Shapes.timesStr(lastTwo(bm)) + ")");
        }
        if (a.dtype() != b.dtype()) {
            throw TorchException.runtime("linalg.solve: Expected A and B to have the same dtype, but found A of type "
                    + a.dtype().scalarTypeName() + " and B of type " + b.dtype().scalarTypeName() + " instead");
        }
        int[] batch = Shapes.broadcast(batchOf(a), batchOf(bm));
        Matrices am = Matrices.of(a.detach().expand(withTail(batch, n, n)), "linalg.solve", "A");
        Matrices bb = Matrices.of(bm.detach().expand(withTail(batch, n, bm.size(-1))), "linalg.solve", "B");
        double[][] out = new double[am.count()][];
        for (int i = 0; i < am.count(); i++) {
            Lu lu = Lu.of(am.data()[i], n);
            if (lu.zeroPivot != 0) {
                throw TorchException.runtime("torch.linalg.solve: The solver failed because the input matrix is "
                        + "singular.");
            }
            out[i] = lu.solve(bb.data()[i], bb.cols());
        }
        Tensor x = Matrices.assemble(batch, n, bb.cols(), out, a.dtype());
        if (vector) {
            x = x.squeeze(-1);
        }
        if (Tensor.needsGrad(a, b)) {
            Tensor saved = x.detach();
            x.withGradFn(new FunctionNode("LinalgSolveExBackward0", new Tensor[] {a, b},
                    new Tensor[] {a.detach(), saved}, (g, s) -> {
                        Tensor gb = solve(mT(s[0]), g, true);
                        Tensor ga = vector ? gb.unsqueeze(-1).matmul(s[1].unsqueeze(-2)).neg()
                                : gb.matmul(mT(s[1])).neg();
                        return new Tensor[] {a.requiresGrad() ? ga : null, b.requiresGrad() ? gb : null};
                    }));
        }
        return x;
    }

    private static boolean sameBatch(Tensor a, Tensor b) {
        int[] ab = batchOf(a);
        int[] bs = b.shapeRef();
        for (int i = 0; i < ab.length; i++) {
            if (ab[i] != bs[i]) {
                return false;
            }
        }
        return true;
    }

    private static int[] batchOf(Tensor t) {
        return java.util.Arrays.copyOf(t.shapeRef(), t.dim() - 2);
    }

    private static int[] lastTwo(Tensor t) {
        return new int[] {t.size(-2), t.size(-1)};
    }

    private static int[] withTail(int[] batch, int rows, int cols) {
        int[] shape = java.util.Arrays.copyOf(batch, batch.length + 2);
        shape[batch.length] = rows;
        shape[batch.length + 1] = cols;
        return shape;
    }

    /** L with A = L L^T, or U = L^T with A = U^T U when {@code upper}. */
    public static Tensor cholesky(Tensor a, boolean upper) {
        Matrices m = Matrices.square(a, "linalg.cholesky", "A");
        int n = m.rows();
        double[][] out = new double[m.count()][];
        for (int b = 0; b < m.count(); b++) {
            Cholesky c = Cholesky.of(m.data()[b], n);
            if (c.failedOrder != 0) {
                throw TorchException.runtime("linalg.cholesky: The factorization could not be completed because the "
                        + "input is not positive-definite (the leading minor of order " + c.failedOrder
                        + " is not positive-definite).");
            }
            out[b] = upper ? Spectral.transpose(c.l, n, n) : c.l;
        }
        Tensor l = Matrices.assemble(m.batch(), n, n, out, m.dtype());
        if (Tensor.needsGrad(a)) {
            Tensor lower = upper ? mT(l.detach()) : l.detach();
            l.withGradFn(new FunctionNode("LinalgCholeskyExBackward0", new Tensor[] {a}, new Tensor[] {lower},
                    (g, s) -> new Tensor[] {choleskyGrad(upper ? mT(g) : g, s[0])}));
        }
        return l;
    }

    /**
     * PyTorch's cholesky_backward (Murray 2016): with phi = tril(L^T gL), diagonal halved,
     * gA = sym(L^-T phi L^-1).
     */
    private static Tensor choleskyGrad(Tensor gl, Tensor l) {
        int n = l.size(-1);
        double[] mask = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                mask[i * n + j] = i == j ? 0.5 : 1;
            }
        }
        Tensor phi = mT(l).matmul(gl).mul(Tensor.of(Storage.wrap(mask), n, n).to(l.dtype()));
        Tensor lInv = inv(l);
        Tensor x = mT(lInv).matmul(phi).matmul(lInv);
        return x.add(mT(x)).mul(0.5);
    }

    /** Q and R; {@code mode} is 'reduced', 'complete' or 'r' (then Q is empty). */
    public static Tensor[] qr(Tensor a, String mode) {
        if (!mode.equals("reduced") && !mode.equals("complete") && !mode.equals("r")) {
            throw TorchException.runtime("qr received unrecognized mode '" + mode
                    + "' but expected one of 'reduced' (default), 'r', or 'complete'");
        }
        Matrices m = Matrices.of(a, "linalg.qr", "A");
        int rows = m.rows();
        int cols = m.cols();
        int k = Math.min(rows, cols);
        int qCols = mode.equals("complete") ? rows : k;
        double[][] qs = new double[m.count()][];
        double[][] rs = new double[m.count()][];
        for (int b = 0; b < m.count(); b++) {
            HouseholderQr qr = HouseholderQr.of(m.data()[b], rows, cols);
            qs[b] = qr.q(qCols);
            rs[b] = qr.r(qCols);
        }
        Tensor q = mode.equals("r") ? Tensor.zeros(new int[] {0}, m.dtype())
                : Matrices.assemble(m.batch(), rows, qCols, qs, m.dtype());
        return new Tensor[] {q, Matrices.assemble(m.batch(), qCols, cols, rs, m.dtype())};
    }

    /** U, S, Vh with A = U diag(S) Vh; {@code fullMatrices} completes U and Vh to square orthogonal matrices. */
    public static Tensor[] svd(Tensor a, boolean fullMatrices) {
        Matrices m = Matrices.of(a, "linalg.svd", "A");
        int rows = m.rows();
        int cols = m.cols();
        int k = Math.min(rows, cols);
        int uCols = fullMatrices ? rows : k;
        int vRows = fullMatrices ? cols : k;
        double[][] us = new double[m.count()][];
        double[][] ss = new double[m.count()][];
        double[][] vs = new double[m.count()][];
        for (int b = 0; b < m.count(); b++) {
            Spectral.Svd svd = Spectral.svd(m.data()[b], rows, cols);
            us[b] = fullMatrices ? completeColumns(svd.u(), rows, k) : svd.u();
            ss[b] = svd.s();
            vs[b] = fullMatrices ? Spectral.transpose(completeColumns(Spectral.transpose(svd.vt(), k, cols), cols, k),
                    cols, cols) : svd.vt();
        }
        return new Tensor[] {Matrices.assemble(m.batch(), rows, uCols, us, m.dtype()),
                Matrices.vector(m.shapeWith(k), ss, m.dtype()),
                Matrices.assemble(m.batch(), vRows, cols, vs, m.dtype())};
    }

    /** An orthogonal n x n matrix whose first k columns are those of the orthonormal n x k {@code u}. */
    private static double[] completeColumns(double[] u, int n, int k) {
        if (k == n) {
            return u;
        }
        double[] q = HouseholderQr.of(u, n, k).q(n);
        // NOTE: Q's first k columns are U's up to sign (Q R = U, R diagonal +-1): keep U's, take the rest from Q.
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                q[i * n + c] = u[i * k + c];
            }
        }
        return q;
    }

    /** The singular values, descending. */
    public static Tensor svdvals(Tensor a) {
        Tensor[] usv = svd(a.detach(), false);
        Tensor s = usv[1];
        if (Tensor.needsGrad(a)) {
            s.withGradFn(new FunctionNode("LinalgSvdBackward0", new Tensor[] {a}, new Tensor[] {usv[0], usv[2]},
                    (g, saved) -> new Tensor[] {saved[0].mul(g.unsqueeze(-2)).matmul(saved[1])}));
        }
        return s;
    }

    /** Eigenvalues ascending and eigenvectors of a symmetric matrix, read from its lower ('L') or upper triangle. */
    public static Tensor[] eigh(Tensor a, String uplo) {
        Matrices m = Matrices.square(a, "linalg.eigh", "A");
        boolean lower = checkUplo(uplo);
        int n = m.rows();
        double[][] values = new double[m.count()][];
        double[][] vectors = new double[m.count()][];
        for (int b = 0; b < m.count(); b++) {
            Spectral.Eigen e = Spectral.eigh(m.data()[b], n, lower);
            values[b] = e.values();
            vectors[b] = e.vectors();
        }
        return new Tensor[] {Matrices.vector(m.shapeWith(n), values, m.dtype()),
                Matrices.assemble(m.batch(), n, n, vectors, m.dtype())};
    }

    private static boolean checkUplo(String uplo) {
        if (!uplo.equals("L") && !uplo.equals("U") && !uplo.equals("l") && !uplo.equals("u")) {
            throw TorchException.runtime("Expected UPLO argument to be 'L' or 'U', but got " + uplo);
        }
        return uplo.equalsIgnoreCase("L");
    }

    public static Tensor eigvalsh(Tensor a, String uplo) {
        Tensor[] lq = eigh(a.detach(), uplo);
        Tensor values = lq[0];
        if (Tensor.needsGrad(a)) {
            values.withGradFn(new FunctionNode("LinalgEighBackward0", new Tensor[] {a}, new Tensor[] {lq[1]},
                    (g, s) -> new Tensor[] {s[0].mul(g.unsqueeze(-2)).matmul(mT(s[0]))}));
        }
        return values;
    }

    /**
     * Eigenvalues (ascending) and unit eigenvectors of a general real matrix. PyTorch returns complex tensors here;
     * torchglot has no complex dtype, so it returns the real values and refuses matrices with complex eigenvalues.
     */
    public static Tensor[] eig(Tensor a) {
        Matrices m = Matrices.square(a, "linalg.eig", "A");
        int n = m.rows();
        double[][] values = new double[m.count()][];
        double[][] vectors = new double[m.count()][];
        for (int b = 0; b < m.count(); b++) {
            Spectral.Eigen e = Spectral.eig(m.data()[b], n, "linalg.eig");
            values[b] = e.values();
            vectors[b] = e.vectors();
        }
        return new Tensor[] {Matrices.vector(m.shapeWith(n), values, m.dtype()),
                Matrices.assemble(m.batch(), n, n, vectors, m.dtype())};
    }

    /** The tolerance PyTorch's pinv and matrix_rank use: max(atol, rtol * largest singular value). */
    private static double tolerance(Double atol, Double rtol, double sMax, Matrices m) {
        double rel = rtol != null ? rtol : atol != null && atol > 0 ? 0 : Matrices.eps(m.dtype()) * Math.max(m.rows(),
                m.cols());
        return Math.max(atol == null ? 0 : atol, rel * sMax);
    }

    /** The pseudo-inverse through the SVD, dropping singular values at or below the tolerance. */
    public static Tensor pinv(Tensor a, Double atol, Double rtol) {
        Matrices m = Matrices.of(a, "linalg.pinv", "A");
        int rows = m.rows();
        int cols = m.cols();
        int k = Math.min(rows, cols);
        double[][] out = new double[m.count()][];
        for (int b = 0; b < m.count(); b++) {
            Spectral.Svd svd = Spectral.svd(m.data()[b], rows, cols);
            double tol = tolerance(atol, rtol, k == 0 ? 0 : svd.s()[0], m);
            double[] p = new double[cols * rows];
            for (int c = 0; c < k; c++) {
                double s = svd.s()[c];
                if (!(s > tol)) {
                    continue;
                }
                for (int i = 0; i < cols; i++) {
                    double vi = svd.vt()[c * cols + i] / s;
                    for (int j = 0; j < rows; j++) {
                        p[i * rows + j] += vi * svd.u()[j * k + c];
                    }
                }
            }
            out[b] = p;
        }
        return Matrices.assemble(m.batch(), cols, rows, out, m.dtype());
    }

    /** The number of singular values above the tolerance, as int64. */
    public static Tensor matrixRank(Tensor a, Double atol, Double rtol) {
        Matrices m = Matrices.of(a, "linalg.matrix_rank", "A");
        long[] ranks = new long[m.count()];
        for (int b = 0; b < m.count(); b++) {
            double[] s = Spectral.svd(m.data()[b], m.rows(), m.cols()).s();
            double tol = tolerance(atol, rtol, s.length == 0 ? 0 : s[0], m);
            for (double v : s) {
                ranks[b] += v > tol ? 1 : 0;
            }
        }
        return Tensor.of(Storage.wrap(ranks), m.batch());
    }

    /**
     * The least-squares solution of A X = B as PyTorch's default CPU driver ('gelsy') returns it: (solution,
     * residuals, rank, singular_values), residuals and singular values empty. Uses the SVD with gelsy's rcond.
     */
    public static Tensor[] lstsq(Tensor a, Tensor b, Double rcond) {
        Matrices am = Matrices.of(a, "linalg.lstsq", "A");
        boolean vector = b.dim() == a.dim() - 1;
        Tensor bm = vector ? b.unsqueeze(-1) : b;
        if (bm.dim() != a.dim() || bm.size(-2) != am.rows()) {
            throw TorchException.runtime("torch.linalg.lstsq: input.size(-2) should match other.size(-2)");
        }
        double rel = rcond != null && rcond > 0 ? rcond : Matrices.eps(am.dtype()) * Math.max(am.rows(), am.cols());
        Tensor x = pinv(a.detach(), null, rel).matmul(bm.detach());
        if (vector) {
            x = x.squeeze(-1);
        }
        return new Tensor[] {x, Tensor.zeros(new int[] {0}, am.dtype()), matrixRank(a.detach(), null, rel),
                Tensor.zeros(new int[] {0}, am.dtype())};
    }

    /** A to the integer power n (by repeated squaring; negative n inverts first). */
    public static Tensor matrixPower(Tensor a, long n) {
        Matrices.square(a, "linalg.matrix_power", "A");
        if (n == 0) {
            int size = a.size(-1);
            double[] eye = new double[size * size];
            for (int i = 0; i < size; i++) {
                eye[i * size + i] = 1;
            }
            return Tensor.of(Storage.wrap(eye), size, size).to(a.dtype()).expand(a.shapeRef()).contiguous();
        }
        Tensor base = n < 0 ? inv(a) : a;
        long e = Math.abs(n);
        Tensor result = null;
        Tensor z = base;
        while (true) {
            if ((e & 1) == 1) {
                result = result == null ? z : result.matmul(z);
            }
            e >>= 1;
            if (e == 0) {
                return result;
            }
            z = z.matmul(z);
        }
    }

    /** The product of a chain of matrices; a 1-D first (last) operand is a row (column) vector. */
    public static Tensor multiDot(List<Tensor> tensors) {
        if (tensors.size() < 2) {
            throw TorchException.runtime("multi_dot(): expected at least 2 tensors but got " + tensors.size());
        }
        List<Tensor> ms = new ArrayList<>(tensors);
        boolean firstVector = ms.get(0).dim() == 1;
        boolean lastVector = ms.get(ms.size() - 1).dim() == 1;
        if (firstVector) {
            ms.set(0, ms.get(0).unsqueeze(0));
        }
        if (lastVector) {
            ms.set(ms.size() - 1, ms.get(ms.size() - 1).unsqueeze(1));
        }
        for (int i = 0; i < ms.size(); i++) {
            if (ms.get(i).dim() != 2) {
                throw TorchException.runtime("multi_dot(): tensor " + i + " must be 2D but got " + tensors.get(i).dim()
                        + "D");
            }
        }
        Tensor out = ms.get(0);
        for (int i = 1; i < ms.size(); i++) {
            out = out.mm(ms.get(i));
        }
        if (firstVector && lastVector) {
            return out.reshape();
        }
        return firstVector ? out.squeeze(0) : lastVector ? out.squeeze(1) : out;
    }

    /** The cross product of 3-vectors along {@code dim}, broadcasting the other dims. */
    public static Tensor cross(Tensor a, Tensor b, int dim, String op) {
        int[] shape = Shapes.broadcast(a.shapeRef(), b.shapeRef());
        int d = Shapes.wrapDim(dim, shape.length);
        if (a.dim() != b.dim()) {
            throw TorchException.runtime(op + ": inputs must have the same number of dimensions.");
        }
        if (a.size(d) != 3 || b.size(d) != 3) {
            throw TorchException.runtime(op + ": inputs dimension " + dim + " must have length 3. Got " + a.size(d)
                    + " and " + b.size(d));
        }
        Tensor out;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            out = crossOf(a.expand(shape), b.expand(shape), d);
        }
        if (Tensor.needsGrad(a, b)) {
            out.withGradFn(new FunctionNode("LinalgCrossBackward0", new Tensor[] {a, b},
                    new Tensor[] {a.detach(), b.detach()}, (g, s) -> new Tensor[] {
                        a.requiresGrad() ? cross(s[1], g, d, op).sumTo(a.shape()) : null,
                        b.requiresGrad() ? cross(g, s[0], d, op).sumTo(b.shape()) : null}));
        }
        return out;
    }

    private static Tensor crossOf(Tensor a, Tensor b, int d) {
        Tensor a0 = a.narrow(d, 0, 1);
        Tensor a1 = a.narrow(d, 1, 1);
        Tensor a2 = a.narrow(d, 2, 1);
        Tensor b0 = b.narrow(d, 0, 1);
        Tensor b1 = b.narrow(d, 1, 1);
        Tensor b2 = b.narrow(d, 2, 1);
        return Tensor.cat(List.of(a1.mul(b2).sub(a2.mul(b1)), a2.mul(b0).sub(a0.mul(b2)), a0.mul(b1).sub(a1.mul(b0))),
                d);
    }

    /** torch.cross's default dim: the first dim of size 3 (PyTorch 1.13 behaviour, deprecated there). */
    public static int defaultCrossDim(Tensor a, Tensor b) {
        int[] shape = Shapes.broadcast(a.shapeRef(), b.shapeRef());
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == 3) {
                return i;
            }
        }
        throw TorchException.runtime("no dimension of size 3 in input");
    }

    /** The dtype a norm computes in: the requested one, else the input's (which must be floating). */
    static Tensor normInput(Tensor x, DType dtype, String op) {
        if (dtype != null) {
            return x.to(dtype);
        }
        if (!x.isFloatingPoint()) {
            throw TorchException.runtime(op + ": Expected a floating point or complex tensor as input. Got "
                    + x.dtype().scalarTypeName());
        }
        return x;
    }
}
