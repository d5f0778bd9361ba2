package org.torchglot.engine.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.torchglot.engine.nn.Parameter;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;

/**
 * The fixtures of {@code tools/fixtures/io_fixtures.py}: files saved by real PyTorch, and beside each a JSON
 * description of what {@code torch.load} returned, which {@link #assertMatches} compares with our loaded value.
 */
final class IoFixtures {
    private IoFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = IoFixtures.class.getResourceAsStream("/fixtures/io/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object expected(String name) {
        try {
            return Json.parse(new String(bytes(name), StandardCharsets.UTF_8));
        } catch (Json.SyntaxError e) {
            throw new IllegalStateException(name + ": " + e.getMessage());
        }
    }

    /** Asserts that a loaded value is the one PyTorch loaded, down to dtype, strides, offsets and bits. */
    static void assertMatches(Object expected, Object actual, String path) {
        if (expected == null || expected instanceof String || expected instanceof Boolean) {
            assertEquals(expected, actual, path);
            return;
        }
        Map<?, ?> spec = (Map<?, ?>) expected;
        String kind = spec.keySet().iterator().next().toString();
        switch (kind) {
            case "tensor" -> assertTensor(spec, actual, path);
            case "int" -> assertEquals(spec.get("int"), actual, path);
            case "float" -> assertEquals(parseFloat(spec.get("float")), actual, path);
            case "list" -> {
                assertInstanceOf(ArrayList.class, actual, path);
                assertItems((List<?>) spec.get("list"), (List<?>) actual, path);
            }
            case "tuple" -> {
                assertInstanceOf(Tuple.class, actual, path);
                assertItems((List<?>) spec.get("tuple"), (List<?>) actual, path);
            }
            case "set" -> {
                assertInstanceOf(Set.class, actual, path);
                List<Object> sorted = new ArrayList<>((Set<?>) actual);
                sorted.sort((a, b) -> Long.compare((Long) a, (Long) b));
                assertItems((List<?>) spec.get("set"), sorted, path);
            }
            case "ordered_dict", "dict" -> {
                assertInstanceOf(java.util.LinkedHashMap.class, actual, path);
                assertEquals(kind.equals("ordered_dict"), actual instanceof OrderedDict, path + " is an OrderedDict");
                List<?> entries = (List<?>) spec.get(kind);
                Map<?, ?> map = (Map<?, ?>) actual;
                assertEquals(entries.size(), map.size(), path + " size");
                Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
                for (Object entry : entries) {
                    List<?> kv = (List<?>) entry;
                    Map.Entry<?, ?> e = it.next();
                    assertMatches(kv.get(0), e.getKey(), path + " key");
                    assertMatches(kv.get(1), e.getValue(), path + "[" + e.getKey() + "]");
                }
            }
            default -> throw new IllegalStateException("unknown fixture kind " + kind);
        }
    }

    private static void assertItems(List<?> expected, List<?> actual, String path) {
        assertEquals(expected.size(), actual.size(), path + " length");
        for (int i = 0; i < expected.size(); i++) {
            assertMatches(expected.get(i), actual.get(i), path + "[" + i + "]");
        }
    }

    private static void assertTensor(Map<?, ?> spec, Object actual, String path) {
        Tensor t = assertInstanceOf(Tensor.class, actual, path);
        String dtype = (String) spec.get("tensor");
        assertEquals(engineDType(dtype), t.dtype(), path + " dtype");
        assertArrayEquals(ints(spec.get("shape")), t.shape(), path + " shape");
        assertArrayEquals(ints(spec.get("stride")), t.strides(), path + " stride");
        assertEquals(((Long) spec.get("offset")).intValue(), t.storageOffset(), path + " offset");
        assertEquals(spec.get("requires_grad"), t.requiresGrad(), path + " requires_grad");
        assertEquals(spec.get("parameter"), t instanceof Parameter, path + " is a Parameter");
        List<?> values = (List<?>) spec.get("values");
        assertEquals(values.size(), t.numel(), path + " numel");
        switch (t.dtype()) {
            case FLOAT32 -> {
                float[] got = t.toFloatArray();
                for (int i = 0; i < got.length; i++) {
                    assertEquals((float) parseFloat(values.get(i)), got[i], path + "[" + i + "]");
                }
            }
            case FLOAT64 -> {
                double[] got = t.toDoubleArray();
                for (int i = 0; i < got.length; i++) {
                    assertEquals(parseFloat(values.get(i)), got[i], path + "[" + i + "]");
                }
            }
            case INT64 -> {
                long[] got = t.toLongArray();
                for (int i = 0; i < got.length; i++) {
                    assertEquals(values.get(i), got[i], path + "[" + i + "]");
                }
            }
            case BOOL -> {
                double[] got = t.toDoubleArray();
                for (int i = 0; i < got.length; i++) {
                    assertEquals(values.get(i), got[i] != 0, path + "[" + i + "]");
                }
            }
        }
        assertNull(t.gradFn(), path + " is a leaf");
    }

    /** A Python float repr, including {@code inf}, {@code -inf} and {@code nan}. */
    private static double parseFloat(Object repr) {
        return switch ((String) repr) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble((String) repr);
        };
    }

    static DType engineDType(String pythonName) {
        return switch (pythonName) {
            case "float32", "float16", "bfloat16" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            case "bool" -> DType.BOOL;
            default -> DType.INT64;
        };
    }

    private static int[] ints(Object list) {
        return ((List<?>) list).stream().mapToInt(v -> ((Long) v).intValue()).toArray();
    }
}
