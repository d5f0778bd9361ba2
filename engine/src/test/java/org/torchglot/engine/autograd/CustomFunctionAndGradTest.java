package org.torchglot.engine.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Nodes with a caller-defined backward (torch.autograd.Function) and torch.autograd.grad. */
class CustomFunctionAndGradTest {

    private static Tensor x() {
        return Torch.tensor(new double[] {-0.5, 0.25, 2.0}, new int[] {3}, DType.FLOAT64).requiresGrad_(true);
    }

    /** LegendrePolynomial3 of PyTorch's tutorial: 0.5 (5x^3 - 3x), backward 1.5 (5x^2 - 1) * grad. */
    private static Tensor legendre3(Tensor x) {
        Tensor out;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            out = x.pow(3.0).mul(Tensor.scalar(5.0)).sub(x.mul(Tensor.scalar(3.0))).mul(Tensor.scalar(0.5));
        }
        return CustomFunction.record("LegendrePolynomial3", Arrays.asList(x), out,
                g -> List.of(g.mul(x.pow(2.0).mul(Tensor.scalar(5.0)).sub(Tensor.scalar(1.0)).mul(Tensor.scalar(1.5)))));
    }

    @Test
    void aCustomBackwardIsCalledBackAndPassesAGradientCheck() {
        Tensor x = x();
        Tensor y = legendre3(x);
        assertEquals("LegendrePolynomial3Backward", y.gradFn().name());
        y.sum().backward();
        assertArrayEquals(new double[] {0.375, -1.03125, 28.5}, x.grad().toDoubleArray(), 1e-12);
        GradCheck.check("LegendrePolynomial3", in -> legendre3(in[0]), x());
    }

    @Test
    void aBackwardReturningTheWrongNumberOfGradientsFailsAsPyTorch() {
        Tensor x = x();
        Tensor y = CustomFunction.record("Twice", Arrays.asList(x, null), x.detach().mul(Tensor.scalar(2.0)),
                g -> List.of(g));
        assertEquals("function TwiceBackward returned an incorrect number of gradients (expected 2, got 1)",
                assertThrows(TorchException.class, () -> y.sum().backward()).getMessage());
    }

    @Test
    void gradReturnsGradientsWithoutTouchingDotGradAndCanGoTwice() {
        Tensor x = x();
        Tensor y = x.pow(3.0).sum();
        List<Tensor> first = Backward.grad(List.of(y), List.of(x), null, false, true, false);
        assertArrayEquals(new double[] {0.75, 0.1875, 12.0}, first.get(0).toDoubleArray(), 1e-12);
        assertNull(x.grad());
        List<Tensor> second = Backward.grad(List.of(first.get(0).sum()), List.of(x), null, false, false, false);
        assertArrayEquals(new double[] {-3.0, 1.5, 12.0}, second.get(0).toDoubleArray(), 1e-12);
        assertNull(x.grad());
    }

    @Test
    void unusedInputsAreNoneOnlyWhenAllowed() {
        Tensor x = x();
        Tensor unused = x();
        Tensor y = x.mul(Tensor.scalar(2.0)).sum();
        assertEquals("One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True "
                + "if this is the desired behavior.", assertThrows(TorchException.class,
                        () -> Backward.grad(List.of(y), List.of(x, unused), null, true, false, false)).getMessage());
        List<Tensor> grads = Backward.grad(List.of(y), List.of(x, unused), null, false, false, true);
        assertArrayEquals(new double[] {2, 2, 2}, grads.get(0).toDoubleArray(), 0);
        assertNull(grads.get(1));
    }
}
