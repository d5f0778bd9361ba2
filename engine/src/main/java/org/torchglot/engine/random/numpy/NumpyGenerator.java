package org.torchglot.engine.random.numpy;

import java.util.Arrays;
import java.util.List;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * numpy's {@code Generator} over PCG64, what {@code np.random.default_rng(seed)} returns: SeedSequence seeding, 53-bit
 * doubles, ziggurat normals and Lemire's bounded integers, bit for bit as numpy draws them. Independent of torch's
 * generator and of the legacy {@link RandomState}.
 */
public final class NumpyGenerator {
    private final BitSource bits;

    /** {@code default_rng()}: seeded from the operating system's entropy. */
    public NumpyGenerator() {
        bits = new Pcg64Source(SeedSequence.fromEntropy().generateState(4));
    }

    /** {@code default_rng(seed)} for an int or a sequence of non-negative ints. */
    public NumpyGenerator(List<? extends Number> entropy) {
        long[] words = new long[entropy.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = entropy.get(i).longValue();
        }
        bits = new Pcg64Source(new SeedSequence(words).generateState(4));
    }

    /** {@code random}: uniform in [0, 1). */
    public synchronized Tensor random(int[] shape) {
        return Samples.doubles(shape, bits::nextDouble);
    }

    public synchronized Tensor standardNormal(int[] shape) {
        return Samples.doubles(shape, () -> Distributions.standardNormal(bits));
    }

    public synchronized Tensor normal(double loc, double scale, int[] shape) {
        if (!(scale >= 0)) {
            throw TorchException.value("scale < 0");
        }
        return Samples.doubles(shape, () -> loc + scale * Distributions.standardNormal(bits));
    }

    public synchronized Tensor uniform(double low, double high, int[] shape) {
        double range = high - low;
        if (!Double.isFinite(range)) {
            throw TorchException.value("Range exceeds valid bounds");
        }
        return Samples.doubles(shape, () -> low + range * bits.nextDouble());
    }

    /** {@code integers(low, high, endpoint=...)}: int64 by Lemire's method. */
    public synchronized Tensor integers(long low, long high, int[] shape, boolean endpoint) {
        long top = endpoint ? high : high - 1;
        if (low > top) {
            throw TorchException.value(endpoint ? "low > high" : low == 0 ? "high <= 0" : "low >= high");
        }
        long rng = top - low;
        return Samples.longs(shape, () -> Distributions.bounded(bits, low, rng, false));
    }

    /** The order {@code shuffle} puts n items in; {@code permutation(n)} itself. */
    public synchronized Tensor permutation(long n) {
        return Samples.longs(Distributions.shuffledOrder(bits, n));
    }

    /**
     * The indices {@code choice} picks from a population of {@code popSize}: Lemire integers with replacement, Floyd's
     * algorithm (or a tail shuffle for large draws) without, or through the CDF of {@code p} (null for uniform).
     */
    public synchronized Tensor choiceIndices(long popSize, int[] shape, boolean replace, double[] p, boolean shuffle) {
        int size = Samples.count(shape);
        if (popSize <= 0 && size != 0) {
            throw TorchException.value(popSize == 0 ? "a cannot be empty unless no samples are taken"
                    : "a must be a positive integer unless no samples are taken");
        }
        if (p != null) {
            Choice.checkProbabilities(p, popSize, false);
        }
        if (replace) {
            if (p != null) {
                double[] cdf = Choice.cdf(p);
                return Samples.longs(shape, () -> Choice.searchRight(cdf, bits.nextDouble()));
            }
            return integers(0, popSize, shape, false);
        }
        if (size > popSize) {
            throw TorchException.value("Cannot take a larger sample than population when replace is False");
        }
        long[] picked = p != null
                ? Choice.weightedWithoutReplacement(p, size, k -> random(new int[] {k}).toDoubleArray())
                : popSize > 10000 && size > popSize / (shuffle ? 50 : 20) ? tailShuffle(popSize, size)
                : floyd(popSize, size, shuffle);
        return Samples.longs(picked).reshape(shape);
    }

    /** {@code _shuffle_int}: Fisher-Yates down to {@code first}, drawing with Lemire's method. */
    private void shuffleInt(long[] data, int n, int first) {
        for (int i = n - 1; i >= first; i--) {
            int j = (int) Distributions.bounded(bits, 0, i, false);
            long tmp = data[j];
            data[j] = data[i];
            data[i] = tmp;
        }
    }

    private long[] tailShuffle(long popSize, int size) {
        long[] idx = new long[Samples.reserve(popSize)];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        shuffleInt(idx, idx.length, (int) Math.max(popSize - size, 1));
        return Arrays.copyOfRange(idx, (int) (popSize - size), idx.length);
    }

    private long[] floyd(long popSize, int size, boolean shuffle) {
        long[] idx = new long[size];
        long mask = Distributions.genMask((long) (1.2 * size));
        long[] hashSet = new long[Samples.reserve(mask + 1)];
        Arrays.fill(hashSet, -1L);
        for (long j = popSize - size; j < popSize; j++) {
            long val = Distributions.bounded(bits, 0, j, false);
            int loc = (int) (val & mask);
            while (hashSet[loc] != -1L && hashSet[loc] != val) {
                loc = (int) ((loc + 1) & mask);
            }
            if (hashSet[loc] == -1L) {
                hashSet[loc] = val;
                idx[(int) (j - popSize + size)] = val;
            } else {
                loc = (int) (j & mask);
                while (hashSet[loc] != -1L) {
                    loc = (int) ((loc + 1) & mask);
                }
                hashSet[loc] = j;
                idx[(int) (j - popSize + size)] = j;
            }
        }
        if (shuffle) {
            shuffleInt(idx, size, 1);
        }
        return idx;
    }
}
