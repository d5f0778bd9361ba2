package org.torchglot.engine.api;

import org.torchglot.engine.ops.linalg.Linalg;
import org.torchglot.engine.ops.linalg.Norms;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * The ops of {@code torch.linalg} ({@code linalg_*} in R), and the {@code torch.*} and Tensor methods PyTorch
 * keeps for some of them ({@code torch.inverse}, {@code x.det()}). R torch calls the matrix {@code A} where
 * Python's linalg functions mostly say {@code input}: the bar gives Python its name.
 */
final class LinalgOps {
    private LinalgOps() {
    }

    static void registerAll(OpTable t) {
        t.register("inv(Tensor A)", "The inverse of square matrices.", a -> Linalg.inv(a.tensor(0)));
        t.register("det(Tensor A)", "The determinant of square matrices.", a -> Linalg.det(a.tensor(0)));
        t.register("slogdet(Tensor A) -> (Tensor sign, Tensor logabsdet)",
                "The sign and log absolute value of the determinant.", a -> Linalg.slogdet(a.tensor(0)));
        t.register("solve(Tensor A, Tensor B, *, bool left=True)", "X with A X = B (or X A = B when left is False).",
                a -> Linalg.solve(a.tensor(0), a.tensor(1), a.bool(2)));
        t.register("lstsq(Tensor A|input, Tensor B|b, float? rcond=None, *, str? driver=None) -> (Tensor solution, "
                + "Tensor residuals, Tensor rank, Tensor singular_values)",
                "Least-squares solution of A X = B (residuals and singular values empty, as with the 'gelsy' driver).",
                a -> Linalg.lstsq(a.tensor(0), a.tensor(1), a.doubleOrNull(2)));
        t.register("cholesky(Tensor A|input, *, bool upper=False)", "The Cholesky factor of symmetric positive-definite "
                + "matrices.", a -> Linalg.cholesky(a.tensor(0), a.bool(1)));
        t.register("qr(Tensor A, str mode='reduced') -> (Tensor Q, Tensor R)", "QR decomposition (Householder).",
                a -> Linalg.qr(a.tensor(0), a.string(1)));
        t.register("eigh(Tensor A|input, str UPLO='L') -> (Tensor eigenvalues, Tensor eigenvectors)",
                "Eigenvalues (ascending) and eigenvectors of symmetric matrices.",
                a -> Linalg.eigh(a.tensor(0), a.string(1)));
        t.register("eigvalsh(Tensor A|input, str UPLO='L')", "Eigenvalues (ascending) of symmetric matrices.",
                a -> Linalg.eigvalsh(a.tensor(0), a.string(1)));
        t.register("eig(Tensor A|input) -> (Tensor eigenvalues, Tensor eigenvectors)",
                "Eigenvalues and eigenvectors of a real matrix with real eigenvalues (torchglot has no complex dtype).",
                a -> Linalg.eig(a.tensor(0)));
        t.register("eigvals(Tensor A|input)", "Eigenvalues of a real matrix with real eigenvalues (no complex dtype).",
                a -> Linalg.eig(a.tensor(0))[0]);
        t.register("svd(Tensor A, bool full_matrices=True, *, str? driver=None) -> (Tensor U, Tensor S, Tensor Vh)",
                "Singular value decomposition A = U diag(S) Vh.", a -> Linalg.svd(a.tensor(0), a.bool(1)));
        t.register("svdvals(Tensor A, *, str? driver=None)", "Singular values, descending.",
                a -> Linalg.svdvals(a.tensor(0)));
        t.register("pinv(Tensor A|input, *, float? atol=None, float? rtol=None, bool hermitian=False)",
                "Moore-Penrose pseudo-inverse.", a -> Linalg.pinv(a.tensor(0), a.doubleOrNull(1), a.doubleOrNull(2)));
        t.register("matrix_rank(Tensor A|input, *, float? atol=None, float? rtol=None, bool hermitian=False)",
                "Numerical rank (singular values above the tolerance).",
                a -> Linalg.matrixRank(a.tensor(0), a.doubleOrNull(1), a.doubleOrNull(2)));
        t.register("matrix_power(Tensor A|input, int n)", "A matrix to an integer power.",
                a -> Linalg.matrixPower(a.tensor(0), a.longValue(1)));
        t.register("cross(Tensor A|input, Tensor B|other, *, dim dim=-1)", "Cross product of 3-vectors.",
                a -> Linalg.cross(a.tensor(0), a.tensor(1), a.intValue(2), "linalg.cross"));
        t.register("multi_dot(Tensor[] tensors)", "The product of a chain of matrices.",
                a -> Linalg.multiDot(a.tensors(0)));
        t.register("matmul(Tensor A|input, Tensor B|other)", "Matrix product (torch.matmul).",
                a -> a.tensor(0).matmul(a.tensor(1)));
        t.register("vector_norm(Tensor A|input, Scalar ord=2, dim[]? dim=None, bool keepdim=False, *, "
                + "ScalarType? dtype=None)", "The vector p-norm (inf, -inf and 0 too).",
                a -> Norms.vectorNorm(a.tensor(0), a.doubleValue(1), a.isNone(2) ? null : a.ints(2), a.bool(3),
                        a.isNone(4) ? null : a.dtype(4)));
        t.register("matrix_norm(Tensor A|input, any ord='fro', dim[]? dim=None, bool keepdim=False, *, "
                + "ScalarType? dtype=None)",
                "A matrix norm over dim (the last two by default): 'fro', 'nuc', 1, -1, 2, -2, inf, -inf.",
                a -> Norms.matrixNorm(a.tensor(0), ord(a.any(1)), dims(a, 2), a.bool(3), a.isNone(4) ? null : a.dtype(4)));
        t.register("norm(Tensor A|input, any ord=None, dim[]? dim=None, bool keepdim=False, *, ScalarType? dtype=None)",
                "A vector or matrix norm, chosen from ord and dim as PyTorch does.",
                a -> Norms.norm(a.tensor(0), ord(a.any(1)), a.isNone(2) ? null : a.ints(2), a.bool(3),
                        a.isNone(4) ? null : a.dtype(4)));
    }

