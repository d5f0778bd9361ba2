package org.torchglot.engine.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.torchglot.engine.Torch;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;

/**
 * Reads the {@code KEY VALUE...} fixture files written by {@code tools/fixtures/*_fixtures.py}:
 * space-separated numbers or one JSON string per key.
 */
public final class Fixtures {
    private final Map<String, String> entries = new HashMap<>();

    private Fixtures() {
    }

    /** Loads a fixture from the test class path, e.g. {@code fixtures/nn/nn.txt}. */
    public static Fixtures load(String resource) {
        Fixtures f = new Fixtures();
        var in = Fixtures.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing fixture " + resource);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                f.entries.put(space < 0 ? line : line.substring(0, space), space < 0 ? "" : line.substring(space + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    /** Whether the fixture has an entry {@code key}. */
    public boolean has(String key) {
        return entries.containsKey(key);
    }

    private String raw(String key) {
        String v = entries.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no fixture entry " + key);
        }
        return v;
    }

    public double[] doubles(String key) {
        String v = raw(key).trim();
        if (v.isEmpty()) {
            return new double[0];
        }
        String[] parts = v.split(" ");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parse(parts[i]);
        }
        return out;
    }

    private static double parse(String s) {
        return switch (s) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    public double number(String key) {
        return doubles(key)[0];
    }

    public long[] longs(String key) {
        String[] parts = raw(key).trim().split(" ");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Long.parseUnsignedLong(parts[i]);
        }
        return out;
    }

    /** A float32 tensor of {@code shape} from the entry's values. */
    public Tensor tensor(String key, int... shape) {
        return Torch.tensor(doubles(key), shape, DType.FLOAT32);
    }

    /** An int64 tensor of {@code shape} from the entry's values. */
    public Tensor longTensor(String key, int... shape) {
        String[] parts = raw(key).trim().split(" ");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Long.parseLong(parts[i]);
        }
        return Torch.tensor(out, shape);
    }

    /** The entry's JSON string, decoded. */
    public String string(String key) {
        String v = raw(key);
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = v.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(v.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> sb.append(e);
            }
        }
        return sb.toString();
    }

    /** Asserts float32 values equal the fixture's bit for bit. */
    public void assertBitEqual(String key, Tensor actual) {
        double[] expected = doubles(key);
        float[] got = actual.toFloatArray();
        assertEquals(expected.length, got.length, key + ": size");
        for (int i = 0; i < expected.length; i++) {
            assertEquals((float) expected[i], got[i], 0f, key + "[" + i + "]");
        }
    }

    /** Asserts every value is within {@code rel} relative (or {@code abs} absolute) of the fixture's. */
    public void assertClose(String key, Tensor actual, double rel, double abs) {
        assertClose(key, doubles(key), actual.toDoubleArray(), rel, abs);
    }

    public static void assertClose(String what, double[] expected, double[] got, double rel, double abs) {
        assertEquals(expected.length, got.length, what + ": size");
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i];
            double g = got[i];
            if (Double.isNaN(e)) {
                assertTrue(Double.isNaN(g), what + "[" + i + "] expected nan, got " + g);
                continue;
            }
            double tol = Math.max(abs, rel * Math.abs(e));
            assertTrue(Math.abs(e - g) <= tol, what + "[" + i + "] expected " + e + " got " + g + " (diff "
                    + Math.abs(e - g) + " > " + tol + ")");
        }
    }

    public static void assertShape(int[] expected, Tensor t) {
        assertArrayEquals(expected, t.shape());
    }
}
