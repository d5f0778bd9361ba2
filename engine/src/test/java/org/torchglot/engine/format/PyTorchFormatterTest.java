package org.torchglot.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.torchglot.engine.tensor.DType;

/** PyTorchFormatter against repr() of real PyTorch 1.13 (fixtures/format/pytorch.txt). */
class PyTorchFormatterTest {

    @TestFactory
    Stream<DynamicTest> matchesPyTorchRepr() throws IOException {
        return FormatFixtures.load("pytorch.txt").stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            PyTorchFormatter.Suffix suffix = new PyTorchFormatter.Suffix(c.flag("requires_grad"), c.gradFn(),
                    c.flag("parameter"));
            String actual = PyTorchFormatter.format(c.shape(), c.values(), c.dtype(), suffix, options(c.key("options")));
            assertEquals(c.expected(), actual, c.name());
        }));
    }

    /** "precision threshold edgeitems linewidth sci_mode" as the generator wrote them. */
    private static PrintOptions options(String text) {
        String[] f = text.split(" ");
        Boolean sci = f[4].equals("none") ? null : Boolean.valueOf(f[4]);
        PrintOptions options = new PrintOptions();
        options.set(Integer.valueOf(f[0]), FormatFixtures.number(f[1]), Integer.valueOf(f[2]), Integer.valueOf(f[3]), null,
                sci);
        return options;
    }

    @Test
    void setPrintOptionsResetsSciModeAndAppliesProfiles() {
        PrintOptions options = new PrintOptions();
        options.set(null, null, null, null, null, true);
        assertEquals(Boolean.TRUE, options.sciMode());
        options.set(2, null, null, null, null, null);
        assertEquals(null, options.sciMode());
        assertEquals(2, options.precision());
        options.set(null, null, null, null, "short", null);
        assertEquals(2, options.edgeItems());
        options.set(null, null, null, null, "default", null);
        assertEquals(4, options.precision());
        assertEquals(1000, options.threshold());
    }

    @Test
    void defaultOptionsAreSharedAndUsedByTheShortForm() {
        double[] values = {0.123456};
        PrintOptions shared = PyTorchFormatter.options();
        try {
            shared.set(2, null, null, null, null, null);
            assertEquals("tensor([0.12])",
                    PyTorchFormatter.format(new int[] {1}, values, DType.FLOAT32,
                            PyTorchFormatter.Suffix.NONE));
        } finally {
            shared.set(null, null, null, null, "default", null);
        }
        assertEquals("tensor([0.1235])", PyTorchFormatter.format(new int[] {1}, values,
                DType.FLOAT32, PyTorchFormatter.Suffix.NONE));
    }
}
