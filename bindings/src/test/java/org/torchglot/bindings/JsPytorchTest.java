package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * require('js-pytorch') runs js-pytorch's README and its neural-network tutorial unchanged (both
 * copied verbatim under resources/js-pytorch/), with js-pytorch's signatures over the engine.
 * Each script runs in a fresh context: they declare the same top-level names.
 */
class JsPytorchTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private TorchglotContext context() {
        return TorchglotContext.builder().languages(Language.JS).out(out).err(out).workingDirectory(work).build();
    }

    private String output() {
        String text = out.toString(StandardCharsets.UTF_8);
        out.reset();
        return text;
    }

    @Test
    void theReadmeAutogradExampleRunsUnchanged() throws IOException {
        try (TorchglotContext context = context()) {
            context.evalFile(copy("readme_autograd.js"));
            // out = x @ w + b over [8, 4, 4]: each of b's items gets a gradient of 8 * 4.
            assertTrue(output().endsWith("\n[ 32, 32, 32, 32 ]\n"));
            assertEquals("8 5 4 true", context.eval(Language.JS,
                    "[w.grad.length, w.grad[0].length, w.grad[0][0].length, typeof w.grad[0][0][0] === 'number'].join(' ')").asString());
        }
    }

    @Test
    void theNeuralNetworkTutorialTrainsUnchanged() throws IOException {
        try (TorchglotContext context = context()) {
            context.evalFile(copy("tutorial_neural_network.js"));
            List<String> lines = output().lines().toList();
            assertEquals(256, lines.size());
            assertTrue(lines.get(0).startsWith("Iter: 0 - Loss: "), lines.get(0));
            double first = Double.parseDouble(lines.get(0).substring("Iter: 0 - Loss: ".length()));
            double last = Double.parseDouble(lines.get(255).substring("Iter: 255 - Loss: ".length()));
            assertTrue(first > 1 && last < first / 10, "the loss falls: " + first + " to " + last);
        }
    }

    @Test
    void saveWritesTheModelAndLoadFillsAModelOfTheSameArchitecture() throws IOException {
        try (TorchglotContext context = context()) {
            context.eval(Language.JS, """
                    const { torch } = require('js-pytorch');
                    class Net extends torch.nn.Module {
                      constructor() { super(); this.fc = new torch.nn.Linear(3, 2); }
                      forward(x) { return this.fc.forward(x); }
                    }
                    const model = new Net();
                    torch.save(model, 'model.json');
                    const loaded = torch.load(new Net(), 'model.json');
                    console.log(loaded instanceof Net, loaded.forward(torch.ones([1, 3])).sub(model.forward(torch.ones([1, 3]))).abs().max().item());
                    """);
            assertEquals("true 0\n", output());
            assertTrue(Files.size(work.resolve("model.json")) > 0);
        }
    }

    @Test
    void itsSignaturesTakeShapesAsArraysAndPositionalFlags() {
        try (TorchglotContext context = context()) {
            assertEquals("[16] int64 true false [8,4,5] true [2] 1 1,2 0.25,0.25", context.eval(Language.JS, """
                    const { torch } = require('js-pytorch');
                    const r = torch.randint(0, 10, [16]);
                    const n = torch.randn([8, 4, 5], true);
                    const s = torch.tensor([[1, 2], [3, 4]]).sum();
                    const loss = new torch.nn.MSELoss().forward(torch.ones([2, 2]), torch.zeros([2, 2]));
                    [JSON.stringify(r.shape), r.dtype.name, r.data.every((v) => v >= 0 && v < 10),
                     torch.tensor([1, 2], false, 'gpu').requires_grad, JSON.stringify(n.shape), n.requires_grad,
                     JSON.stringify(s.shape), loss.data.length, torch.tensor([1, 2]).data,
                     torch.tensor([[1, 2], [3, 4]]).variance().data].join(' ')
                    """).asString());
        }
    }

    @Test
    void itsTransformerLayersSayWhatIsMissing() {
        try (TorchglotContext context = context()) {
            PolyglotException error = assertThrows(PolyglotException.class, () -> context.eval(Language.JS,
                    "const { torch } = require('js-pytorch'); new torch.nn.Block(32, 32, 4, 16, 0, 'cpu');"));
            assertTrue(error.getMessage().startsWith("Error: js-pytorch's nn.Block (a transformer decoder block) is not available"
                    + " in torchglot. require('js-pytorch') covers tensors, autograd, nn.Module, Linear"), error.getMessage());
            PolyglotException device = assertThrows(PolyglotException.class, () -> context.eval(Language.JS,
                    "torch.zeros([2], false, 'tpu')"));
            assertEquals("RangeError: device must be 'cpu' or 'gpu', not \"tpu\"", device.getMessage());
        }
    }

    @Test
    void anEcmaScriptModuleImportsIt() throws IOException {
        Path module = Files.writeString(work.resolve("imports.mjs"), """
                import { torch } from 'js-pytorch';
                const t = torch.ones([2, 2], true);
                t.sum().backward();
                console.log(t.grad);
                """);
        try (TorchglotContext context = context()) {
            context.evalFile(module);
            assertEquals("[ [ 1, 1 ], [ 1, 1 ] ]\n", output());
        }
    }

    private Path copy(String name) throws IOException {
        try (InputStream in = JsPytorchTest.class.getResourceAsStream("/js-pytorch/" + name)) {
            Path target = work.resolve(name);
            Files.write(target, in.readAllBytes());
            return target;
        }
    }
}
