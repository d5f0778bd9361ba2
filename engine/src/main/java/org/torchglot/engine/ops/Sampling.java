package org.torchglot.engine.ops;

import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.MemoryLimit;
import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * Random tensors and in-place samplers over a {@link Generator}. A contiguous tensor is filled in
 * place, so the stream matches libtorch's; other layouts are filled through a contiguous buffer.
 */
public final class Sampling {
    private Sampling() {
    }

    private static Generator orDefault(Generator g) {
        return g != null ? g : Generator.getDefault();
    }

    private static void checkFloat(Tensor t, String op) {
        if (!t.isFloatingPoint()) {
            throw TorchException.runtime("\"" + op + "\" not implemented for '" + t.dtype().scalarTypeName() + "'");
        }
    }

    /** {@code uniform_(from, to)}. */
    public static Tensor uniform(Tensor t, double from, double to, Generator generator) {
        checkFloat(t, "uniform_cpu_");
        t.checkInPlace();
        Generator g = orDefault(generator);
        Tensor target = t.isContiguous() ? t : Tensor.zeros(t.shapeRef(), t.dtype());
        Storage s = target.storage();
        if (t.dtype() == DType.FLOAT32) {
            g.uniform(s.f, target.storageOffset(), target.numel(), from, to);
        } else {
            g.uniform(s.d, target.storageOffset(), target.numel(), from, to);
        }
        if (target != t) {
            Pointwise.copyData(t, target);
        }
        return t;
    }

    /** {@code normal_(mean, std)}: libtorch fills non-contiguous tensors serially. */
    public static Tensor normal(Tensor t, double mean, double std, Generator generator) {
        checkFloat(t, "normal_kernel_cpu");
        if (std < 0) {
            throw TorchException.runtime("normal expects std >= 0.0, but found std " + std);
        }
        t.checkInPlace();
        Generator g = orDefault(generator);
        boolean contiguous = t.isContiguous();
        Tensor target = contiguous ? t : Tensor.zeros(t.shapeRef(), t.dtype());
        Storage s = target.storage();
        int off = target.storageOffset();
        int n = target.numel();
        if (t.dtype() == DType.FLOAT32) {
            if (contiguous) {
                g.normal(s.f, off, n, mean, std);
            } else {
                g.normalSerial(s.f, off, n, mean, std);
            }
        } else if (contiguous) {
            g.normal(s.d, off, n, mean, std);
        } else {
            g.normalSerial(s.d, off, n, mean, std);
        }
        if (target != t) {
            Pointwise.copyData(t, target);
        }
        return t;
    }

    public static Tensor rand(int[] shape, DType dtype, Generator g) {
        return uniform(Tensor.zeros(shape, dtype), 0, 1, g);
    }

    public static Tensor randn(int[] shape, DType dtype, Generator g) {
        return normal(Tensor.zeros(shape, dtype), 0, 1, g);
    }

    /** Integers in [low, high), stored as {@code dtype} (int64 by default in PyTorch). */
    public static Tensor randint(long low, long high, int[] shape, DType dtype, Generator g) {
        if (low >= high) {
            throw TorchException.runtime("random_ expects 'from' to be less than 'to', but got from=" + low
                    + " >= to=" + high);
        }
        Tensor out = Tensor.zeros(shape, DType.INT64);
        orDefault(g).randint(low, high, out.storage().l);
        return out.to(dtype);
    }

    public static Tensor randperm(int n, DType dtype, Generator g) {
        if (n < 0) {
            throw TorchException.runtime("n must be non-negative, got" + n);
        }
        MemoryLimit.check(DType.INT64, n);  // NOTE: the permutation is built in a plain array, out of the guard's sight
        return Tensor.of(Storage.wrap(orDefault(g).randperm(n)), n).to(dtype);
    }

    /** {@code torch.bernoulli(probs)}: 1 with each element's probability. */
    public static Tensor bernoulli(Tensor probs, Generator g) {
        checkFloat(probs, "bernoulli_tensor_cpu_p_");
        Tensor p = probs.contiguousCopy();
        Tensor out = Tensor.zeros(p.shapeRef(), p.dtype());
        if (p.dtype() == DType.FLOAT32) {
            orDefault(g).bernoulli(p.storage().f, out.storage().f);
        } else {
            orDefault(g).bernoulli(p.storage().d, out.storage().d);
        }
        return out;
    }

