package org.torchglot.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * LibtorchFormatter against libtorch 1.13's operator<< (captured through TorchScript's print) wrapped as R torch's
 * print() wraps it (fixtures/format/libtorch.txt).
 */
class LibtorchFormatterTest {

    @TestFactory
    Stream<DynamicTest> matchesRTorchPrint() throws IOException {
        return FormatFixtures.load("libtorch.txt").stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            String actual = LibtorchFormatter.format(c.shape(), c.values(), c.dtype(), c.flag("requires_grad"),
                    c.gradFn(), Integer.parseInt(c.key("max_lines")));
            assertEquals(c.expected(), actual, c.name());
        }));
    }
}
