package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.torchglot.bindings.PolyglotFixture.CONTEXT;

import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.Linear;
import org.torchglot.engine.nn.MSELoss;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.optim.Optimizer;
import org.torchglot.engine.optim.SGD;
import org.torchglot.engine.tensor.Tensor;

/** The embedding API: Java tensors and modules in and out of Python and JavaScript scripts. */
class EmbeddingTest {

    private static final Tensor X = Torch.tensor(new double[][] {{1, 2}, {3, 4}, {5, 6}});
    private static final Tensor Y = Torch.tensor(new double[][] {{5}, {11}, {17}});

    @Test
    void aJavaTensorIsATorchTensorInPythonAndJavaScriptWithoutACopy() {
        Tensor t = Torch.tensor(1, 2, 3);
        CONTEXT.put("shared_t", t);
        assertEquals("True 6.0", CONTEXT.eval(Language.PYTHON,
                "import torch\nf'{isinstance(shared_t, torch.Tensor)} {shared_t.sum().item()}'").asString());
        assertEquals("true 6", CONTEXT.eval(Language.JS,
                "`${shared_t instanceof require('torch').Tensor} ${shared_t.sum().item()}`").asString());
        CONTEXT.eval(Language.PYTHON, "shared_t.mul_(2)");
        assertArrayEquals(new double[] {2, 4, 6}, t.toDoubleArray());
        assertSame(t, CONTEXT.getTensor(Language.PYTHON, "shared_t"));
        assertSame(t, CONTEXT.getTensor(Language.JS, "shared_t"));
    }

    @Test
    void tensorsMadeByScriptsComeBackAsEngineTensors() {
        CONTEXT.eval(Language.PYTHON, "import torch\nmade_in_python = torch.arange(4.0).reshape(2, 2)");
        CONTEXT.eval(Language.JS, "var madeInJs = require('torch').ones(3)");
        assertArrayEquals(new int[] {2, 2}, CONTEXT.getTensor(Language.PYTHON, "made_in_python").shape());
        assertArrayEquals(new double[] {1, 1, 1}, CONTEXT.getTensor(Language.JS, "madeInJs").toDoubleArray());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> CONTEXT.getTensor(Language.PYTHON, "no_such_variable"));
        assertEquals("python variable 'no_such_variable' is not defined", missing.getMessage());
        CONTEXT.eval(Language.PYTHON, "not_a_tensor = 'text'");
        assertThrows(IllegalArgumentException.class, () -> CONTEXT.getTensor(Language.PYTHON, "not_a_tensor"));
    }

    /**
     * A model defined in Python and trained from Java ends with the weights of the same model
     * (same seed, so same initial weights) defined and trained in Java alone.
     */
    @Test
    void javaTrainsAModelDefinedInPython() {
        CONTEXT.eval(Language.PYTHON, """
                import torch
                from torch import nn
                torch.manual_seed(7)
                class Regressor(nn.Module):
                    def __init__(self):
                        super().__init__()
                        self.fc = nn.Linear(2, 1)
                    def forward(self, x):
                        return self.fc(x)
                regressor = Regressor()
                """);
        Module python = CONTEXT.getModule(Language.PYTHON, "regressor");
        double pythonLoss = train(python, 50);

        Torch.manualSeed(7);
        Linear java = new Linear(2, 1);
        double javaLoss = train(java, 50);

        assertEquals(javaLoss, pythonLoss);
        assertArrayEquals(java.weight().toDoubleArray(), python.parameters().get(0).toDoubleArray());
        assertEquals(java.weight().toDoubleArray()[0],
                CONTEXT.eval(Language.PYTHON, "regressor.fc.weight[0, 0].item()").asDouble(), 1e-7);
    }

    /** JavaScript trains the Python model Java handed it; Python sees the trained weights. */
    @Test
    void javaScriptTrainsAModelDefinedInPython() {
        CONTEXT.eval(Language.PYTHON, """
                import torch
                from torch import nn
                torch.manual_seed(3)
                shared_model = nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1))
                class Wrapper(nn.Module):
                    def __init__(self):
                        super().__init__()
                        self.body = shared_model
                    def forward(self, x):
                        return self.body(x)
                wrapper = Wrapper()
                before = torch.nn.functional.mse_loss(wrapper(torch.tensor([[1., 2.], [3., 4.], [5., 6.]])),
                                                      torch.tensor([[5.], [11.], [17.]])).item()
                """);
        CONTEXT.put("model", CONTEXT.getModule(Language.PYTHON, "wrapper"));
        CONTEXT.put("xs", X);
        CONTEXT.put("ys", Y);
        double jsLoss = CONTEXT.eval(Language.JS, """
                (() => {
                  const torch = require('torch');
                  const opt = new torch.optim.SGD(model.parameters(), { lr: 0.01 });
                  let loss;
                  for (let i = 0; i < 30; i++) {
                    opt.zero_grad();
                    loss = torch.nn.functional.mse_loss(model(xs), ys);
                    loss.backward();
                    opt.step();
                  }
                  return loss.item();
                })()
                """).asDouble();
        double before = CONTEXT.eval(Language.PYTHON, "before").asDouble();
        double after = CONTEXT.eval(Language.PYTHON, "torch.nn.functional.mse_loss(wrapper(xs), ys).item()").asDouble();
        assertTrue(after < jsLoss && jsLoss < before, before + " > " + jsLoss + " > " + after);
    }

    private static double train(Module model, int steps) {
        Optimizer optimizer = new SGD(model.parameters(), 0.01);
        MSELoss mse = new MSELoss();
        double last = Double.NaN;
        for (int i = 0; i < steps; i++) {
            optimizer.zeroGrad();
            Tensor loss = mse.call(model.call(X), Y);
            loss.backward();
            optimizer.step();
            last = loss.item();
        }
        return last;
    }
}
