package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.torchglot.bindings.PolyglotFixture.CONTEXT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;

/** What the JavaScript torch module does that has no Python counterpart: its mapping of JavaScript idioms. */
class JsIdiomsTest {

    @Test
    void numberDataIsFloatAndBigIntsOrIntegerTypedArraysAreInt64() {
        assertEquals("float32 int64 bool int64 float64 float32 int64",
                js("[torch.tensor([1, 2]), torch.tensor([1n, 2n]), torch.tensor([true, false]),"
                        + " torch.tensor(new Int32Array([1, 2])), torch.tensor(new Float64Array([1])),"
                        + " torch.tensor(3), torch.tensor([1, 2], {dtype: torch.long})].map((t) => t.dtype.name).join(' ')"));
    }

    @Test
    void arangeOfWholeNumbersIsInt64SinceJavaScriptHasOneNumberType() {
        // NOTE: 3.5 * 2 is a double inside GraalJS and 7 an int: both are the number 7 to the script.
        assertEquals("int64 int64 int64 float32 float32",
                js("const x = 3.5; [torch.arange(5), torch.arange(6.0), torch.arange(x * 2), torch.arange(0, 1, 0.25),"
                        + " torch.arange(2.5, 6)].map((t) => t.dtype.name).join(' ')"));
    }

    @Test
    void tensorsConvertBackToNumbersArraysAndTypedArrays() {
        assertEquals("[[1,2],[3,4]] 2.5 [7,8] [true,false] Float32Array 1,2,3,4",
                js("const t = torch.tensor([[1, 2], [3, 4]]);"
                        + "[JSON.stringify(t.tolist()), torch.tensor(2.5).item(), JSON.stringify(torch.tensor([7n, 8n]).tolist()),"
                        + " JSON.stringify(torch.tensor([true, false]).tolist()), t.toFloat32Array().constructor.name,"
                        + " Array.from(t.toFloat64Array()).join()].join(' ')"));
    }

    @Test
    void toTypedArrayCopiesIntoTheTypedArrayOfTheDtype() {
        assertEquals("Float32Array 1,2 Float64Array BigInt64Array 7 Uint8Array 1,0",
                js("const [a, b, c, d] = [torch.tensor(new Float32Array([1, 2])), torch.tensor([1], {dtype: torch.float64}),"
                        + " torch.tensor([7n]), torch.tensor([true, false])].map((t) => t.toTypedArray());"
                        + "[a.constructor.name, a.join(), b.constructor.name, c.constructor.name, c[0], d.constructor.name, d.join()].join(' ')"));
    }

    @Test
    void containersIndexFromTheEndOnceAndShareTheirProtocol() {
        assertEquals("Tanh ReLU RangeError Sigmoid 3 act,fc true 2",
                js("const l = new torch.nn.ModuleList([new torch.nn.ReLU(), new torch.nn.Tanh()]);"
                        + "const out = [l.get(-1)._j.typeName(), l.get(-2)._j.typeName()];"
                        + "try { l.get(-3); } catch (e) { out.push(e.constructor.name); }"
                        + "const s = new torch.nn.Sequential(new torch.nn.ReLU()).extend([new torch.nn.Sigmoid()]);"
                        + "out.push(s.get(-1)._j.typeName());"
                        + "const d = new torch.nn.ModuleDict({act: new torch.nn.ReLU()}).update({fc: new torch.nn.Linear(1, 1)});"
                        + "const p = new torch.nn.ParameterDict({w: torch.zeros(2)}).update({v: torch.ones(1)});"
                        + "out.push(d.size + p.size - 1, d.keys().join(), p.has('v'), [...p].length); out.join(' ')"));
    }

    @Test
    void datasetsIterateOverTheirSamples() {
        assertEquals("3 [0,1]:5 [4,5]:7",
                js("const ds = new torch.utils.data.TensorDataset(torch.arange(6).view(3, 2), torch.tensor([5n, 6n, 7n]));"
                        + "const samples = [...ds]; const out = [samples.length];"
                        + "for (const [x, y] of [samples[0], samples[2]]) out.push(JSON.stringify(x.tolist()) + ':' + y.item());"
                        + "out.join(' ')"));
    }

    @Test
    void anUnhandledRejectionFailsTheEvaluationAsInNodeAndMicrotasksRunAfterIt() {
        PolyglotException error = assertThrows(PolyglotException.class,
                () -> CONTEXT.eval(Language.JS, "(async () => { throw new TypeError('async boom'); })(); 1"));
        assertEquals("TypeError: async boom", error.getMessage());
        CONTEXT.eval(Language.JS, "globalThis.order = []; queueMicrotask(() => order.push('micro'));"
                + " Promise.reject(new Error('handled')).catch((e) => order.push(e.message)); order.push('sync');");
        assertEquals("sync,micro,handled", CONTEXT.eval(Language.JS, "order.join()").asString());
    }

    @Test
    void aTensorIsIterableOverItsRowsAndItsShapeIsAnArray() {
        assertEquals("tensor([1., 2.])|tensor([3., 4.]) true 2 torch.Size([2, 2])",
                js("const t = torch.tensor([[1, 2], [3, 4]]);"
                        + "[[...t].join('|'), Array.isArray(t.shape), t.shape[1], String(t.size())].join(' ')"));
    }

