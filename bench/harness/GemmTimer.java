import java.util.Arrays;
import java.util.SplittableRandom;
import org.torchglot.engine.kernels.Gemm;

/**
 * A timing harness for {@code Gemm.multiply} where JMH cannot be built (offline): for each shape, a third of the
 * budget to warm up, then up to 300 timed calls within {@code -DbudgetMs} (3000), printing min and median time and
 * GFLOP/s. The kernel is whatever the JVM's flags pick ({@code -Dtorchglot.blas}, {@code -Dtorchglot.gemm.java}):
 * one JVM per kernel.
 *
 * <p>Arguments: {@code f32|f64}, then shapes {@code n x k x m[:aT][:bT]}, e.g. {@code 64x1000x100:bT}
 * (nn.Linear's forward: the weight transposed). Commands in docs/performance.md.
 */
public final class GemmTimer {
    public static void main(String[] args) {
        boolean f32 = args[0].equals("f32");
        String kernel = System.getProperty("torchglot.gemm.java", "auto");
        System.out.println("# " + Gemm.blasDescription() + ", kernel " + kernel + ", " + args[0]);
        for (String shape : Arrays.copyOfRange(args, 1, args.length)) {
            time(shape, f32);
        }
    }

    private static void time(String spec, boolean f32) {
        String[] parts = spec.split(":");
        String[] dims = parts[0].split("x");
        int n = Integer.parseInt(dims[0]);
        int k = Integer.parseInt(dims[1]);
        int m = Integer.parseInt(dims[2]);
        boolean at = spec.contains(":aT");
        boolean bt = spec.contains(":bT");
        SplittableRandom random = new SplittableRandom(42);
        double flops = 2.0 * n * k * m;
        long budget = Long.getLong("budgetMs", 3000) * 1_000_000L;
        // NOTE: warm up for a third of the budget, not a count: C2 needs thousands of calls of a small product.
        long warmUntil = System.nanoTime() + budget / 3;
        long[] times = new long[300];
        int calls = 0;
        if (f32) {
            float[] a = floats(random, n * k);
            float[] b = floats(random, k * m);
            float[] c = new float[n * m];
            for (int i = 0; i < 3 || System.nanoTime() < warmUntil; i++) {
                Gemm.multiply(a, 0, at ? n : k, at, b, 0, bt ? k : m, bt, c, 0, n, k, m);
            }
            long start = System.nanoTime();
            while (calls < times.length && System.nanoTime() - start < budget) {
                long t = System.nanoTime();
                Gemm.multiply(a, 0, at ? n : k, at, b, 0, bt ? k : m, bt, c, 0, n, k, m);
                times[calls++] = System.nanoTime() - t;
            }
        } else {
            double[] a = doubles(random, n * k);
            double[] b = doubles(random, k * m);
            double[] c = new double[n * m];
            for (int i = 0; i < 3 || System.nanoTime() < warmUntil; i++) {
                Gemm.multiply(a, 0, at ? n : k, at, b, 0, bt ? k : m, bt, c, 0, n, k, m);
            }
            long start = System.nanoTime();
            while (calls < times.length && System.nanoTime() - start < budget) {
                long t = System.nanoTime();
                Gemm.multiply(a, 0, at ? n : k, at, b, 0, bt ? k : m, bt, c, 0, n, k, m);
                times[calls++] = System.nanoTime() - t;
            }
        }
        long[] sorted = Arrays.copyOf(times, calls);
        Arrays.sort(sorted);
        double min = sorted[0] / 1e6;
        double median = sorted[calls / 2] / 1e6;
        System.out.printf("%-22s min %9.3f ms  median %9.3f ms  %6.1f GFLOP/s (min)  %d calls%n", spec, min, median,
                flops / sorted[0], calls);
    }

    private static float[] floats(SplittableRandom random, int length) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) random.nextDouble(-1, 1);
        }
        return x;
    }

    private static double[] doubles(SplittableRandom random, int length) {
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = random.nextDouble(-1, 1);
        }
        return x;
    }
}
