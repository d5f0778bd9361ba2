package org.torchglot.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.torchglot.engine.kernels.Gemm;

/**
 * float32 {@code c[n x m] = a[n x k] @ b[k x m]} through {@link Gemm#multiply}, on OpenBLAS
 * ({@code native}) and on the Java loops ({@code java}).
 *
 * <p>One op is {@code 2·n·k·m} flops (a multiply and an add per term), so GFLOP/s = ops/s × that / 1e9:
 * <pre>
 *   64x1000x100      12.8 MFLOP/op
 *   32x128x128        1.05 MFLOP/op
 *   128x784x512     102.8 MFLOP/op
 *   1024x1024x1024 2147.5 MFLOP/op
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// The BLAS is an FFM downcall; JMH 1.37 still reads sun.misc.Unsafe, which JDK 25 warns about.
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
public class GemmBenchmark {
    /** {@code n x k x m}: the two-layer net's first layer, a 128-wide hidden layer, MNIST's first layer, a cube. */
    @Param({"64x1000x100", "32x128x128", "128x784x512", "1024x1024x1024"})
    public String shape;

    @Param({"native", "java"})
    public String backend;

    private float[] a;
    private float[] b;
    private float[] c;
    private int n;
    private int k;
    private int m;

    @Setup(Level.Trial)
    public void setUp() {
        // NOTE: NativeBlas reads torchglot.blas once, when its class initialises, so the backend is picked
        // here, before the first product. That works because JMH forks a fresh JVM per parameter set.
        if (backend.equals("java")) {
            System.setProperty("torchglot.blas", "java");
        }
        boolean wantNative = backend.equals("native");
        if (Gemm.nativeBlasAvailable() != wantNative) {
            throw new IllegalStateException(wantNative
                    ? "no native BLAS: " + Gemm.blasDescription()
                    : "the BLAS was loaded before this trial; run with forks (-f 1), not -f 0");
        }
        String[] dims = shape.split("x");
        n = Integer.parseInt(dims[0]);
        k = Integer.parseInt(dims[1]);
        m = Integer.parseInt(dims[2]);
        SplittableRandom random = new SplittableRandom(42);
        a = randomFloats(random, n * k);
        b = randomFloats(random, k * m);
        c = new float[n * m];
    }

    private static float[] randomFloats(SplittableRandom random, int length) {
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }

    @Benchmark
    public float[] multiply() {
        Gemm.multiply(a, 0, b, 0, false, c, 0, n, k, m);
        return c;
    }
}
