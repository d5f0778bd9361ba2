package org.torchglot.engine.autograd;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.torchglot.engine.Torch;
import org.torchglot.engine.ops.linalg.Linalg;
import org.torchglot.engine.ops.linalg.Norms;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;

/** torch.linalg's backward formulas against central differences in float64. */
class LinalgGradCheckTest {
    private static final Generator RNG = new Generator(11);

    private static Tensor randn(int... shape) {
        return Torch.randn(shape, DType.FLOAT64, RNG);
    }

    /** A well-conditioned matrix: random plus 3 on the diagonal. */
    private static Tensor conditioned(int n) {
        return randn(n, n).add(Torch.eye(n, n, DType.FLOAT64).mul(3.0));
    }

    /** X X^T + n I: symmetric positive-definite whatever X is, so the check perturbs X freely. */
    private static Tensor spd(Tensor x) {
        int n = x.size(-1);
        return x.matmul(x.transpose(-2, -1)).add(Torch.eye(n, n, DType.FLOAT64).mul(n));
    }

    private record Check(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
    }

    private static Check c(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
        return new Check(name, f, inputs);
    }

    @TestFactory
    Stream<DynamicTest> linalgGradientsMatchFiniteDifferences() {
        List<Check> checks = List.of(
                c("inv", x -> Linalg.inv(x[0]), conditioned(3)),
                c("det", x -> Linalg.det(x[0]), randn(2, 3, 3)),
                c("slogdet", x -> Linalg.slogdet(x[0])[1], conditioned(3)),
                c("solve", x -> Linalg.solve(x[0], x[1], true), conditioned(3), randn(3, 2)),
                c("solve vector", x -> Linalg.solve(x[0], x[1], true), conditioned(3), randn(3)),
                c("solve left=False", x -> Linalg.solve(x[0], x[1], false), conditioned(3), randn(2, 3)),
                c("cholesky", x -> Linalg.cholesky(spd(x[0]), false), randn(3, 3)),
                c("cholesky upper", x -> Linalg.cholesky(spd(x[0]), true), randn(2, 3, 3)),
                c("eigvalsh", x -> Linalg.eigvalsh(x[0].add(x[0].transpose(-2, -1)), "L"), randn(3, 3)),
                c("svdvals", x -> Linalg.svdvals(x[0]), randn(4, 3)),
                c("vector_norm 2", x -> Norms.vectorNorm(x[0], 2, null, false, null), randn(3, 4)),
                c("vector_norm 1 dim", x -> Norms.vectorNorm(x[0], 1, new int[] {1}, false, null), randn(3, 4)),
                c("vector_norm 3.5 keepdim", x -> Norms.vectorNorm(x[0], 3.5, new int[] {0}, true, null), randn(3, 4)),
                c("vector_norm inf", x -> Norms.vectorNorm(x[0], Double.POSITIVE_INFINITY, null, false, null),
                        randn(3, 4)),
                c("matrix_norm fro", x -> Norms.matrixNorm(x[0], "fro", null, false, null), randn(2, 3, 4)),
                c("matrix_norm nuc", x -> Norms.matrixNorm(x[0], "nuc", null, false, null), randn(3, 4)),
                c("matrix_norm 2", x -> Norms.matrixNorm(x[0], 2.0, null, false, null), randn(3, 4)),
                c("matrix_norm 1", x -> Norms.matrixNorm(x[0], 1.0, null, true, null), randn(3, 4)),
                c("norm", x -> Norms.norm(x[0], null, null, false, null), randn(2, 3)),
                c("cross", x -> Linalg.cross(x[0], x[1], -1, "linalg.cross"), randn(4, 3), randn(4, 3)),
                c("cross broadcast", x -> Linalg.cross(x[0], x[1], 0, "linalg.cross"), randn(3, 2), randn(3, 1)),
                c("matrix_power 3", x -> Linalg.matrixPower(x[0], 3), randn(3, 3)),
                c("matrix_power -2", x -> Linalg.matrixPower(x[0], -2), conditioned(3)),
                c("multi_dot", x -> Linalg.multiDot(List.of(x[0], x[1], x[2])), randn(2, 3), randn(3, 4), randn(4)));
        return checks.stream().map(ch -> DynamicTest.dynamicTest(ch.name(), () -> GradCheck.check(ch.name(), ch.f(),
                ch.inputs())));
    }
}
