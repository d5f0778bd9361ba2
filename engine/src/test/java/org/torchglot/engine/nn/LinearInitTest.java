package org.torchglot.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.tensor.Tensor;

/** {@code manual_seed(123); Linear(1000, 100); Linear(100, 10)} draws PyTorch's exact weights. */
class LinearInitTest {
    private static final Fixtures F = Fixtures.load("fixtures/nn/nn.txt");

    @Test
    void seededLinearLayersAreBitEqualToPyTorch() {
        Torch.manualSeed(123);
        Linear l1 = new Linear(1000, 100);
        Linear l2 = new Linear(100, 10);
        check("l1.weight", l1.weight());
        check("l1.bias", l1.bias());
        check("l2.weight", l2.weight());
        check("l2.bias", l2.bias());
        F.assertBitEqual("init.after", Torch.rand(3));
    }

    private static void check(String name, Tensor t) {
        float[] values = t.toFloatArray();
        long[] index = F.longs("init." + name + ".index");
        float[] picked = new float[index.length];
        for (int i = 0; i < index.length; i++) {
            picked[i] = values[(int) index[i]];
        }
        F.assertBitEqual("init." + name + ".values", Torch.tensor(picked, new int[] {picked.length}));
        long plain = 0;
        long weighted = 0;
        for (int i = 0; i < values.length; i++) {
            long bits = Integer.toUnsignedLong(Float.floatToRawIntBits(values[i]));
            plain += bits;
            weighted += (i + 1) * bits;
        }
        assertArrayEquals(F.longs("init." + name + ".checksum"), new long[] {plain, weighted}, name + " checksums");
        assertEquals(true, t.requiresGrad());
    }
}
