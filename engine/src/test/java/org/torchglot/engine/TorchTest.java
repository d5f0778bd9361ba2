package org.torchglot.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Index;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** The front door's factories draw from the default generator exactly as PyTorch's do. */
class TorchTest {

    @Test
    void seededRandnPrintsTheTutorialsNumbers() {
        Torch.manualSeed(123);
        Tensor x = Torch.randn(64, 1000);
        Tensor corner = x.index(Index.slice(null, 3L, null), Index.slice(null, 3L, null));
        // torch.manual_seed(123); torch.randn(64, 1000)[:3, :3] in PyTorch 1.13 (and R torch).
        float[] expected = {0.3374f, -0.1778f, -0.3035f, 0.2573f, 0.6937f, 0.4207f, 2.5754f, -1.3320f, 0.2282f};
        float[] actual = corner.toFloatArray();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 5e-5);
        }
        assertEquals(123L, Torch.initialSeed());
    }

    @Test
    void consecutiveDrawsContinueTheStream() {
        Torch.manualSeed(5);
        Tensor both = Torch.rand(6);
        Torch.manualSeed(5);
        Tensor first = Torch.rand(3);
        Tensor second = Torch.rand(3);
        assertArrayEquals(both.toFloatArray(), Tensor.cat(java.util.List.of(first, second), 0).toFloatArray());
    }

    @Test
    void arangeAndLinspaceFollowPyTorchDtypes() {
        assertEquals(DType.INT64, Torch.arange(5).dtype());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4}, Torch.arange(5).toLongArray());
        Tensor l = Torch.linspace(0, 1, 5, DType.FLOAT32);
        assertArrayEquals(new float[] {0f, 0.25f, 0.5f, 0.75f, 1f}, l.toFloatArray());
    }

    @Test
    void negativeSizesAreRefused() {
        TorchException e = assertThrows(TorchException.class, () -> Torch.zeros(2, -1));
        assertEquals("Trying to create tensor with negative dimension -1: [2, -1]", e.getMessage());
    }

    @Test
    void tensorsPrintAsPyTorchDoes() {
        Tensor w = Torch.tensor(new double[][] {{1, 2}, {3, 4.5}}).requiresGrad_(true);
        assertEquals("tensor([[1.0000, 2.0000],\n        [3.0000, 4.5000]], requires_grad=True)", w.toString());
        assertEquals("tensor([2., 4.], grad_fn=<MulBackward0>)", Torch.tensor(1, 2).requiresGrad_(true).mul(2.0).toString());
        assertEquals("tensor([0, 1, 2])", Torch.arange(3).toString());
    }
}
