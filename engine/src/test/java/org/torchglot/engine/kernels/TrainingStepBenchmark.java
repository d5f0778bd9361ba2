package org.torchglot.engine.kernels;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.Linear;
import org.torchglot.engine.nn.MSELoss;
import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.optim.Adam;
import org.torchglot.engine.optim.Optimizer;
import org.torchglot.engine.optim.SGD;
import org.torchglot.engine.tensor.Tensor;

/**
 * Times the phases of a two-layer training step and a few kernels, by hand (not a test: no
 * assertions on time). Run from {@code engine/} after {@code mvn -o -q install -pl engine -DskipTests}:
 * <pre>
 * java --enable-native-access=ALL-UNNAMED [-XX:TieredStopAtLevel=1] \
 *     -cp target/classes:target/test-classes org.torchglot.engine.kernels.TrainingStepBenchmark
 * </pre>
 */
public final class TrainingStepBenchmark {
    private static final int WARMUP = 300;
    private static final int STEPS = 1000;

    private TrainingStepBenchmark() {
    }

    /** Arguments pick sections: {@code train}, {@code gemm}, {@code pointwise} (all when none). */
    public static void main(String[] args) {
        List<String> sections = args.length == 0 ? List.of("train", "gemm", "pointwise") : List.of(args);
        if (sections.contains("train")) {
            trainingStep("SGD", params -> new SGD(params, 1e-4));
            trainingStep("Adam", params -> new Adam(params, 1e-4));
        }
        if (sections.contains("gemm")) {
            gemm();
        }
        if (sections.contains("pointwise")) {
            pointwise();
        }
    }

    private static void gemm() {
        Torch.manualSeed(1);
        Tensor a = Torch.randn(64, 1000);
        Tensor b = Torch.randn(64, 100);
        Tensor w = Torch.randn(100, 1000);
        Tensor g = Torch.randn(64, 10);
        Tensor w2 = Torch.randn(10, 100);
        report("a.t() @ b   [1000x64 @ 64x100]", time(() -> a.t().mm(b)));
        report("b @ w       [64x100 @ 100x1000]", time(() -> b.mm(w)));
        report("a @ w.t()   [64x1000 @ 1000x100]", time(() -> a.mm(w.t())));
        report("g @ w2      [64x10 @ 10x100]", time(() -> g.mm(w2)));
        report("g.t() @ b   [10x64 @ 64x100]", time(() -> g.t().mm(b)));
    }

    private static void pointwise() {
        Tensor x = Torch.randn(1000, 1000);
        Tensor y = Torch.randn(1000, 1000);
        report("relu 1M", time(x::relu));
        report("add 1M", time(() -> x.add(y)));
        report("mul 1M", time(() -> x.mul(y)));
        report("sub 1M", time(() -> x.sub(y)));
        report("mul scalar 1M", time(() -> x.mul(0.5)));
        report("sigmoid 1M", time(x::sigmoid));
        report("gt 0 1M", time(() -> x.gt(Tensor.scalar(0L))));
        report("mse_loss 1M", time(() -> Functional.mseLoss(x, y)));
    }

    private interface OptimizerFactory {
        Optimizer make(List<?> params);
    }

    private static void trainingStep(String name, OptimizerFactory factory) {
        Torch.manualSeed(123);
        Tensor x = Torch.randn(64, 1000);
        Tensor y = Torch.randn(64, 10);
        Linear lin1 = new Linear(1000, 100);
        Linear lin2 = new Linear(100, 10);
        List<Tensor> params = List.of(lin1.weight(), lin1.bias(), lin2.weight(), lin2.bias());
        MSELoss lossFn = new MSELoss();
        Optimizer opt = factory.make(params);
        long[][] samples = new long[7][STEPS];
        for (int t = 0; t < WARMUP + STEPS; t++) {
            long t0 = System.nanoTime();
            Tensor h = lin1.forward(x);
            long t1 = System.nanoTime();
            Tensor r = h.relu();
            long t2 = System.nanoTime();
            Tensor out = lin2.forward(r);
            long t3 = System.nanoTime();
            Tensor loss = lossFn.call(out, y);
            long t4 = System.nanoTime();
            opt.zeroGrad();
            long t5 = System.nanoTime();
            loss.backward();
            long t6 = System.nanoTime();
            opt.step();
            long t7 = System.nanoTime();
            if (t >= WARMUP) {
                long[] marks = {t0, t1, t2, t3, t4, t5, t6, t7};
                for (int i = 0; i < samples.length; i++) {
                    samples[i][t - WARMUP] = marks[i + 1] - marks[i];
                }
            }
        }
        String[] phases = {"forward lin1", "relu", "forward lin2", "mse_loss", "zero_grad", "backward", "step"};
        // Medians: the machine is shared, and a GC pause or a neighbour should not move the numbers.
        for (int i = 0; i < phases.length; i++) {
            java.util.Arrays.sort(samples[i]);
            report(name + " " + phases[i], samples[i][STEPS / 2]);
        }
    }

    private static double time(Supplier<Tensor> op) {
        op.get();
        long once = System.nanoTime();
        op.get();
        // About two seconds per op, whatever its size.
        long each = Math.max(1, System.nanoTime() - once);
        int steps = (int) Math.max(20, Math.min(STEPS, 1_000_000_000L / each));
        for (int i = 0; i < steps; i++) {
            op.get();
        }
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            op.get();
        }
        return (System.nanoTime() - start) / (double) steps;
    }

    private static void report(String what, double nanos) {
        System.out.println(String.format(Locale.ROOT, "%-36s %9.3f ms", what, nanos / 1e6));
    }
}
