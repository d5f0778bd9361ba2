package org.torchglot.engine.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Index;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Autograd behaviour users meet: accumulation, graph lifetime, grad mode, and PyTorch's errors. */
class AutogradTest {

    private static Tensor leaf(double... values) {
        return Torch.tensor(values).requiresGrad_(true);
    }

    @Test
    void gradientsAccumulateAcrossBackwardCalls() {
        Tensor x = leaf(1, 2, 3);
        x.mul(x).sum().backward();
        x.mul(x).sum().backward();
        assertArrayEquals(new double[] {4, 8, 12}, x.grad().toDoubleArray());
    }

    @Test
    void reusedNodesSumTheirGradients() {
        Tensor x = leaf(3);
        Tensor y = x.mul(x).add(x);
        y.sum().backward();
        assertArrayEquals(new double[] {7}, x.grad().toDoubleArray());
    }

    @Test
    void nonScalarBackwardNeedsAGradient() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(2.0);
        TorchException e = assertThrows(TorchException.class, y::backward);
        assertEquals("grad can be implicitly created only for scalar outputs", e.getMessage());
        y.backward(Torch.tensor(1, 0.5), false);
        assertArrayEquals(new double[] {2, 1}, x.grad().toDoubleArray());
    }

    @Test
    void backwardOnATensorWithoutGradIsPyTorchsError() {
        TorchException e = assertThrows(TorchException.class, () -> Torch.ones(3).sum().backward());
        assertEquals("element 0 of tensors does not require grad and does not have a grad_fn", e.getMessage());
    }

    @Test
    void secondBackwardThroughAFreedGraphFailsUnlessRetained() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(x).sum();
        y.backward(null, true);
        y.backward(null, false);
        assertArrayEquals(new double[] {4, 8}, x.grad().toDoubleArray());
        TorchException e = assertThrows(TorchException.class, y::backward);
        assertTrue(e.getMessage().startsWith("Trying to backward through the graph a second time"));
    }

    @Test
    void inPlaceOnALeafThatRequiresGradIsRefused() {
        Tensor w = leaf(1, 2);
        TorchException e = assertThrows(TorchException.class, () -> w.add_(Torch.ones(2)));
        assertEquals("a leaf Variable that requires grad is being used in an in-place operation.", e.getMessage());
        try (var ignored = Torch.noGrad()) {
            w.add_(Torch.ones(2), -0.5);
        }
        assertArrayEquals(new double[] {0.5, 1.5}, w.toDoubleArray());
        assertTrue(w.isLeaf());
    }

    @Test
    void inPlaceOnANonLeafKeepsTheHistory() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(3.0);
        y.add_(Torch.ones(2));
        assertEquals("AddBackward0", y.gradFn().name());
        y.sum().backward();
        assertArrayEquals(new double[] {3, 3}, x.grad().toDoubleArray());
    }

    @Test
    void noGradRecordsNothingAndRestoresTheMode() {
        Tensor x = leaf(1);
        Tensor y;
        try (var ignored = Torch.noGrad()) {
            y = x.mul(2.0);
            assertFalse(Torch.isGradEnabled());
            try (var inner = Torch.enableGrad()) {
                assertTrue(x.mul(2.0).requiresGrad());
            }
            assertFalse(Torch.isGradEnabled());
        }
        assertTrue(Torch.isGradEnabled());
        assertFalse(y.requiresGrad());
        assertNull(y.gradFn());
    }

    @Test
    void detachSharesDataButNotHistory() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(2.0);
        Tensor d = y.detach();
        assertFalse(d.requiresGrad());
        assertSame(y.storage(), d.storage());
    }

    @Test
    void retainGradKeepsANonLeafGradient() {
        Tensor x = leaf(1, 2);
        Tensor y = x.mul(2.0);
        y.retainGrad();
        y.mul(y).sum().backward();
        assertArrayEquals(new double[] {4, 8}, y.grad().toDoubleArray());
        assertArrayEquals(new double[] {8, 16}, x.grad().toDoubleArray());
    }

    @Test
    void gradFnNamesAndNextFunctionsFollowPyTorch() {
        Tensor x = Torch.ones(4, 2);
        Tensor w = Torch.ones(3, 2).requiresGrad_(true);
        Tensor b = Torch.zeros(3).requiresGrad_(true);
        Tensor out = Tensor.addmm(b, x, w.t());
        assertEquals("AddmmBackward0", out.gradFn().name());
        List<Node> next = out.gradFn().nextFunctions();
        assertEquals("AccumulateGrad", next.get(0).name());
        assertNull(next.get(1));
        assertEquals("TBackward0", next.get(2).name());
        assertSame(b, ((AccumulateGrad) next.get(0)).variable());
        assertEquals("SigmoidBackward0", out.sigmoid().gradFn().name());
        assertEquals("MeanBackward0", out.mean().gradFn().name());
        assertEquals("SumBackward1", out.sum(0, false).gradFn().name());
        assertEquals("RsubBackward1", out.rsub(1.0).gradFn().name());
        assertEquals("MulBackward0", out.mul(2.0).gradFn().name());
        assertEquals("PowBackward0", out.pow(2.0).gradFn().name());
        assertEquals("ReshapeAliasBackward0", out.reshape(12).gradFn().name());
        assertEquals("ViewBackward0", out.view(12).gradFn().name());
        assertEquals("SelectBackward0", out.index(Index.at(0)).gradFn().name());
        assertEquals("SliceBackward0", out.index(Index.slice(1L, null, null)).gradFn().name());
        assertEquals("IndexBackward0", out.index(Index.select(Torch.arange(2))).gradFn().name());
        assertEquals("MvBackward0", out.t().matmul(Torch.ones(4)).gradFn().name());
    }

    @Test
    void onlyFloatTensorsRequireGrad() {
        TorchException e = assertThrows(TorchException.class, () -> Torch.arange(3).requiresGrad_(true));
        assertEquals("only Tensors of floating point dtype can require gradients", e.getMessage());
    }

    @Test
    void gradientOfAnIntConversionFlowsBackInTheLeafDtype() {
        Tensor x = Torch.ones(new int[] {2}, DType.FLOAT32).requiresGrad_(true);
        x.to(DType.FLOAT64).mul(3.0).sum().backward();
        assertEquals(DType.FLOAT32, x.grad().dtype());
        assertArrayEquals(new double[] {3, 3}, x.grad().toDoubleArray());
    }
}
