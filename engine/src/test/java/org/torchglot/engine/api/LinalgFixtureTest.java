package org.torchglot.engine.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * torch.linalg through the op tables against real PyTorch ({@code tools/fixtures/linalg_fixtures.py}): results
 * to 1e-6 relative in float64 (1e-4 in float32), gradients of the summed result, and PyTorch's error messages.
 */
class LinalgFixtureTest {

    private record Case(String name, String op, boolean asList, int gradOf, Map<String, Object> kwargs,
            List<Tensor> inputs, List<String> outs, List<Boolean> absolute, List<Tensor> grads, String error) {
    }

    @TestFactory
    Stream<DynamicTest> linalgMatchesPyTorch() throws IOException {
        List<Case> cases = read();
        assertTrue(cases.size() > 100, "fixture has " + cases.size() + " cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    private static void run(Case c) {
        String table = c.op().substring(0, c.op().indexOf('.'));
        String name = c.op().substring(c.op().indexOf('.') + 1);
        OpTable ops = table.equals("linalg") ? OpTable.linalg() : OpTable.standard();
        List<Tensor> leaves = new ArrayList<>();
        for (Tensor t : c.inputs()) {
            leaves.add(c.grads().isEmpty() ? t : t.contiguousCopy().requiresGrad_(true));
        }
        Object[] positional = c.asList() ? new Object[] {new ArrayList<Object>(leaves)} : leaves.toArray();
        Object result;
        try {
            result = ops.call(name, positional, c.kwargs(), Convention.ZERO_BASED);
        } catch (TorchException e) {
            if (c.error() == null) {
                throw e;
            }
            assertEquals(c.error(), e.getMessage());
            return;
        }
        if (c.error() != null) {
            fail("expected the error: " + c.error());
        }
        Tensor[] results = result instanceof Object[] tuple ? Arrays.copyOf(tuple, tuple.length, Tensor[].class)
                : new Tensor[] {(Tensor) result};
        assertEquals(c.outs().size(), results.length, "number of results");
        for (int i = 0; i < results.length; i++) {
            compare(c.name() + " result " + i, c.outs().get(i), results[i], c.absolute().get(i));
        }
        if (!c.grads().isEmpty()) {
            results[c.gradOf()].sum().backward();
            for (int i = 0; i < leaves.size(); i++) {
                assertNotNull(leaves.get(i).grad(), c.name() + ": input " + i + " got no gradient");
                compare(c.name() + " gradient " + i, c.grads().get(i), leaves.get(i).grad(), false);
            }
        }
    }

    private static void compare(String what, Object expectedLine, Tensor actual, boolean absolute) {
        Tensor expected = expectedLine instanceof Tensor t ? t : parseTensor((String) expectedLine);
        assertEquals(expected.dtype(), actual.dtype(), what + " dtype");
        assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
        double[] e = expected.toDoubleArray();
        double[] a = actual.toDoubleArray();
        double rel = actual.dtype() == DType.FLOAT64 ? 1e-6 : 1e-4;
        double scale = 0;
        for (double v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < e.length; i++) {
            double x = absolute ? Math.abs(e[i]) : e[i];
            double y = absolute ? Math.abs(a[i]) : a[i];
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                assertEquals(x, y, what + "[" + i + "]");
                continue;
            }
            // NOTE: relative to the result's largest element: decompositions lose digits on the small ones.
            assertEquals(x, y, rel * Math.max(1, scale), what + "[" + i + "] of " + Arrays.toString(a));
        }
    }

    private static List<Case> read() throws IOException {
        String text;
        try (InputStream in = LinalgFixtureTest.class.getResourceAsStream("/fixtures/ops/linalg.txt")) {
            assertNotNull(in, "fixtures/ops/linalg.txt is missing");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        String[] blocks = ("\n" + text).split("\ncase ");
        for (String block : blocks) {
            if (block.isBlank()) {
                continue;
            }
            String[] lines = block.split("\n");
            String op = null;
            boolean asList = false;
            int gradOf = 0;
            Map<String, Object> kwargs = new LinkedHashMap<>();
            List<Tensor> inputs = new ArrayList<>();
            List<String> outs = new ArrayList<>();
            List<Boolean> absolute = new ArrayList<>();
            List<Tensor> grads = new ArrayList<>();
            String error = null;
            for (String line : Arrays.copyOfRange(lines, 1, lines.length)) {
                String rest = line.substring(line.indexOf(' ') + 1);
                switch (line.substring(0, line.indexOf(' '))) {
                    case "op" -> {
                        String[] parts = rest.split(" ");
                        op = parts[0];
                        for (String p : Arrays.copyOfRange(parts, 1, parts.length)) {
                            if (p.equals("@list")) {
                                asList = true;
                            } else if (p.startsWith("@grad_of=")) {
                                gradOf = Integer.parseInt(p.substring("@grad_of=".length()));
                            } else {
                                kwargs.put(p.substring(0, p.indexOf('=')), literal(p.substring(p.indexOf('=') + 1)));
                            }
                        }
                    }
                    case "in" -> inputs.add(parseTensor(rest));
                    case "out", "outabs" -> {
                        outs.add(rest);
                        absolute.add(line.startsWith("outabs"));
                    }
                    case "grad" -> grads.add(parseTensor(rest));
                    case "error" -> error = rest;
                    default -> throw new IllegalStateException("bad fixture line: " + line);
                }
            }
            cases.add(new Case(lines[0].trim(), op, asList, gradOf, kwargs, inputs, outs, absolute, grads, error));
        }
        return cases;
    }

    /** A Python literal of the fixture: int, float (inf too), 'string', True/False, or a tuple of ints. */
    private static Object literal(String text) {
        if (text.startsWith("'")) {
            return text.substring(1, text.length() - 1);
        }
        if (text.equals("True") || text.equals("False")) {
            return text.equals("True");
        }
        if (text.startsWith("(")) {
            List<Object> items = new ArrayList<>();
            for (String item : text.substring(1, text.length() - 1).split(",")) {
                if (!item.isBlank()) {
                    items.add(Long.parseLong(item.trim()));
                }
            }
            return items;
        }
        if (text.equals("inf") || text.equals("-inf")) {
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return text.matches("-?\\d+") ? (Object) Long.parseLong(text) : (Object) Double.parseDouble(text);
    }

    private static Tensor parseTensor(String text) {
        String[] parts = text.trim().split(" ");
        DType dtype = switch (parts[0]) {
            case "float32" -> DType.FLOAT32;
            case "float64" -> DType.FLOAT64;
            case "int64" -> DType.INT64;
            default -> throw new IllegalStateException("dtype " + parts[0]);
        };
        int[] shape = parts[1].equals("-") ? new int[0]
                : Arrays.stream(parts[1].split(",")).mapToInt(Integer::parseInt).toArray();
        double[] values = new double[parts.length - 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (parts[i + 2]) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                case "nan" -> Double.NaN;
                default -> Double.parseDouble(parts[i + 2]);
            };
        }
        Tensor t = Tensor.of(Storage.wrap(values), shape);
        return t.to(dtype);
    }
}
