package org.torchglot.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.BCELoss;
import org.torchglot.engine.nn.CrossEntropyLoss;
import org.torchglot.engine.nn.Linear;
import org.torchglot.engine.nn.Loss;
import org.torchglot.engine.nn.MSELoss;
import org.torchglot.engine.nn.ReLU;
import org.torchglot.engine.nn.Sequential;
import org.torchglot.engine.nn.Sigmoid;
import org.torchglot.engine.optim.Adam;
import org.torchglot.engine.optim.Optimizer;
import org.torchglot.engine.optim.SGD;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;

/**
 * One training step ({@code zero_grad}, forward, loss, backward, {@code step}) of the models in
 * {@code bench/loops/}, so a time here compares with the per-step time of those PyTorch scripts.
 * The parameters keep training from one invocation to the next, as in a loop.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// The BLAS is an FFM downcall; JMH 1.37 still reads sun.misc.Unsafe, which JDK 25 warns about.
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class TrainingStepBenchmark {

    /** A model, its data, loss and optimizer. */
    public abstract static class Model {
        Sequential model;
        Tensor input;
        Tensor target;
        Loss criterion;
        Optimizer optimizer;

        Tensor step() {
            optimizer.zeroGrad();
            Tensor loss = criterion.call(model.call(input), target);
            loss.backward();
            optimizer.step();
            return loss;
        }
    }

    /** XOR: 2-2-1 with sigmoids, BCE, SGD lr=1, the four points as one batch. */
    @State(Scope.Thread)
    public static class XorMlp extends Model {
        @Setup(Level.Trial)
        public void setUp() {
            Torch.manualSeed(777);
            input = Torch.tensor(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
            target = Torch.tensor(new double[][] {{0}, {1}, {1}, {0}});
            model = new Sequential(new Linear(2, 2), new Sigmoid(), new Linear(2, 1), new Sigmoid());
            criterion = new BCELoss();
            optimizer = new SGD(model.parameters(), 1);
        }
    }

    /** The two-layer net: 1000-100-10 with relu, batch 64, MSE, SGD lr=1e-4. */
    @State(Scope.Thread)
    public static class TwoLayerNet extends Model {
        @Setup(Level.Trial)
        public void setUp() {
            Torch.manualSeed(123);
            input = Torch.randn(64, 1000);
            target = Torch.randn(64, 10);
            model = new Sequential(new Linear(1000, 100), new ReLU(), new Linear(100, 10));
            criterion = new MSELoss();
            optimizer = new SGD(model.parameters(), 1e-4);
        }
    }

    /** An MNIST-sized MLP: 784-512-256-10 with relu, batch 128, cross-entropy, Adam lr=1e-3. */
    @State(Scope.Thread)
    public static class Mlp784 extends Model {
        @Setup(Level.Trial)
        public void setUp() {
            Torch.manualSeed(0);
            input = Torch.randn(128, 784);
            target = Torch.randint(0, 10, new int[] {128}, DType.INT64, null);
            model = new Sequential(new Linear(784, 512), new ReLU(), new Linear(512, 256), new ReLU(),
                    new Linear(256, 10));
            criterion = new CrossEntropyLoss();
            optimizer = new Adam(model.parameters(), 1e-3);
        }
    }

    @Benchmark
    public Tensor xorMlp(XorMlp state) {
        return state.step();
    }

    @Benchmark
    public Tensor twoLayerNet(TwoLayerNet state) {
        return state.step();
    }

    @Benchmark
    public Tensor mlp784(Mlp784 state) {
        return state.step();
    }
}
