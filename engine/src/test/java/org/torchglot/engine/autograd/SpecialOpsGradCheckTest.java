package org.torchglot.engine.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.torchglot.engine.Torch;
import org.torchglot.engine.api.Convention;
import org.torchglot.engine.api.OpTable;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;

/**
 * Backward of the special functions (i0, polygamma, mvlgamma, igamma, igammac, frexp, matrix_exp) called through the
 * table, against central differences in float64, and the grad_fn names PyTorch shows for them.
 */
class SpecialOpsGradCheckTest {
    private static final Generator RNG = new Generator(5);

    private static Tensor uniform(double lo, double hi, int... shape) {
        return Torch.rand(shape, DType.FLOAT64, RNG).mul(hi - lo).add(lo);
    }

    private static Tensor op(String name, Object... args) {
        Object r = OpTable.standard().call(name, args, Map.of(), Convention.ZERO_BASED);
        return r instanceof Object[] tuple ? (Tensor) tuple[0] : (Tensor) r;
    }

    private static DynamicTest check(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
        return DynamicTest.dynamicTest(name, () -> GradCheck.check(name, f, inputs));
    }

    @TestFactory
    Stream<DynamicTest> gradientsMatchFiniteDifferences() {
        Tensor shapes = uniform(0.5, 4, 2, 3);
        return Stream.of(
                check("i0", x -> op("i0", x[0]), uniform(-4, 4, 2, 3)),
                check("polygamma 0", x -> op("polygamma", 0L, x[0]), uniform(0.3, 5, 2, 3)),
                check("polygamma 1", x -> op("polygamma", 1L, x[0]), uniform(0.3, 5, 2, 3)),
                check("polygamma 3", x -> op("polygamma", 3L, x[0]), uniform(0.5, 5, 2, 3)),
                check("mvlgamma p=3", x -> op("mvlgamma", x[0], 3L), uniform(1.5, 6, 2, 3)),
                check("igamma wrt other", x -> op("igamma", shapes, x[0]), uniform(0.2, 6, 2, 3)),
                check("igammac wrt other, broadcast", x -> op("igammac", shapes, x[0]), uniform(0.2, 6, 3)),
                check("frexp mantissa", x -> op("frexp", x[0]), uniform(-20, 20, 2, 3)),
                check("matrix_exp", x -> op("matrix_exp", x[0]), uniform(-1, 1, 3, 3)),
                check("matrix_exp large norm, batched", x -> op("matrix_exp", x[0]), uniform(-2, 2, 2, 3, 3)),
                check("gradient, edge_order 2", x -> (Tensor) ((Object[]) OpTable.standard().call("gradient",
                        new Object[] {x[0]}, Map.of("edge_order", 2L, "spacing", 0.5), Convention.ZERO_BASED))[1],
                        uniform(-1, 1, 4, 5)),
                check("i0_ on a result", x -> op("i0_", x[0].mul(2.0)).mul(x[0]), uniform(-2, 2, 4)));
    }

    @Test
    void gradFnNamesAreTorchs() {
        Tensor x = uniform(1.5, 3, 3).requiresGrad_(true);
        assertEquals("I0Backward0", op("i0", x).gradFn().name());
        assertEquals("PolygammaBackward0", op("polygamma", 2L, x).gradFn().name());
        assertEquals("MvlgammaBackward0", op("mvlgamma", x, 2L).gradFn().name());
        assertEquals("IgammaBackward0", op("igamma", x.detach(), x).gradFn().name());
        assertEquals("IgammacBackward0", op("igammac", x.detach(), x).gradFn().name());
        assertEquals("FrexpBackward0", op("frexp", x).gradFn().name());
        assertEquals("LinalgMatrixExpBackward0", op("matrix_exp", x.reshape(3, 1).expand(3, 3)).gradFn().name());
        assertEquals("PoissonBackward0", op("poisson", x).gradFn().name());
    }

    @Test
    void igammaGivesNoGradientToItsInput() {
        Tensor a = uniform(1, 2, 3).requiresGrad_(true);
        op("igamma", a, uniform(1, 2, 3)).sum().backward();
        assertNull(a.grad());
    }

    @Test
    void matrixExpOfADiagonalIsTheExpOfItsEntries() {
        double[] diagonal = {0.5, -1.0, 3.0};
        Tensor d = Torch.tensor(new double[][] {{0.5, 0, 0}, {0, -1.0, 0}, {0, 0, 3.0}}).to(DType.FLOAT64);
        double[] e = op("matrix_exp", d).toDoubleArray();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(i == j ? Math.exp(diagonal[i]) : 0.0, e[i * 3 + j], 1e-13 * Math.exp(3.0));
            }
        }
    }
}
