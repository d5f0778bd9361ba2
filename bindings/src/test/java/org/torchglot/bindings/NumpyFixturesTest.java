package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.torchglot.bindings.PolyglotFixture.CONTEXT;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The numpy shim prints what real numpy 1.24 prints: each case of {@code numpy/fixtures.json}
 * (made by {@code tools/fixtures/numpy_fixtures.py}) is a small script run here and there.
 */
class NumpyFixturesTest {

    private static final String RUNNER = """
            def _numpy_case(code):
                import contextlib, io, numpy
                out = io.StringIO()
                with contextlib.redirect_stdout(out):
                    exec(code, {"np": numpy})
                return out.getvalue()
            _numpy_case
            """;

    @TestFactory
    List<DynamicTest> everyCasePrintsWhatNumpyPrints() {
        Value cases = CONTEXT.eval(Language.PYTHON, "import json\njson.loads").execute(resource("numpy/fixtures.json"))
                .getHashValue("cases");
        Value runner = CONTEXT.eval(Language.PYTHON, RUNNER);
        List<DynamicTest> tests = new ArrayList<>();
        Value keys = cases.getHashKeysIterator();
        while (keys.hasIteratorNextElement()) {
            String name = keys.getIteratorNextElement().asString();
            Value c = cases.getHashValue(name);
            String code = c.getHashValue("code").asString();
            String expected = c.getHashValue("output").asString();
            tests.add(DynamicTest.dynamicTest(name, () -> assertEquals(expected, runner.execute(code).asString(), code)));
        }
        return tests;
    }

    @Test
    void theSeedTutorialsGradientDescentPrintsWhatNumpyPrints() {
        Value runner = CONTEXT.eval(Language.PYTHON, RUNNER);
        String output = runner.execute(resource("numpy/gradient_descent.py")).asString();
        assertEquals(resource("numpy/gradient_descent.out"), output);
    }

    static String resource(String name) {
        try (InputStream in = NumpyFixturesTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
