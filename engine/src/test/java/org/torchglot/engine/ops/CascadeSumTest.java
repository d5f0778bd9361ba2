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

    @Test
    void columnSumsArePyTorchsToTheLastBit() {
        // PyTorch's t.sum(0) for t = the sines above reshaped to rows x cols; a double sum differs in most columns
        Tensor small = sines(15).reshape(5, 3);
        assertEquals(java.util.List.of(5.418385028839111, 3.5646471977233887, 1.2284488677978516),
                boxed(small.sum(new int[] {0}, false).toDoubleArray()));
        Tensor wide = sines(100 * 37).reshape(100, 37);
        double[] sums = wide.sum(new int[] {0}, false).toDoubleArray();
        assertEquals(5.398148059844971, sums[0], 0.0, "first column, a vector block's");
        assertEquals(1.1758594512939453, sums[36], 0.0, "last column, the scalar tail's");
        Tensor mid = sines(50 * 20).reshape(50, 20);
        double[] midSums = mid.sum(new int[] {0}, false).toDoubleArray();
        assertEquals(5.174485683441162, midSums[0], 0.0, "a single vector's column");
        assertEquals(1.0781540870666504, midSums[19], 0.0, "the scalar tail's");
    }

    private static java.util.List<Double> boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
