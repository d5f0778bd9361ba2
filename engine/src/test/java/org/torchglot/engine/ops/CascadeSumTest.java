package org.torchglot.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;

/**
 * float32 sums in libtorch's order. The expected values are PyTorch 1.13's {@code t.sum().item()} for
 * {@code t = torch.tensor([math.sin(i * 0.37) * 10 for i in range(n)], dtype=torch.float32)}; a sum in
 * double (the second column of the generator's output) differs from each of them.
 */
class CascadeSumTest {

    private static Tensor sines(int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.sin(i * 0.37) * 10;
        }
        return Torch.tensor(values, new int[] {n}, DType.FLOAT32);
    }

    @Test
    void wholeTensorSumsArePyTorchsToTheLastBit() {
        int[] sizes = {5, 9, 33, 2000, 12345};
        double[] pytorch = {29.274829864501953, 53.89964294433594, 3.4230875968933105, 27.535228729248047,
            1.7966713905334473};
        for (int i = 0; i < sizes.length; i++) {
            assertEquals(pytorch[i], sines(sizes[i]).sum().item(), 0.0, "n = " + sizes[i]);
        }
    }

    @Test
    void rowSumsAndMeansUseTheSameOrder() {
        Tensor rows = Torch.stack(java.util.List.of(sines(2000), sines(2000).neg()), 0);
        assertEquals(27.535228729248047, rows.sum(1, false).toDoubleArray()[0], 0.0);
        assertEquals(-27.535228729248047, rows.sum(1, false).toDoubleArray()[1], 0.0);
        assertEquals((float) (27.535228729248047 / 2000), rows.mean(new int[] {1}, false).toDoubleArray()[0], 0.0);
    }
}
