package org.torchglot.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every tutorial in scripts/ that has its expected output beside it ({@code xor.py} +
 * {@code xor.py.out}) and compares what it prints. A script with a {@code .err} file instead is
 * expected to fail with exit status 1 and exactly that error text. The expected files are written
 * by tools/golden (from real PyTorch where it applies) and reviewed by a person, never by this test.
 * A script with neither fails: every tutorial is checked. A {@code .args} file beside a script holds
 * the arguments of its golden run (a short run of a long tutorial), as tools/golden passes them.
 *
 * <p>Text must match exactly, except for the spaces around numbers (numpy pads columns to its
 * widest shortest-repr number, so a last-bit difference can shift alignment); numbers with a fraction
 * or exponent must match to 1e-4 relative, since float32 results differ from libtorch's in the last
 * bits (summation order, vectorised exp/log).
 */
class ScriptGoldenTest {
    private static final Path SCRIPTS = Path.of("..", "scripts").toAbsolutePath().normalize();

    @TestFactory
    Stream<DynamicTest> scriptsPrintTheirExpectedOutput() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.walk(SCRIPTS)) {
            scripts = files.filter(p -> SCRIPT.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        return scripts.stream().map(s -> DynamicTest.dynamicTest(SCRIPTS.relativize(s).toString(), () -> check(s)));
    }

    private static final Pattern SCRIPT = Pattern.compile(".*\\.(py|R|js|mjs)");

    private static void check(Path script) throws IOException {
        Path expectedOut = Path.of(script + ".out");
        Path expectedErr = Path.of(script + ".err");
        assertTrue(Files.exists(expectedOut) || Files.exists(expectedErr),
                script.getFileName() + " has no golden file: write " + expectedOut.getFileName() + " with tools/golden");
        Path argsFile = Path.of(script + ".args");
        List<String> args = Files.exists(argsFile) ? List.of(Files.readString(argsFile).trim().split("\\s+")) : List.of();
        // Each script runs in a scratch copy of its folder, so files it writes (figures) stay out of the tree.
        Path work = Files.createTempDirectory("torchglot-golden");
        Path copy = work.resolve(script.getFileName());
        Files.copy(script, copy);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = new ScriptRunner(o, e, new ByteArrayInputStream(new byte[0]), false, work).runFile(copy, args);
        }
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8).replace(work.toString() + "/", "");
        if (Files.exists(expectedErr)) {
            assertEquals(1, status, "exit status; stderr was:\n" + stderr);
            assertEquals(Files.readString(expectedErr), stderr, "error output");
        } else {
            assertEquals(0, status, "exit status; stderr was:\n" + stderr);
        }
        if (Files.exists(expectedOut)) {
            assertSameOutput(Files.readString(expectedOut), stdout);
        }
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d*)?([eE][-+]?\\d+)?");
    /** Spaces padding a number: numpy pads columns to its widest number, so widths follow the digits. */
    private static final Pattern PADDED_NUMBER = Pattern.compile(" *# *");
    private static final double RELATIVE_TOLERANCE = 1e-4;

    private static double lastDigit(String number) {
        String mantissa = number.split("[eE]")[0];
        int dot = mantissa.indexOf('.');
        int decimals = dot < 0 ? 0 : mantissa.length() - dot - 1;
        int exponent = number.contains("e") || number.contains("E") ? Integer.parseInt(number.split("[eE]")[1]) : 0;
        return Math.pow(10, exponent - decimals) * 1.001;
    }

    /** Same text between numbers; same integers; same real numbers to {@link #RELATIVE_TOLERANCE}. */
    static void assertSameOutput(String expected, String actual) {
        String shapeOfExpected = PADDED_NUMBER.matcher(NUMBER.matcher(expected).replaceAll("#")).replaceAll("#");
        String shapeOfActual = PADDED_NUMBER.matcher(NUMBER.matcher(actual).replaceAll("#")).replaceAll("#");
        assertEquals(shapeOfExpected, shapeOfActual, "output text (numbers shown as #, their padding dropped)");
        Matcher e = NUMBER.matcher(expected);
        Matcher a = NUMBER.matcher(actual);
        int line = 1;
        int consumed = 0;
        while (e.find() && a.find()) {
            line += (int) expected.substring(consumed, e.start()).chars().filter(c -> c == '\n').count();
            consumed = e.start();
            String want = e.group();
            String got = a.group();
            if (e.group(1) == null && e.group(2) == null) {
                assertEquals(want, got, "integer on expected line " + line);
                continue;
            }
            double w = Double.parseDouble(want);
            double g = Double.parseDouble(got);
            // A printed value may also round the other way in its last digit (0.1235 vs 0.1234).
            double tolerance = Math.max(RELATIVE_TOLERANCE * Math.max(Math.abs(w), 1e-2), lastDigit(want));
            if (Math.abs(w - g) > tolerance) {
                assertEquals(want, got, "number on expected line " + line);
            }
        }
    }
}
