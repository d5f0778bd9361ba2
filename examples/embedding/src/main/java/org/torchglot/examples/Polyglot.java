package org.torchglot.examples;

import java.time.Duration;
import org.torchglot.bindings.Language;
import org.torchglot.bindings.ScriptTimeoutException;
import org.torchglot.bindings.TorchglotContext;
import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.MSELoss;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.optim.SGD;
import org.torchglot.engine.tensor.Tensor;

/** A model defined in Python, trained from Java and then from JavaScript, in one context. */
public final class Polyglot {
    public static void main(String[] args) {
        try (TorchglotContext context = TorchglotContext.builder()
                .languages(Language.PYTHON, Language.JS)
                .build()) {
            context.eval(Language.PYTHON, """
                    import torch
                    from torch import nn

                    torch.manual_seed(0)

                    class Net(nn.Module):
                        def __init__(self):
                            super().__init__()
                            self.fc = nn.Linear(2, 1)

                        def forward(self, x):
                            return self.fc(x)

                    net = Net()
                    """);

            // Java: the engine module behind the Python object; calling it runs Python's forward.
            Module net = context.getModule(Language.PYTHON, "net");
            Tensor x = Torch.tensor(new double[][] {{1, 2}, {3, 4}, {5, 6}});
            Tensor y = Torch.tensor(new double[][] {{5}, {11}, {17}});
            SGD optimizer = new SGD(net.parameters(), 0.01);
            MSELoss mse = new MSELoss();
            for (int step = 0; step < 100; step++) {
                optimizer.zeroGrad();
                Tensor loss = mse.call(net.call(x), y);
                loss.backward();
                optimizer.step();
            }
            System.out.printf("after Java: loss %.4f%n", mse.call(net.call(x), y).item());

            // JavaScript: the same module and data, as torch.nn.Module and torch.Tensor.
            context.put("net", net);
            context.put("x", x);
            context.put("y", y);
            double jsLoss = context.eval(Language.JS, """
                    const torch = require('torch');
                    const opt = new torch.optim.SGD(net.parameters(), { lr: 0.01 });
                    let loss;
                    for (let step = 0; step < 100; step++) {
                      opt.zero_grad();
                      loss = torch.nn.functional.mse_loss(net(x), y);
                      loss.backward();
                      opt.step();
                    }
                    loss.item();
                    """).asDouble();
            System.out.printf("after JavaScript: loss %.4f%n", jsLoss);

            // Python sees the weights both trained.
            context.eval(Language.PYTHON, "w = net.fc.weight.detach()");
            System.out.println("weight seen by Python: " + context.getTensor(Language.PYTHON, "w"));
        }

        // A stricter profile for untrusted scripts: no files, 2 s per evaluation, 64 MB tensors.
        try (TorchglotContext sandbox = TorchglotContext.builder()
                .languages(Language.JS)
                .strict(Duration.ofSeconds(2), 64L << 20)
                .build()) {
            sandbox.eval(Language.JS, "while (true) {}");
        } catch (ScriptTimeoutException e) {
            System.out.println("refused: " + e.getMessage());
        }
    }
}