    /** {@code bernoulli_(p)} on a new tensor of {@code shape}: dropout's keep mask. */
    public static Tensor bernoulli(int[] shape, double p, DType dtype, Generator g) {
        Tensor out = Tensor.zeros(shape, dtype);
        if (dtype == DType.FLOAT32) {
            orDefault(g).bernoulli(p, out.storage().f);
        } else {
            orDefault(g).bernoulli(p, out.storage().d);
        }
        return out;
    }

    /**
     * {@code torch.multinomial(input, num_samples, replacement)} by PyTorch 1.13's CPU algorithm, row by
     * row of a 1-D or 2-D input: with replacement, a binary search of each uniform draw in the
     * normalised cumulative weights; without, the {@code num_samples} largest
     * {@code weight / q} with {@code q ~ Exp(1)}, in the input's precision.
     */
    public static Tensor multinomial(Tensor input, int numSamples, boolean replacement, Generator generator) {
        if (input.dim() < 1 || input.dim() > 2) {
            throw TorchException.runtime("prob_dist must be 1 or 2 dim");
        }
        checkFloat(input, "multinomial");
        int categories = input.size(-1);
        if (numSamples <= 0) {
            throw TorchException.runtime("cannot sample n_sample <= 0 samples");
        }
        if (!replacement && numSamples > categories) {
            throw TorchException.runtime("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
        }
        boolean float32 = input.dtype() == DType.FLOAT32;
        Tensor rows = input.to(DType.FLOAT64).reshape(-1, categories).contiguousCopy();
        int n = rows.size(0);
        // NOTE: num_samples is the script's (with replacement, any int): the memory guard sees the result before it exists.
        int total = Shapes.numel(new int[] {n, numSamples});
        MemoryLimit.check(DType.INT64, total);
        long[] out = new long[total];
        Generator g = orDefault(generator);
        for (int r = 0; r < n; r++) {
            double[] weights = java.util.Arrays.copyOfRange(rows.storage().d, r * categories, (r + 1) * categories);
            int[] drawn = multinomial(weights, numSamples, replacement, float32, g);
            for (int j = 0; j < numSamples; j++) {
                out[r * numSamples + j] = drawn[j];
            }
        }
        int[] shape = input.dim() == 1 ? new int[] {numSamples} : new int[] {n, numSamples};
        return Tensor.of(Storage.wrap(out), shape);
    }

    /** One row of {@link #multinomial(Tensor, int, boolean, Generator)}; WeightedRandomSampler draws with it too. */
    public static int[] multinomial(double[] weights, int numSamples, boolean replacement, boolean float32,
            Generator g) {
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw TorchException.runtime("probability tensor contains either `inf`, `nan` or element < 0");
            }
        }
        return replacement ? byCumulativeSearch(weights, numSamples, float32, g)
                : byExponentialKeys(weights, numSamples, float32, g);
    }

    /** {@code uniform_real_distribution<double>(0, 1)}: 53 random bits. */
    private static double uniform01(Generator g) {
        return (g.random64() & ((1L << 53) - 1)) * (1.0 / (1L << 53));
    }

    private static double round(double v, boolean float32) {
        return float32 ? (float) v : v;
    }

    private static int[] byCumulativeSearch(double[] weights, int numSamples, boolean float32, Generator g) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum = round(sum + weights[i], float32);
            cumulative[i] = sum;
        }
        if (!(sum > 0)) {
            throw TorchException.runtime("invalid multinomial distribution (sum of probabilities <= 0)");
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] = round(cumulative[i] / sum, float32);
        }
        int[] out = new int[numSamples];
        for (int j = 0; j < numSamples; j++) {
            double u = uniform01(g);
            int left = 0;
            int right = cumulative.length;
            while (right - left > 0) {
                int mid = left + (right - left) / 2;
                if (cumulative[mid] < u) {
                    left = mid + 1;
                } else {
                    right = mid;
                }
            }
            out[j] = left;
        }
        return out;
    }

    private static int[] byExponentialKeys(double[] weights, int numSamples, boolean float32, Generator g) {
        double[] keys = new double[weights.length];
        boolean positive = false;
        for (int i = 0; i < keys.length; i++) {
            double q = round(-1.0 * Math.log(1.0 - uniform01(g)), float32);
            keys[i] = round(weights[i] / q, float32);
            positive |= weights[i] > 0;
        }
        if (!positive) {
            throw TorchException.runtime("invalid multinomial distribution (sum of probabilities <= 0)");
        }
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(keys[b], keys[a]));
        int[] out = new int[numSamples];
        for (int j = 0; j < numSamples; j++) {
            out[j] = order[j];
        }
        return out;
    }
}
