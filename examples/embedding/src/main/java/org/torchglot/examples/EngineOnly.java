package org.torchglot.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.torchglot.engine.Torch;
import org.torchglot.engine.io.TorchIO;
import org.torchglot.engine.nn.Linear;
import org.torchglot.engine.nn.MSELoss;
import org.torchglot.engine.nn.ReLU;
import org.torchglot.engine.nn.Sequential;
import org.torchglot.engine.optim.Adam;
import org.torchglot.engine.tensor.Tensor;

/** Builds, trains and saves a model with the engine alone: no GraalVM, no scripts. */
public final class EngineOnly {
    public static void main(String[] args) throws Exception {
        Torch.manualSeed(0);
        // y = x1 + 2 * x2, learned by a small MLP.
        Tensor x = Torch.rand(64, 2);
        Tensor y = x.matmul(Torch.tensor(new double[][] {{1}, {2}}));

        Sequential model = new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 1));
        Adam optimizer = new Adam(model.parameters(), 0.05);
        MSELoss mse = new MSELoss();
        double first = 0;
        double last = 0;
        for (int epoch = 0; epoch < 200; epoch++) {
            optimizer.zeroGrad();
            Tensor loss = mse.call(model.call(x), y);
            loss.backward();
            optimizer.step();
            last = loss.item();
            if (epoch == 0) {
                first = last;
            }
        }
        System.out.printf("loss %.4f -> %.4f%n", first, last);

        // The file is PyTorch's own format: torch.load("model.pt") reads it in Python.
        Path file = Files.createTempDirectory("torchglot-example").resolve("model.pt");
        TorchIO.save(model.stateDict(), file);
        @SuppressWarnings("unchecked")
        Map<String, Tensor> loaded = (Map<String, Tensor>) TorchIO.load(file);
        boolean same = loaded.keySet().equals(model.stateDict().keySet()) && model.stateDict().entrySet().stream()
                .allMatch(e -> Arrays.equals(e.getValue().toDoubleArray(), loaded.get(e.getKey()).toDoubleArray()));
        System.out.println("saved " + loaded.keySet() + ", reloaded identical: " + same);
    }
}
