package org.torchglot.engine.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.DType;

/** Reads the cases written by tools/fixtures/format_fixtures.py (see its docstring for the block format). */
final class FormatFixtures {

    /** One printed tensor: its inputs, printer-specific keys, and the exact text real PyTorch/numpy printed. */
    record Case(String name, DType dtype, int[] shape, double[] values, Map<String, String> keys, String expected) {
        String key(String k) {
            String v = keys.get(k);
            if (v == null) {
                throw new IllegalStateException(name + ": missing key " + k);
            }
            return v;
        }

        boolean flag(String k) {
            return key(k).equals("1");
        }

        /** A grad_fn name, or null for "-". */
        String gradFn() {
            String v = key("grad_fn");
            return v.equals("-") ? null : v;
        }
    }

    private FormatFixtures() {
    }

    static List<Case> load(String fileName) throws IOException {
        String resource = "/fixtures/format/" + fileName;
        try (InputStream in = FormatFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static List<Case> parse(String text) {
        List<Case> cases = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int i = 0;
        while (i < lines.length && lines[i].startsWith("### ")) {
            String name = lines[i++].substring(4);
            Map<String, String> keys = new LinkedHashMap<>();
            while (!lines[i].equals("expected:")) {
                int colon = lines[i].indexOf(": ");
                String key = colon < 0 ? lines[i].substring(0, lines[i].length() - 1) : lines[i].substring(0, colon);
                keys.put(key, colon < 0 ? "" : lines[i].substring(colon + 2));
                i++;
            }
            i++;
            List<String> expected = new ArrayList<>();
            while (!lines[i].equals("### end")) {
                expected.add(lines[i++]);
            }
            i++;
            cases.add(new Case(name, dtype(keys.remove("dtype")), shape(keys.remove("shape")),
                    values(keys.remove("values")), keys, String.join("\n", expected)));
        }
        return cases;
    }

    private static DType dtype(String name) {
        return Arrays.stream(DType.values()).filter(d -> d.pythonName().equals(name)).findFirst().orElseThrow();
    }

    private static int[] shape(String text) {
        return text.isBlank() ? new int[0] : Arrays.stream(text.trim().split(" ")).mapToInt(Integer::parseInt).toArray();
    }

    private static double[] values(String text) {
        if (text.isBlank()) {
            return new double[0];
        }
        return Arrays.stream(text.trim().split(" ")).mapToDouble(FormatFixtures::number).toArray();
    }

    /** A number as Python's repr wrote it, including nan, -nan, inf and -inf. */
    static double number(String s) {
        return switch (s) {
            case "nan" -> Double.NaN;
            case "-nan" -> Double.longBitsToDouble(0xfff8000000000000L);
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }
}
