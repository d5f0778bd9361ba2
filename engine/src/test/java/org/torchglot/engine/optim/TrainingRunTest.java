package org.torchglot.engine.optim;

import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.BCELoss;
import org.torchglot.engine.nn.Fixtures;
import org.torchglot.engine.nn.Linear;
import org.torchglot.engine.nn.MSELoss;
import org.torchglot.engine.nn.ReLU;
import org.torchglot.engine.nn.Sequential;
import org.torchglot.engine.nn.Sigmoid;
import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.tensor.Tensor;

/** Whole seeded training runs written in Java reproduce PyTorch's loss curves. */
class TrainingRunTest {
    private static final Fixtures F = Fixtures.load("fixtures/training/training.txt");

    @Test
    void twoLayerNetWithSgd() {
        Torch.manualSeed(123);
        Tensor x = Torch.randn(64, 1000);
        Tensor y = Torch.randn(64, 10);
        Torch.manualSeed(123);
        Sequential model = new Sequential(new Linear(1000, 100), new ReLU(), new Linear(100, 10));
        MSELoss lossFn = new MSELoss();
        SGD opt = new SGD(model.parameters(), 1e-4);
        double[] losses = new double[5];
        for (int t = 0; t < 500; t++) {
            Tensor loss = lossFn.call(model.call(x), y);
            if (t % 100 == 99) {
                losses[t / 100] = loss.item();
            }
            opt.zeroGrad();
            loss.backward();
            opt.step();
        }
        Fixtures.assertClose("two_layer.losses", F.doubles("two_layer.losses"), losses, 1e-5, 0);
    }

    @Test
    void xorWithBceAndSgd() {
        Torch.manualSeed(123);
        Tensor x = Torch.tensor(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Tensor y = Torch.tensor(new double[][] {{0}, {1}, {1}, {0}});
        Sequential model = new Sequential(new Linear(2, 2), new Sigmoid(), new Linear(2, 1), new Sigmoid());
        BCELoss lossFn = new BCELoss();
        SGD opt = new SGD(model.parameters(), 1.0);
        double[] losses = new double[11];
        for (int t = 0; t <= 10000; t++) {
            Tensor loss = lossFn.call(model.call(x), y);
            if (t % 1000 == 0) {
                losses[t / 1000] = loss.item();
            }
            opt.zeroGrad();
            loss.backward();
            opt.step();
        }
        Fixtures.assertClose("xor.losses", F.doubles("xor.losses"), losses, 1e-4, 0);
        F.assertClose("xor.prediction", model.call(x), 1e-3, 1e-5);
    }

    @Test
    void adamOnASmallRegression() {
        Torch.manualSeed(123);
        Tensor x = Torch.randn(100, 3);
        Tensor noise = Torch.randn(100, 1);
        Tensor y = x.matmul(Torch.tensor(new double[][] {{1.5}, {-2.0}, {0.5}})).add(noise.mul(0.1)).add(0.3);
        Linear model = new Linear(3, 1);
        Adam opt = new Adam(model.parameters(), 0.05);
        double[] losses = new double[10];
        for (int t = 0; t < 200; t++) {
            Tensor loss = Functional.mseLoss(model.call(x), y);
            if (t % 20 == 0) {
                losses[t / 20] = loss.item();
            }
            opt.zeroGrad();
            loss.backward();
            opt.step();
        }
        Fixtures.assertClose("adam.losses", F.doubles("adam.losses"), losses, 1e-4, 0);
        F.assertClose("adam.weight", model.weight(), 1e-4, 1e-6);
    }
}
