package org.torchglot.engine.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the streams in {@code fixtures/random/streams.txt}, recorded from real PyTorch 1.13 by
 * {@code tools/fixtures/random_fixtures.py}, and requires the same bits.
 */
class GeneratorFixtureTest {
    private static final List<String[]> LINES = readFixture();

    private static List<String[]> readFixture() {
        try (InputStream in = GeneratorFixtureTest.class.getResourceAsStream("/fixtures/random/streams.txt")) {
            if (in == null) {
                throw new IllegalStateException("fixtures/random/streams.txt is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\\|", -1))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<String[]> lines(String kind) {
        return LINES.stream().filter(fields -> fields[0].equals(kind));
    }

    private static Map<String, FixtureSteps.LinearBounds> linearBounds() {
        Map<String, FixtureSteps.LinearBounds> bounds = new HashMap<>();
        lines("linearbounds").forEach(f -> bounds.put(f[1],
                new FixtureSteps.LinearBounds(Double.parseDouble(f[2]), Double.parseDouble(f[3]))));
        return bounds;
    }

    @TestFactory
    Stream<DynamicTest> streamsMatchPyTorch() {
        Map<String, FixtureSteps.LinearBounds> bounds = linearBounds();
        return lines("stream").map(f -> DynamicTest.dynamicTest(f[1] + " [" + abbreviate(f[3]) + "]", () -> {
            Generator generator = new Generator().manualSeed(Long.parseUnsignedLong(f[2]));
            List<String> actual = FixtureSteps.runAll(generator, f[3], bounds.get(f[1]));
            assertSameValues(f[1], split(f[4]), actual);
        }));
    }

    @TestFactory
    Stream<DynamicTest> stateBytesAndRestoreMatchPyTorch() {
        return lines("state").map(f -> DynamicTest.dynamicTest(f[1], () -> {
            Generator generator = new Generator().manualSeed(Long.parseUnsignedLong(f[2]));
            FixtureSteps.runAll(generator, f[3], null);
            byte[] expectedState = HexFormat.of().parseHex(f[4]);
            assertArrayEquals(expectedState, generator.getState(), "get_rng_state() bytes");

            Generator restored = new Generator(999).setState(expectedState);
            assertSameValues(f[1], split(f[6]), FixtureSteps.runAll(restored, f[5], null));
        }));
    }

    @TestFactory
    Stream<DynamicTest> initialSeedMatchesPyTorch() {
        return lines("seed").map(f -> DynamicTest.dynamicTest("manual_seed(" + f[1] + ")", () -> {
            Generator generator = f[1].equals("default") ? new Generator() : new Generator().manualSeed(parseSeed(f[1]));
            assertEquals(f[2], Long.toUnsignedString(generator.initialSeed()));
        }));
    }

    @Test
    void publishedRandn64x1000CornerMatches() {
        Generator generator = new Generator().manualSeed(123);
        float[] x = new float[64 * 1000];
        generator.normal(x, 0, 1);
        float[] corner = {x[0], x[1], x[2], x[1000], x[1001], x[1002], x[2000], x[2001], x[2002]};
        float[] printed = {0.3374f, -0.1778f, -0.3035f, 0.2573f, 0.6937f, 0.4207f, 2.5754f, -1.3320f, 0.2282f};
        for (int i = 0; i < printed.length; i++) {
            assertEquals(printed[i], corner[i], 5e-5f, "element " + i);
        }
    }

    /** Python's manual_seed takes [-2^63, 2^64): negative seeds wrap to unsigned. */
    private static long parseSeed(String text) {
        return text.startsWith("-") ? Long.parseLong(text) : Long.parseUnsignedLong(text);
    }

    private static List<String> split(String values) {
        return values.isEmpty() ? List.of() : Arrays.asList(values.split(" "));
    }

    private static String abbreviate(String steps) {
        return steps.length() <= 60 ? steps : steps.substring(0, 57) + "...";
    }

    private static void assertSameValues(String name, List<String> expected, List<String> actual) {
        assertEquals(expected.size(), actual.size(), name + ": number of values");
        for (int i = 0; i < expected.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                fail(name + ": value " + i + " is " + describe(actual.get(i)) + " but PyTorch gave "
                        + describe(expected.get(i)));
            }
        }
    }

    private static String describe(String encoded) {
        return switch (encoded.charAt(0)) {
            case 'f' -> encoded + " (" + Float.intBitsToFloat(Integer.parseUnsignedInt(encoded.substring(1), 16)) + ")";
            case 'd' -> encoded + " (" + Double.longBitsToDouble(Long.parseUnsignedLong(encoded.substring(1), 16)) + ")";
            default -> encoded;
        };
    }
}
