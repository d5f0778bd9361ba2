package org.torchglot.engine.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.torchglot.engine.Torch;
import org.torchglot.engine.io.FixtureJson;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * Ops called by name through the table, with PyTorch's positional and keyword arguments, against
 * the results real PyTorch gave for the same call (tools/fixtures/engine_ops.py writes table_ops.json).
 */
class OpTableFixtureTest {

    @TestFactory
    Stream<DynamicTest> tableOpsMatchPyTorch() throws IOException {
        List<?> cases;
        try (InputStream in = OpTableFixtureTest.class.getResourceAsStream("/fixtures/ops/table_ops.json")) {
            cases = (List<?>) FixtureJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return cases.stream().map(c -> (Map<?, ?>) c)
                .map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> check(c)));
    }

    private static void check(Map<?, ?> c) {
        String name = (String) c.get("name");
        String op = (String) c.get("op");
        Object[] args = ((List<?>) c.get("args")).stream().map(OpTableFixtureTest::decode).toArray();
        Map<String, Object> kwargs = new LinkedHashMap<>();
        ((Map<?, ?>) c.get("kwargs")).forEach((k, v) -> kwargs.put((String) k, decode(v)));
        if (c.containsKey("seed")) {
            Torch.manualSeed(((Number) c.get("seed")).longValue());
        }
        if (c.containsKey("error")) {
            List<?> error = (List<?>) c.get("error");
            TorchException e = assertThrows(TorchException.class,
                    () -> OpTable.standard().call(op, args, kwargs, Convention.ZERO_BASED), name);
            assertEquals(error.get(0), e.pythonName(), name + ": error type");
            assertEquals(error.get(1), e.getMessage(), name + ": error message");
            return;
        }
        Object result = OpTable.standard().call(op, args, kwargs, Convention.ZERO_BASED);
        assertMatches(decode(c.get("out")), result, name);
    }

    /** A fixture value as a binding would pass it: tensors, lists, Long, Double, Boolean, String, DType. */
    private static Object decode(Object v) {
        if (v instanceof Map<?, ?> m) {
            if (m.containsKey("seq")) {
                List<Object> out = new ArrayList<>();
                for (Object x : (List<?>) m.get("seq")) {
                    out.add(decode(x));
                }
                return out;
            }
            if (m.containsKey("dtype_name")) {
                return dtype((String) m.get("dtype_name"));
            }
            if (m.containsKey("float")) {
                return number((String) m.get("float"));
            }
            return tensor(m);
        }
        return v;
    }

    private static DType dtype(String name) {
        return switch (name) {
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            case "int64" -> DType.INT64;
            default -> DType.BOOL;
        };
    }

    private static double number(Object v) {
        if (v instanceof String s) {
            return switch (s) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                default -> Double.NEGATIVE_INFINITY;
            };
        }
        return ((Number) v).doubleValue();
    }

    private static Tensor tensor(Map<?, ?> m) {
        DType type = dtype((String) m.get("dtype"));
        int[] shape = ((List<?>) m.get("shape")).stream().mapToInt(x -> ((Number) x).intValue()).toArray();
        List<?> values = (List<?>) m.get("values");
        Tensor t = Tensor.zeros(shape, type);
        Storage s = t.storage();
        for (int i = 0; i < values.size(); i++) {
            if (type == DType.INT64) {
                s.setLong(i, ((Number) values.get(i)).longValue());
            } else {
                s.setDouble(i, number(values.get(i)));
            }
        }
        return t;
    }

    private static void assertMatches(Object expected, Object actual, String where) {
        if (expected instanceof Tensor want) {
            Tensor got = assertInstanceOf(Tensor.class, actual, where);
            assertEquals(want.dtype(), got.dtype(), where + " dtype");
            assertArrayEquals(want.shape(), got.shape(), where + " shape");
            double[] w = want.toDoubleArray();
            double[] g = got.toDoubleArray();
            for (int k = 0; k < w.length; k++) {
                double scale = Math.max(1, Math.abs(w[k]));
                double tol = want.dtype() == DType.FLOAT32 ? 3e-6 * scale : want.dtype() == DType.FLOAT64 ? 1e-12 * scale : 0;
                if (Double.isNaN(w[k]) || Double.isInfinite(w[k])) {
                    assertEquals(w[k], g[k], where + " element " + k);
                } else {
                    assertEquals(w[k], g[k], tol, where + " element " + k);
                }
            }
            return;
        }
        if (expected instanceof List<?> want) {
            List<?> got = actual instanceof Object[] array ? List.of(array) : assertInstanceOf(List.class, actual, where);
            assertEquals(want.size(), got.size(), where + " length");
            for (int i = 0; i < want.size(); i++) {
                assertMatches(want.get(i), got.get(i), where + "[" + i + "]");
            }
            return;
        }
        if (expected instanceof Number n && actual instanceof Number m) {
            assertEquals(n.doubleValue(), m.doubleValue(), 1e-12, where);
            return;
        }
        assertEquals(expected, actual, where);
    }
}
