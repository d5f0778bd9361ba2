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
import org.torchglot.engine.tensor.Tensor;

/**
 * Pointwise float32 ops without autograd: {@code a + b} on 2x2 tensors measures what one op costs
 * beyond its arithmetic; the 1,000,000-element ones measure the kernels.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// The BLAS is an FFM downcall; JMH 1.37 still reads sun.misc.Unsafe, which JDK 25 warns about.
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class ElementwiseBenchmark {
    private Tensor smallA;
    private Tensor smallB;
    private Tensor a;
    private Tensor b;

    @Setup(Level.Trial)
    public void setUp() {
        Torch.manualSeed(0);
        smallA = Torch.randn(2, 2);
        smallB = Torch.randn(2, 2);
        a = Torch.randn(1000, 1000);
        b = Torch.randn(1000, 1000);
    }

    @Benchmark
    public Tensor addSmall() {
        return smallA.add(smallB);
    }

    @Benchmark
    public Tensor add() {
        return a.add(b);
    }

    @Benchmark
    public Tensor mul() {
        return a.mul(b);
    }

    @Benchmark
    public Tensor relu() {
        return a.relu();
    }

    @Benchmark
    public Tensor sigmoid() {
        return a.sigmoid();
    }
}
