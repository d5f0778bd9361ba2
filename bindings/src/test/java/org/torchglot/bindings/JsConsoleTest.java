package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.torchglot.bindings.PolyglotFixture.CONTEXT;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * console and util print what Node 20 prints: each case of fixtures/node_console.json (written by
 * tools/fixtures/node_console_fixtures.js from real Node) runs here and must give the same standard
 * output and error, character for character.
 */
class JsConsoleTest {

    @TestFactory
    Stream<DynamicTest> everyCasePrintsWhatNodePrints() throws IOException {
        Value cases = fixtureCases();
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : cases.getMemberKeys()) {
            Value c = cases.getMember(name);
            tests.add(DynamicTest.dynamicTest(name, () -> {
                PolyglotFixture.takeOutput();
                PolyglotFixture.takeErrors();
                CONTEXT.eval(Language.JS, "(() => {\n" + c.getMember("code").asString() + "\n})();");
                String out = PolyglotFixture.takeOutput();
                String err = PolyglotFixture.takeErrors();
                assertAll(() -> assertEquals(c.getMember("stdout").asString(), out, "stdout of " + name),
                        () -> assertEquals(c.getMember("stderr").asString(), err, "stderr of " + name));
            }));
        }
        return tests.stream();
    }

    @Test
    void tensorsAndModulesPrintTheirTorchReprInsideContainers() {
        PolyglotFixture.takeOutput();
        CONTEXT.eval(Language.JS, "(() => { const torch = require('torch');"
                + " console.log(torch.tensor([1, 2]), [torch.tensor([1.5])], { w: torch.tensor([[1, 2], [3, 4]]) },"
                + " new Map([['dtype', torch.float64]]));"
                + " console.log('%s and %o', torch.tensor([3]), torch.tensor([4]));"
                + " torch.manual_seed(0); console.log({ layer: new torch.nn.Linear(2, 1) }); })()");
        assertEquals("tensor([1., 2.]) [ tensor([1.5000]) ] {\n  w: tensor([[1., 2.],\n          [3., 4.]])\n}"
                + " Map(1) { 'dtype' => torch.float64 }\n"
                + "tensor([3.]) and tensor([4.])\n"
                + "{ layer: Linear(in_features=2, out_features=1, bias=True) }\n", PolyglotFixture.takeOutput());
    }

    @Test
    void requireUtilIsNodesUtilAndConsoleFunctionsWorkDetached() {
        PolyglotFixture.takeOutput();
        CONTEXT.eval(Language.JS, "(() => { const util = require('util'); const log = console.log;"
                + " [[1, 'a']].forEach((row) => log(util.inspect(row), util.format('%d%%', 50)));"
                + " log(require('console') === console, typeof util.inspect.custom); })()");
        assertEquals("[ 1, 'a' ] 50%\ntrue symbol\n", PolyglotFixture.takeOutput());
    }

    private static Value fixtureCases() throws IOException {
        try (InputStream in = JsConsoleTest.class.getResourceAsStream("/fixtures/node_console.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return CONTEXT.eval(Language.JS, "(text) => JSON.parse(text).cases").execute(json);
        }
    }
}