    @Test
    void engineErrorsBecomeTheMatchingJavaScriptErrorClasses() {
        assertEquals("Error RuntimeError|RangeError IndexError|TypeError TypeError|RangeError IndexError",
                js("const kinds = [];"
                        + "for (const f of [() => torch.ones(2).view(3), () => torch.ones(2).index(3),"
                        + "                 () => torch.zeros(2, {dtipe: 1}), () => torch.ones(2).index('1:2:3:4')]) {"
                        + "  try { f(); } catch (e) { kinds.push(e.constructor.name + ' ' + e.torchName); }"
                        + "}"
                        + "kinds.join('|')"));
    }

    @Test
    void aFailingScriptReportsPyTorchsMessageAtTheScriptsLine() throws IOException {
        Path script = Files.writeString(PolyglotFixture.WORKING_DIRECTORY.resolve("shapes.js"),
                "const torch = require('torch');\nconst a = torch.ones(4, 2);\n\nconst b = a.matmul(torch.ones(3, 1));\n");
        PolyglotException error = assertThrows(PolyglotException.class, () -> CONTEXT.evalFile(script));
        String text = CONTEXT.describe(error);
        assertTrue(text.startsWith("Error: mat1 and mat2 shapes cannot be multiplied (4x2 and 3x1)\n"), text);
        assertTrue(text.contains("(" + script + ":4:"), text);
    }

    @Test
    void anEcmaScriptModuleImportsNamedExportsIncludingCamelCaseNames() throws IOException {
        Path module = Files.writeString(PolyglotFixture.WORKING_DIRECTORY.resolve("named.mjs"),
                "import { manualSeed, randn, nn } from 'torch';\nmanualSeed(0);\n"
                        + "console.log(randn(2).add(1), typeof nn.Linear);\n");
        PolyglotFixture.takeOutput();
        CONTEXT.evalFile(module);
        assertEquals("tensor([2.5410, 0.7066]) function\n", PolyglotFixture.takeOutput());
    }

    @Test
    void moduleClassFieldsRegisterAndPlainValuesStayPlain() {
        assertEquals("fc|2|true|true|Net(\n  (fc): Linear(in_features=2, out_features=2, bias=False)\n  (act): ReLU()\n)",
                js("class Net extends torch.nn.Module {"
                        + "  fc = new torch.nn.Linear(2, 2, {bias: false});"
                        + "  constructor() { super(); this.act = new torch.nn.ReLU(); this.k = 2; }"
                        + "  forward(x) { return this.act(this.fc(x)).mul(this.k); }"
                        + "}"
                        + "const net = new Net();"
                        + "const x = torch.ones(1, 2);"
                        + "[net.named_parameters().map(([n]) => n.split('.')[0]).filter((v, i, a) => a.indexOf(v) === i).join(),"
                        + " net.k, net(x).equal(net.forward(x)), net instanceof torch.nn.Module, String(net)].join('|')"));
    }

    @Test
    void extraReprAndParametersAsAnArray() {
        assertEquals("Scaled(factor=3)|1|Parameter",
                js("class Scaled extends torch.nn.Module {"
                        + "  constructor() { super(); this.w = new torch.nn.Parameter(torch.ones(1)); }"
                        + "  extra_repr() { return 'factor=3'; }"
                        + "  forward(x) { return x.mul(this.w); }"
                        + "}"
                        + "const m = new Scaled();"
                        + "[String(m), m.parameters().length, m.parameters()[0].constructor.name].join('|')"));
    }

    @Test
    void paramGroupsReadAndAssignOptions() {
        assertEquals("0.1 0.01 0.9",
                js("const lin = new torch.nn.Linear(1, 1);"
                        + "const opt = new torch.optim.SGD(lin.parameters(), 0.1, {momentum: 0.9});"
                        + "const before = opt.param_groups[0].lr;"
                        + "opt.paramGroups[0].lr = 0.01;"
                        + "[before, opt.param_groups[0].lr, opt.param_groups[0].momentum].join(' ')"));
    }

    @Test
    void noGradTakesAFunctionAndReturnsItsValue() {
        assertEquals("false true 42 TypeError",
                js("const x = torch.ones(1, {requires_grad: true});"
                        + "let error = '';"
                        + "try { torch.no_grad(); } catch (e) { error = e.constructor.name; }"
                        + "[torch.no_grad(() => x.mul(2)).requires_grad, x.mul(2).requires_grad, torch.no_grad(() => 42), error].join(' ')"));
    }

    @Test
    void snakeCaseNamesHaveCamelCaseTwins() {
        assertEquals("true true true true",
                js("[torch.manualSeed === torch.manual_seed, torch.nn.functional.mseLoss === torch.nn.functional.mse_loss,"
                        + " torch.Tensor.prototype.requiresGrad_ === torch.Tensor.prototype.requires_grad_,"
                        + " typeof new torch.nn.Linear(1, 1).zeroGrad === 'function'].join(' ')"));
    }

    /** The string value of a JavaScript expression (the last statement) run with torch in scope. */
    private static String js(String code) {
        return CONTEXT.eval(Language.JS, "(() => { const torch = require('torch'); return eval(" + quote(code) + "); })()")
                .asString();
    }

    private static String quote(String code) {
        return "'" + code.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }
}
