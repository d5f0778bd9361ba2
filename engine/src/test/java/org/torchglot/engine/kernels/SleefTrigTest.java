package org.torchglot.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;

/**
 * float32 sin and cos are PyTorch's to the last bit, also where PyTorch's differ from the correctly rounded
 * value (most lines of the fixture, written by {@code tools/fixtures/trig_fixtures.py}).
 */
class SleefTrigTest {

    @Test
    void sinAndCosArePyTorchsBitForBit() throws IOException {
        String fixture;
        try (InputStream in = SleefTrigTest.class.getResourceAsStream("/fixtures/ops/sin_cos.txt")) {
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = fixture.strip().split("\n");
        float[] x = new float[lines.length];
        for (int i = 0; i < lines.length; i++) {
            x[i] = Float.parseFloat(lines[i].split(" ")[0]);
        }
        Tensor input = Torch.tensor(x, new int[] {x.length});
        double[] sin = input.sin().toDoubleArray();
        double[] cos = input.cos().toDoubleArray();
        // a strided view takes the same kernel
        double[] sinOfView = Torch.stack(java.util.List.of(input, input), 1).select(1, 0).sin().toDoubleArray();
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].split(" ");
            assertEquals(Float.parseFloat(f[1]), sin[i], 0.0, "sin(" + f[0] + ")");
            assertEquals(Float.parseFloat(f[2]), cos[i], 0.0, "cos(" + f[0] + ")");
            assertEquals(sin[i], sinOfView[i], 0.0, "sin of a strided view at " + f[0]);
        }
    }

    @Test
    void float64KeepsTheCorrectlyRoundedValue() {
        assertEquals(Math.sin(1.0), Torch.tensor(new double[] {1.0}, new int[] {1}, DType.FLOAT64).sin().item(), 0.0);
    }
}
