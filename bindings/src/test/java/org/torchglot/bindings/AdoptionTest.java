package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.tensor.Tensor;

/**
 * Tensors and modules cross between Python, JavaScript and R as each language's own torch objects
 * around the same engine object ({@link TorchglotContext#adopt}, {@link TorchglotContext#put}).
 */
class AdoptionTest {

    @Test
    void aModelBuiltInRTrainsInPythonAndJavaScriptSeesTheSameWeights() {
        try (TorchglotContext context = TorchglotContext.builder()
                .languages(Language.PYTHON, Language.JS, Language.R)
                .out(new ByteArrayOutputStream()).build()) {
            context.eval(Language.R, "library(torch); torch_manual_seed(1); model <- nn_linear(2, 1); w0 <- as_array(model$weight)");
            Value rModel = context.eval(Language.R, "model");
            Value pyModel = context.adopt(Language.PYTHON, rModel);
            context.bindings(Language.PYTHON).putMember("model", pyModel);
            context.eval(Language.PYTHON, """
                    import torch
                    x = torch.tensor([[1., 2.], [3., 4.]])
                    opt = torch.optim.SGD(model.parameters(), lr=0.1)
                    for _ in range(5):
                        opt.zero_grad(); model(x).sum().backward(); opt.step()
                    is_module = isinstance(model, torch.nn.Module)
                    """);
            assertTrue(context.eval(Language.PYTHON, "is_module").asBoolean());
            Module engine = context.get(Language.PYTHON, "model", Module.class);
            Value jsModel = context.adopt(Language.JS, pyModel);
            assertSame(engine, GuestValues.unwrap(jsModel, Module.class, "the JavaScript model"));
            double rWeight = context.eval(Language.R, "as_array(model$weight)[1, 1]").asDouble();
            double w0 = context.eval(Language.R, "w0[1, 1]").asDouble();
            assertEquals(engine.parameters().getFirst().toDoubleArray()[0], rWeight, 0.0, "R sees Python's training");
            assertTrue(Math.abs(rWeight - w0) > 0.1, "trained: " + w0 + " -> " + rWeight);
            assertEquals(1, context.eval(Language.R, "sum(class(model) == 'nn_module')").asInt());
        }
    }

    @Test
    void aJavaTensorPutIntoTheContextIsAnRTensorToo() {
        try (TorchglotContext context = TorchglotContext.builder()
                .languages(Language.PYTHON, Language.R)
                .out(new ByteArrayOutputStream()).build()) {
            Tensor t = Torch.tensor(1, 2, 3);
            context.put("t", t);
            assertEquals(6, context.eval(Language.R, "torch_sum(t)$item()").asInt());
            context.eval(Language.R, "invisible(t$mul_(2))");
            assertArrayEquals(new double[] {2, 4, 6}, t.toDoubleArray());
            Value inPython = context.adopt(Language.PYTHON, context.eval(Language.R, "t"));
            context.bindings(Language.PYTHON).putMember("rt", inPython);
            assertEquals("tensor([3., 5., 7.])", context.eval(Language.PYTHON, "import torch\nrepr(torch.ones(3) + rt)").asString());
        }
    }
}
