package org.torchglot.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** NumpyFormatter against repr() and str() of real numpy 1.24 arrays (fixtures/format/numpy.txt). */
class NumpyFormatterTest {

    @TestFactory
    Stream<DynamicTest> matchesNumpy() throws IOException {
        return FormatFixtures.load("numpy.txt").stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            String actual = switch (c.key("kind")) {
                case "repr" -> NumpyFormatter.repr(c.shape(), c.values(), c.dtype());
                case "str" -> NumpyFormatter.str(c.shape(), c.values(), c.dtype());
                default -> throw new IllegalStateException(c.key("kind"));
            };
            assertEquals(c.expected(), actual, c.name());
        }));
    }
}
