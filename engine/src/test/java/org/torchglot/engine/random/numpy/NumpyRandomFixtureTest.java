package org.torchglot.engine.random.numpy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.torchglot.engine.tensor.Tensor;

/**
 * numpy's RandomState and Generator streams against real numpy 1.24, bit for bit
 * ({@code tools/fixtures/numpy_random_fixtures.py} wrote the fixture and documents its format).
 */
class NumpyRandomFixtureTest {

    @TestFactory
    Stream<DynamicTest> everyStreamMatchesNumpy() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(NumpyRandomFixtureTest.class
                .getResourceAsStream("/fixtures/random/numpy_streams.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|");
                tests.add(DynamicTest.dynamicTest(parts[0], () -> assertEquals(parts[3], run(parts[1], parts[2]),
                        parts[0] + ": " + parts[2])));
            }
        }
        return tests.stream();
    }

    private static String run(String source, String steps) {
        String[] spec = source.split(":");
        List<Long> seed = Arrays.stream(spec[1].split("/")).map(Long::parseUnsignedLong).toList();
        boolean legacy = spec[0].equals("legacy");
        RandomState legacyState = legacy ? seeded(seed) : null;
        NumpyGenerator generator = legacy ? null : new NumpyGenerator(seed);
        List<String> values = new ArrayList<>();
        for (String step : steps.split(",")) {
            Tensor out = legacy ? legacyStep(legacyState, step.split(":")) : generatorStep(generator, step.split(":"));
            values.add(encode(out));
        }
        return String.join(" ", values);
    }

    private static RandomState seeded(List<Long> seed) {
        if (seed.size() == 1) {
            return new RandomState(seed.get(0));
        }
        RandomState state = new RandomState();
        state.seed(seed);
        return state;
    }

    private static int[] n(String[] a) {
        return new int[] {Integer.parseInt(a[a.length - 1])};
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }

    private static double[] p(String s) {
        return Arrays.stream(s.split("/")).mapToDouble(Double::parseDouble).toArray();
    }

    private static Tensor legacyStep(RandomState r, String[] a) {
        return switch (a[0]) {
            case "random_sample" -> r.randomSample(n(a));
            case "standard_normal" -> r.standardNormal(n(a));
            case "normal" -> r.normal(d(a[1]), d(a[2]), n(a));
            case "uniform" -> r.uniform(d(a[1]), d(a[2]), n(a));
            case "randint" -> r.randint(Long.parseLong(a[1]), Long.parseLong(a[2]), n(a));
            case "permutation" -> r.permutation(Integer.parseInt(a[1]));
            case "exponential" -> r.exponential(d(a[1]), n(a));
            case "poisson" -> r.poisson(d(a[1]), n(a));
            case "binomial" -> r.binomial(Long.parseLong(a[1]), d(a[2]), n(a));
            case "gamma" -> r.gamma(d(a[1]), d(a[2]), n(a));
            case "beta" -> r.beta(d(a[1]), d(a[2]), n(a));
            case "choice" -> r.choiceIndices(Long.parseLong(a[1]), new int[] {Integer.parseInt(a[2])}, a[3].equals("1"), null);
            case "choicep" -> r.choiceIndices(Long.parseLong(a[1]), new int[] {Integer.parseInt(a[2])}, a[3].equals("1"), p(a[4]));
            default -> throw new IllegalArgumentException(a[0]);
        };
    }

    private static Tensor generatorStep(NumpyGenerator g, String[] a) {
        return switch (a[0]) {
            case "random" -> g.random(n(a));
            case "standard_normal" -> g.standardNormal(n(a));
            case "normal" -> g.normal(d(a[1]), d(a[2]), n(a));
            case "uniform" -> g.uniform(d(a[1]), d(a[2]), n(a));
            case "integers" -> g.integers(Long.parseLong(a[1]), Long.parseLong(a[2]), n(a), false);
            case "permutation" -> g.permutation(Integer.parseInt(a[1]));
            case "choice" -> g.choiceIndices(Long.parseLong(a[1]), new int[] {Integer.parseInt(a[2])}, a[3].equals("1"), null, true);
            case "choicep" -> g.choiceIndices(Long.parseLong(a[1]), new int[] {Integer.parseInt(a[2])}, a[3].equals("1"), p(a[4]), true);
            default -> throw new IllegalArgumentException(a[0]);
        };
    }

    private static String encode(Tensor t) {
        List<String> out = new ArrayList<>();
        if (t.isFloatingPoint()) {
            for (double v : t.toDoubleArray()) {
                out.add("d" + String.format("%016x", Double.doubleToRawLongBits(v)));
            }
        } else {
            for (long v : t.toLongArray()) {
                out.add(Long.toString(v));
            }
        }
        return String.join(" ", out);
    }
}
