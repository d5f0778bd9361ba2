package org.torchglot.engine.random;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays one step of a fixture line ({@code KIND:ARG:...[@I/J/K]}, as
 * {@code tools/fixtures/random_fixtures.py} writes it) on a {@link Generator} and encodes the
 * outputs the way the fixture does: {@code f<bits>} for float32, {@code d<bits>} for float64,
 * decimal for integers.
 */
final class FixtureSteps {
    private FixtureSteps() {
    }

    static List<String> runAll(Generator generator, String steps, LinearBounds bounds) {
        List<String> values = new ArrayList<>();
        if (steps.isEmpty()) {
            return values;
        }
        for (String step : steps.split(",")) {
            values.addAll(run(generator, step, bounds));
        }
        return values;
    }

    static List<String> run(Generator generator, String step, LinearBounds bounds) {
        String spec = step.contains("@") ? step.substring(0, step.indexOf('@')) : step;
        String[] args = spec.split(":");
        String kind = args[0];
        int n = Integer.parseInt(args[1]);
        List<String> all = switch (kind) {
            case "rand32" -> floats(n, out -> generator.uniform(out, 0, 1));
            case "rand64" -> doubles(n, out -> generator.uniform(out, 0, 1));
            case "randn32" -> floats(n, out -> generator.normal(out, 0, 1));
            case "randn64" -> doubles(n, out -> generator.normal(out, 0, 1));
            case "uniform32" -> floats(n, out -> generator.uniform(out, number(args[2]), number(args[3])));
            case "uniform64" -> doubles(n, out -> generator.uniform(out, number(args[2]), number(args[3])));
            case "normal32" -> floats(n, out -> generator.normal(out, number(args[2]), number(args[3])));
            case "normal64" -> doubles(n, out -> generator.normal(out, number(args[2]), number(args[3])));
            case "randint" -> {
                long[] out = new long[n];
                generator.randint(Long.parseLong(args[2]), Long.parseLong(args[3]), out);
                yield longs(out);
            }
            case "randperm" -> longs(generator.randperm(n));
            case "bernoulli32" -> floats(n, out -> generator.bernoulli(number(args[2]), out));
            case "bernoulli64" -> doubles(n, out -> generator.bernoulli(number(args[2]), out));
            case "bernoullip32" -> floats(n, out -> generator.bernoulli(floatProbabilities(n), out));
            case "bernoullip64" -> doubles(n, out -> generator.bernoulli(doubleProbabilities(n), out));
            case "dropoutmask32" -> floats(n, out -> generator.bernoulli(1 - number(args[2]), out));
            case "linear" -> linear(generator, n, Integer.parseInt(args[2]), bounds);
            default -> throw new IllegalArgumentException("unknown fixture step " + kind);
        };
        if (!step.contains("@")) {
            return all;
        }
        List<String> picked = new ArrayList<>();
        for (String index : step.substring(step.indexOf('@') + 1).split("/")) {
            picked.add(all.get(Integer.parseInt(index)));
        }
        return picked;
    }

    /** The bounds Linear's reset_parameters computed in Python for one fixture. */
    record LinearBounds(double weight, double bias) {
    }

    private static List<String> linear(Generator generator, int in, int out, LinearBounds bounds) {
        float[] weight = new float[in * out];
        float[] bias = new float[out];
        generator.uniform(weight, -bounds.weight(), bounds.weight());
        generator.uniform(bias, -bounds.bias(), bounds.bias());
        List<String> values = encode(weight);
        values.addAll(encode(bias));
        return values;
    }

    private static double number(String text) {
        return Double.parseDouble(text);
    }

    /** Probabilities (i % 10) / 10, as the script builds them with torch.tensor(..., dtype). */
    private static float[] floatProbabilities(int n) {
        float[] p = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = (float) ((i % 10) / 10.0);
        }
        return p;
    }

    private static double[] doubleProbabilities(int n) {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = (i % 10) / 10.0;
        }
        return p;
    }

    private interface FloatFill {
        void fill(float[] out);
    }

    private interface DoubleFill {
        void fill(double[] out);
    }

    private static List<String> floats(int n, FloatFill fill) {
        float[] out = new float[n];
        fill.fill(out);
        return encode(out);
    }

    private static List<String> doubles(int n, DoubleFill fill) {
        double[] out = new double[n];
        fill.fill(out);
        List<String> values = new ArrayList<>(n);
        for (double v : out) {
            values.add(String.format("d%016x", Double.doubleToRawLongBits(v)));
        }
        return values;
    }

    private static List<String> encode(float[] out) {
        List<String> values = new ArrayList<>(out.length);
        for (float v : out) {
            values.add(String.format("f%08x", Float.floatToRawIntBits(v)));
        }
        return values;
    }

    private static List<String> longs(long[] out) {
        List<String> values = new ArrayList<>(out.length);
        for (long v : out) {
            values.add(Long.toString(v));
        }
        return values;
    }
}
