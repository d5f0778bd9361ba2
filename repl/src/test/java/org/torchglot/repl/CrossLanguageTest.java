package org.torchglot.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A seeded tutorial prints the same numbers in every language: the expected output of {@code
 * scripts/<name>.js} holds the numbers that real PyTorch printed for its Python twin ({@code
 * <name>.py.out}, written by tools/golden), and the R twin's expected output holds them too.
 * ScriptGoldenTest checks that every script prints its expected output, so comparing the expected
 * files here covers the live runs without running each tutorial twice. {@link #TWINS} lists which
 * scripts are ports of each other.
 *
 * <p>Only the numbers are compared, since each language prints its own way (JavaScript's {@code 1}
 * is Python's {@code 1.0}; R prints tensors as libtorch does). Each pair must agree to 1e-4
 * relative, or to the last digit the less precise of the two printed (whole numbers are exact).
 * Module descriptions are left out ({@code Linear(in_features=2, ...)} against R's parameter
 * counts), and so are the digits of names ({@code float64}, {@code AddmmBackward0}). R prints more
 * than the others (top-level values print themselves), so JavaScript's numbers must appear in R's
 * in order, not alone.
 */
class CrossLanguageTest {
    private static final Path SCRIPTS = Path.of("..", "scripts").toAbsolutePath().normalize();
    private static final double RELATIVE_TOLERANCE = 1e-4;

    /**
     * The twins of each JavaScript tutorial, by extension. NOTE: a shared name is not enough:
     * regression.py fits a different curve than regression.R and regression.js.
     */
    private static final Map<String, List<String>> TWINS = Map.of(
            "perceptron", List.of("py", "R"),
            "regression", List.of("R"),
            "two_layer_net", List.of("py", "R"),
            "xor_manual_backprop", List.of("py", "R"),
            "xor_mlp", List.of("py", "R"),
            "xor_perceptron", List.of("py", "R"));

    @TestFactory
    Stream<DynamicTest> seededTutorialsPrintTheSameNumbersInEveryLanguage() {
        return TWINS.keySet().stream().sorted().map(n -> DynamicTest.dynamicTest(n, () -> compare(n)));
    }

    private static void compare(String name) throws IOException {
        List<String> javascript = numbers(expectedOutput(name + ".js"));
        List<String> twins = TWINS.get(name);
        if (twins.contains("py")) {
            assertSameNumbers(numbers(expectedOutput(name + ".py")), javascript, "real PyTorch vs JavaScript");
        }
        if (twins.contains("R")) {
            assertNumbersAppearInOrder(javascript, numbers(expectedOutput(name + ".R")), "JavaScript within R");
        }
    }

    private static String expectedOutput(String script) throws IOException {
        return Files.readString(SCRIPTS.resolve(script + ".out"));
    }

    // ---- extracting numbers -------------------------------------------------------------------

    /** libtorch's tensor footers: [ CPUFloatType{3,1} ], [ requires_grad = TRUE ]. */
    private static final Pattern R_FOOTER = Pattern.compile("\\[ [^\\]]* \\]");
    /** R's vector print prefix: [1]. */
    private static final Pattern R_INDEX = Pattern.compile("(?m)^\\s*\\[\\d+\\]");
    /** Module descriptions: PyTorch's "  (fc): Linear(...)" lines, R's nn_module summary. */
    private static final Pattern MODULE_LINE = Pattern.compile(
            "(?m)^(\\s*\\([\\w.]+\\): \\w+\\(.*|An `nn_module`.*|── .*|• .*)$");
    /** Names, with any digits in them (float64, AddmmBackward0), but not a number's exponent (1e-05). */
    private static final Pattern NAME = Pattern.compile("(?<!\\d)[A-Za-z_]\\w*");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d*)?([eE][-+]?\\d+)?");

    static List<String> numbers(String output) {
        String text = R_FOOTER.matcher(output).replaceAll(" ");
        text = R_INDEX.matcher(text).replaceAll(" ");
        text = MODULE_LINE.matcher(text).replaceAll(" ");
        text = NAME.matcher(text).replaceAll(" ");
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    // ---- comparing numbers --------------------------------------------------------------------

    static void assertSameNumbers(List<String> expected, List<String> actual, String what) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!agree(expected.get(i), actual.get(i))) {
                fail(what + ": number " + (i + 1) + " differs: " + expected.get(i) + " vs " + actual.get(i)
                        + "\nexpected " + expected + "\nactual   " + actual);
            }
        }
        assertEquals(expected.size(), actual.size(), what + ": count of numbers\nexpected " + expected
                + "\nactual   " + actual);
    }

    static void assertNumbersAppearInOrder(List<String> wanted, List<String> within, String what) {
        int next = 0;
        for (String number : wanted) {
            while (next < within.size() && !agree(number, within.get(next))) {
                next++;
            }
            if (next == within.size()) {
                fail(what + ": " + number + " is missing (in order) from " + within + "\nwanted " + wanted);
            }
            next++;
        }
    }

    private static boolean agree(String a, String b) {
        double x = Double.parseDouble(a);
        double y = Double.parseDouble(b);
        double tolerance = Math.max(RELATIVE_TOLERANCE * Math.max(Math.abs(x), 1e-2),
                Math.max(lastDigit(a), lastDigit(b)));
        return Math.abs(x - y) <= tolerance;
    }

    /**
     * The value of one unit in the last printed digit (0.6931 gives 1e-4), a little widened for
     * rounding; 0 for whole numbers (3, 1.), which are exact.
     */
    private static double lastDigit(String number) {
        String[] parts = number.split("[eE]");
        int dot = parts[0].indexOf('.');
        int decimals = dot < 0 ? 0 : parts[0].length() - dot - 1;
        if (decimals == 0 && parts.length == 1) {
            return 0;
        }
        int exponent = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        return Math.pow(10, exponent - decimals) * 1.001;
    }
}