    /** {@code torch.inverse}, {@code torch.det} and the other torch.* and Tensor forms of linalg ops. */
    static void registerTorchForms(OpTable t) {
        t.register("inverse(Tensor self)", "The inverse of square matrices (torch.linalg.inv).",
                a -> Linalg.inv(a.tensor(0)));
        t.register("det(Tensor self)", "The determinant (torch.linalg.det).", a -> Linalg.det(a.tensor(0)));
        t.register("logdet(Tensor self)", "log(det(A)): nan for a negative determinant.", a -> {
            Tensor[] sl = Linalg.slogdet(a.tensor(0));
            return Tensor.where(sl[0].lt(Tensor.scalar(0.0)), Tensor.scalar(Double.NaN).to(sl[1].dtype()), sl[1]);
        });
        t.register("slogdet(Tensor self) -> (Tensor sign, Tensor logabsdet)",
                "The sign and log absolute value of the determinant (torch.linalg.slogdet).",
                a -> Linalg.slogdet(a.tensor(0)));
        t.register("svd(Tensor self, bool some=True, bool compute_uv=True) -> (Tensor U, Tensor S, Tensor V)",
                "Singular value decomposition A = U diag(S) V^T (V, not Vh as torch.linalg.svd returns).", a -> {
                    Tensor[] usv = Linalg.svd(a.tensor(0), !a.bool(1) || !a.bool(2));
                    if (!a.bool(2)) {
                        // NOTE: without compute_uv PyTorch returns zero-filled U and V of the full shapes.
                        return new Object[] {Tensor.zeros(usv[0].shape(), usv[0].dtype()), usv[1],
                            Tensor.zeros(usv[2].transpose(-2, -1).shape(), usv[2].dtype())};
                    }
                    return new Object[] {usv[0], usv[1], usv[2].transpose(-2, -1)};
                });
        t.register("pinverse(Tensor self, float rcond=1e-15)", "The pseudo-inverse (torch.linalg.pinv).",
                a -> Linalg.pinv(a.tensor(0), null, a.doubleValue(1)));
        t.register("matrix_power(Tensor self, int n)", "A matrix to an integer power (torch.linalg.matrix_power).",
                a -> Linalg.matrixPower(a.tensor(0), a.longValue(1)));
        t.register("cross(Tensor self, Tensor other, dim? dim=None)",
                "Cross product along dim, by default the first dim of size 3.",
                a -> Linalg.cross(a.tensor(0), a.tensor(1), a.isNone(2)
                        ? Linalg.defaultCrossDim(a.tensor(0), a.tensor(1)) : a.intValue(2), "linalg.cross"));
    }

    /** A norm's ord: a number (inf included) or 'fro'/'nuc'. */
    private static Object ord(Object raw) {
        if (raw == null || raw instanceof String || raw instanceof Number) {
            return raw instanceof Number n ? (Object) n.doubleValue() : raw;
        }
        throw TorchException.type("linalg.norm: ord must be a number or a string, not " + Conversions.describe(raw));
    }

    private static int[] dims(Args a, int i) {
        return a.isNone(i) ? new int[] {-2, -1} : a.ints(i);
    }
}
