package org.torchglot.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.tensor.DType;

/**
 * {@code torch.linspace} to the last bit: the expected values are PyTorch 1.13's, written by
 * {@code tools/fixtures/range_fixtures.py}; computing in double and rounding once differs from them
 * (the tutorials' {@code linspace(-pi, pi, 2000)} in 718 of its 2000 values).
 */
class RangeFillsTest {

    @Test
    void linspaceIsPyTorchsBitForBit() throws IOException {
        String fixture;
        try (InputStream in = RangeFillsTest.class.getResourceAsStream("/fixtures/ops/linspace.txt")) {
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String line : fixture.strip().split("\n")) {
            String[] f = line.split(" ");
            DType dtype = f[0].equals("float32") ? DType.FLOAT32 : DType.FLOAT64;
            int steps = Integer.parseInt(f[3]);
            double[] got = Torch.linspace(Double.parseDouble(f[1]), Double.parseDouble(f[2]), steps, dtype)
                    .toDoubleArray();
            for (int i = 0; i < steps; i++) {
                assertEquals(Double.parseDouble(f[4 + i]), got[i], 0.0, String.join(" ", f[0], f[1], f[2], f[3]) + ", element " + i);
            }
        }
    }
}
