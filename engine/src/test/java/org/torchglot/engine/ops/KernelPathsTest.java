package org.torchglot.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;

/**
 * The one-loop paths for contiguous float tensors (arithmetic, ReLU, gradient accumulation, sums)
 * give exactly the bits of the per-element definition: operands cast to the dtype, computed in
 * double, rounded to the dtype.
 */
class KernelPathsTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, 1e-40, -1e-40, 3.4e38, -1.0, 1.0};

    /** Gaussian values of {@code dtype}, with the special values spread through. */
    private static Tensor values(Random r, DType dtype, int... shape) {
        return values(r, true, dtype, shape);
    }

    private static Tensor values(Random r, boolean special, DType dtype, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = special && i % 7 == 3 ? SPECIAL[(i / 7) % SPECIAL.length] : r.nextGaussian();
        }
        return Torch.tensor(v, shape, dtype);
    }

    private static double round(DType dtype, double v) {
        return dtype == DType.FLOAT32 ? (float) v : v;
    }

    /** Asserts {@code got == f(a, b)} bit for bit, with a and b broadcast to got's shape. */
    private static void assertElementwise(String what, Tensor got, Tensor a, Tensor b, DoubleBinaryOperator f) {
        DType type = got.dtype();
        double[] x = a.expand(got.shapeRef()).toDoubleArray();
        double[] y = b.expand(got.shapeRef()).toDoubleArray();
        double[] out = got.toDoubleArray();
        for (int i = 0; i < out.length; i++) {
            double want = round(type, f.applyAsDouble(round(type, x[i]), round(type, y[i])));
            assertSameBits(want, out[i], what + " " + type + " element " + i + ": " + x[i] + ", " + y[i]);
        }
    }

    /** Equal bits, except that any NaN equals any NaN (x86 picks NaN payloads by operand order). */
    private static void assertSameBits(double want, double got, String message) {
        if (Double.isNaN(want)) {
            assertEquals(Double.NaN, got, message);
        } else {
            assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got), message);
        }
    }

    @Test
    void arithmeticMatchesThePerElementDefinition() {
        Random r = new Random(5);
        for (DType type : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor a = values(r, type, 9, 13);
            Tensor b = values(r, type, 9, 13);
            Tensor row = values(r, type, 13);
            Tensor[] others = {b, row, values(r, type, 1, 13), Tensor.scalar(0.1), Tensor.scalar(3L),
                Torch.tensor(new double[] {0.3}, new int[0], DType.FLOAT64), b.t().contiguous().t()};
            for (Tensor o : others) {
                assertElementwise("add", a.add(o), a, o, Double::sum);
                assertElementwise("sub", a.sub(o), a, o, (x, y) -> x - y);
                assertElementwise("mul", a.mul(o), a, o, (x, y) -> x * y);
                assertElementwise("div", a.div(o), a, o, (x, y) -> x / y);
                assertElementwise("rsub", o.sub(a), o, a, (x, y) -> x - y);
                if (type == DType.FLOAT32) {
                    // NOTE: libtorch fuses float a + alpha * b into one rounding.
                    assertElementwise("add alpha", a.add(o, 0.3), a, o, (x, y) -> Math.fma(0.3f, (float) y, (float) x));
                    assertElementwise("sub alpha", a.sub(o, 1.7), a, o, (x, y) -> Math.fma(-1.7f, (float) y, (float) x));
                } else {
                    assertElementwise("add alpha", a.add(o, 0.3), a, o, (x, y) -> x + 0.3 * y);
                    assertElementwise("sub alpha", a.sub(o, 1.7), a, o, (x, y) -> x - 1.7 * y);
                }
            }
        }
    }

    @Test
    void reluAndItsGradientMatchTheDefinition() {
        Random r = new Random(9);
        for (DType type : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor x = values(r, type, 11, 17);
            Tensor g = values(r, type, 11, 17);
            Tensor leaf = x.detach().requiresGrad_(true);
            Tensor y = leaf.relu();
            y.backward(g, false);
            Tensor zero = Torch.zeros(new int[] {11, 17}, type);
            // NOTE: PyTorch's definitions: relu(NaN) = NaN, relu(-0) = -0; the gradient is +0 where the result <= 0.
            assertElementwise("relu", y.detach(), x, zero, (v, unused) -> v < 0 ? 0.0 : v);
            assertElementwise("relu backward", leaf.grad(), g, y.detach(), (gi, ri) -> ri <= 0 ? 0.0 : gi);
        }
    }

    @Test
    void gradientAccumulationAddsInPlace() {
        Random r = new Random(2);
        for (DType type : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor g1 = values(r, type, 6, 8);
            Tensor g2 = values(r, type, 6, 8);
            Tensor leaf = Torch.zeros(new int[] {6, 8}, type).requiresGrad_(true);
            leaf.mul(Tensor.scalar(1L)).backward(g1, false);
            Tensor first = leaf.grad();
            leaf.mul(Tensor.scalar(1L)).backward(g2, false);
            assertSame(first, leaf.grad(), "accumulates into the same tensor");
            assertElementwise("accumulate", leaf.grad(), g1, g2, Double::sum);
        }
    }

    @Test
    void sumsAndMeansAddInTheGeneralOrder() {
        Random r = new Random(4);
        for (DType type : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Tensor x = values(r, type, 4, 5, 6);
            Tensor finite = values(r, false, type, 4, 5, 6);
            int[][] dimsList = {{0}, {0, 1}, {2}, {1, 2}, {0, 1, 2}, {1}};
            for (Tensor t : new Tensor[] {x, finite, x.permute(2, 0, 1).contiguous().permute(1, 2, 0)}) {
                for (int[] dims : dimsList) {
                    assertReduced(t, dims, false);
                    assertReduced(t, dims, true);
                }
            }
        }
    }

    /** sum and mean over {@code dims} against a double sum over the reduced index in row-major order. */
    private static void assertReduced(Tensor t, int[] dims, boolean mean) {
        int[] shape = t.shapeRef();
        boolean[] reduced = new boolean[3];
        int count = 1;
        for (int d : dims) {
            reduced[d] = true;
            count *= shape[d];
        }
        Tensor got = mean ? t.mean(dims, false) : t.sum(dims, false);
        double[] out = got.toDoubleArray();
        // NOTE: float32 over trailing or leading dims of a contiguous tensor adds in libtorch's float32 order
        // (CascadeSumTest).
        boolean libtorchOrder = t.dtype() == DType.FLOAT32 && t.isContiguous()
                && (dims[dims.length - 1] == 2 && dims[0] == 3 - dims.length || dims[dims.length - 1] == dims.length - 1);
        int k = 0;
        for (int i = 0; i < (reduced[0] ? 1 : shape[0]); i++) {
            for (int j = 0; j < (reduced[1] ? 1 : shape[1]); j++) {
                for (int l = 0; l < (reduced[2] ? 1 : shape[2]); l++) {
                    double s = 0;
                    for (int a = 0; a < (reduced[0] ? shape[0] : 1); a++) {
                        for (int b = 0; b < (reduced[1] ? shape[1] : 1); b++) {
                            for (int c = 0; c < (reduced[2] ? shape[2] : 1); c++) {
                                s += t.getDouble(reduced[0] ? a : i, reduced[1] ? b : j, reduced[2] ? c : l);
                            }
                        }
                    }
                    double want = round(t.dtype(), mean ? s / count : s);
                    String what = (mean ? "mean" : "sum") + " over " + java.util.Arrays.toString(dims) + " element " + k;
                    if (libtorchOrder && Double.isFinite(want)) {
                        assertEquals(want, out[k], 1e-5 * Math.max(1, Math.abs(want)), what);
                    } else {
                        assertSameBits(want, out[k], what);
                    }
                    k++;
                }
            }
        }
    }
}
