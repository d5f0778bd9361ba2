package org.torchglot.engine.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Version counters: a tensor saved for backward and then written in place makes backward refuse, as in PyTorch. */
class InPlaceVersionTest {
    private static final String HINT = " Hint: enable anomaly detection to find the operation that failed to compute "
            + "its gradient, with torch.autograd.set_detect_anomaly(True).";

    @Test
    void aSavedOutputWrittenInPlaceIsRefusedWithItsProducer() {
        Tensor a = Torch.randn(3).requiresGrad_(true);
        Tensor b = a.sigmoid();
        b.add_(Tensor.scalar(1.0));
        TorchException e = assertThrows(TorchException.class, () -> b.sum().backward());
        assertEquals("one of the variables needed for gradient computation has been modified by an inplace operation: "
                + "[torch.FloatTensor [3]], which is output 0 of SigmoidBackward0, is at version 1; expected version 0 "
                + "instead." + HINT, e.getMessage());
    }

    @Test
    void aSavedConstantWrittenInPlaceIsRefused() {
        Tensor a = Torch.randn(3).requiresGrad_(true);
        Tensor c = Torch.randn(3, 4);
        Tensor out = a.mul(2.0).matmul(c);
        c.add_(Tensor.scalar(1.0));
        TorchException e = assertThrows(TorchException.class, () -> out.sum().backward());
        assertEquals("one of the variables needed for gradient computation has been modified by an inplace operation: "
                + "[torch.FloatTensor [3, 4]] is at version 1; expected version 0 instead." + HINT, e.getMessage());
    }

    @Test
    void viewsShareTheCounter() {
        Tensor x = Torch.zeros(new int[] {2, 3}, DType.FLOAT32);
        Tensor row = x.select(0, 1);
        row.fill_(2.0);
        assertEquals(1, x.version());
        x.detach().mul_(Tensor.scalar(3.0));
        assertEquals(2, row.version());
    }

    @Test
    void mulInPlaceStillDifferentiatesWithTheOriginalValues() {
        Tensor a = Torch.tensor(new double[] {1, 2, 3}, new int[] {3}, DType.FLOAT64).requiresGrad_(true);
        Tensor y = Torch.tensor(new double[] {4, 5, 6}, new int[] {3}, DType.FLOAT64).requiresGrad_(true);
        Tensor x = a.mul(1.0);
        x.mul_(y);
        x.sum().backward();
        assertArrayEquals(new double[] {1, 2, 3}, y.grad().toDoubleArray(), "d/dy uses x before the write");
        assertArrayEquals(new double[] {4, 5, 6}, a.grad().toDoubleArray());
        assertEquals("MulBackward0", x.gradFn().name());
    }
}
