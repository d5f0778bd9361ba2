package org.torchglot.engine.random.numpy;

import java.security.SecureRandom;
import java.util.List;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * numpy's legacy {@code RandomState}, the generator behind {@code np.random.seed} and {@code np.random.rand}: MT19937
 * seeded as numpy seeds it, the polar Gauss method with its cached second value, masked-rejection bounded integers
 * and numpy 1.16's distributions, so a seeded script draws numpy's numbers bit for bit. Independent of torch's
 * generator. Results are float64 or int64 tensors of the requested shape (an empty shape gives a 0-d tensor).
 */
public final class RandomState {
    private Mt19937Source bits;
    private boolean hasGauss;
    private double gauss;

    /** Seeded from the operating system's entropy, as {@code RandomState()}. */
    public RandomState() {
        seed();
    }

    public RandomState(long seed) {
        seed(seed);
    }

    /** {@code seed()}: fresh entropy. */
    public synchronized void seed() {
        SecureRandom random = new SecureRandom();
        int[] key = new int[624];
        for (int i = 0; i < key.length; i++) {
            key[i] = random.nextInt();
        }
        reset(Mt19937Source.ofArray(key));
    }

    /** {@code seed(int)}: Knuth's initialisation of the 32-bit seed. */
    public synchronized void seed(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw TorchException.value("Seed must be between 0 and 2**32 - 1");
        }
        reset(new Mt19937Source(seed));
    }

    /** {@code seed([...])}: {@code init_by_array} over the 32-bit words. */
    public synchronized void seed(List<? extends Number> words) {
        if (words.isEmpty()) {
            throw TorchException.value("Seed must be non-empty");
        }
        int[] key = new int[words.size()];
        for (int i = 0; i < key.length; i++) {
            long w = words.get(i).longValue();
            if (w < 0 || w > 0xffffffffL) {
                throw TorchException.value("Seed must be between 0 and 2**32 - 1");
            }
            key[i] = (int) w;
        }
        reset(Mt19937Source.ofArray(key));
    }

    /**
     * {@code get_state()}: the key words (as int64), the read position, whether a Gaussian is cached, and the cached
     * value; the binding adds numpy's {@code 'MT19937'} tag.
     */
    public synchronized List<Object> getState() {
        long[] key = new long[624];
        int[] words = bits.key();
        for (int i = 0; i < key.length; i++) {
            key[i] = Integer.toUnsignedLong(words[i]);
        }
        return List.of(Samples.longs(key), (long) bits.position(), hasGauss ? 1L : 0L, gauss);
    }

    /** {@code set_state(('MT19937', key, pos, has_gauss, cached_gaussian))}. */
    public synchronized void setState(Tensor key, long pos, long hasGauss, double cachedGaussian) {
        long[] values = key.toLongArray();
        if (values.length != 624) {
            throw TorchException.value("state must be 624 elements");
        }
        if (pos < 1 || pos > 624) {
            throw TorchException.value("pos must be between 1 and 624 here (numpy's set_state position)");
        }
        int[] words = new int[624];
        for (int i = 0; i < words.length; i++) {
            words[i] = (int) values[i];
        }
        bits = Mt19937Source.ofState(words, (int) pos);
        this.hasGauss = hasGauss != 0;
        this.gauss = cachedGaussian;
    }

    private void reset(Mt19937Source source) {
        bits = source;
        hasGauss = false;
        gauss = 0.0;
    }

    /** {@code legacy_gauss}: the polar method; each pair's second normal is kept for the next call. */
    private double gauss() {
        if (hasGauss) {
            hasGauss = false;
            return gauss;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * bits.nextDouble() - 1.0;
            x2 = 2.0 * bits.nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** {@code random_sample}, {@code rand}, {@code random}: uniform in [0, 1). */
    public synchronized Tensor randomSample(int[] shape) {
        return Samples.doubles(shape, bits::nextDouble);
    }

    /** {@code standard_normal}, {@code randn}. */
    public synchronized Tensor standardNormal(int[] shape) {
        return Samples.doubles(shape, this::gauss);
    }

    public synchronized Tensor normal(double loc, double scale, int[] shape) {
        requireNonNegative(scale, "scale");
        return Samples.doubles(shape, () -> loc + scale * gauss());
    }

    public synchronized Tensor uniform(double low, double high, int[] shape) {
        double range = high - low;
        if (!Double.isFinite(range)) {
            throw TorchException.value("Range exceeds valid bounds");
        }
        return Samples.doubles(shape, () -> low + range * bits.nextDouble());
    }

    /** {@code randint(low, high)}: int64 in [low, high) by masked rejection. */
    public synchronized Tensor randint(long low, long high, int[] shape) {
        if (low >= high) {
            throw TorchException.value(low == 0 ? "high <= 0" : "low >= high");
        }
        long rng = high - 1 - low;
        return Samples.longs(shape, () -> Distributions.bounded(bits, low, rng, true));
    }

    /** The order {@code shuffle} puts n items in; {@code permutation(n)} itself. */
    public synchronized Tensor permutation(long n) {
        return Samples.longs(Distributions.shuffledOrder(bits, n));
    }

    public synchronized Tensor exponential(double scale, int[] shape) {
        requireNonNegative(scale, "scale");
        return Samples.doubles(shape, () -> scale * Distributions.legacyStandardExponential(bits));
    }

    public synchronized Tensor standardGamma(double shapeParameter, int[] shape) {
        requireNonNegative(shapeParameter, "shape");
        return Samples.doubles(shape, () -> Distributions.legacyStandardGamma(bits, this::gauss, shapeParameter));
    }

    public synchronized Tensor gamma(double shapeParameter, double scale, int[] shape) {
        requireNonNegative(shapeParameter, "shape");
        requireNonNegative(scale, "scale");
        return Samples.doubles(shape, () -> scale * Distributions.legacyStandardGamma(bits, this::gauss, shapeParameter));
    }

    public synchronized Tensor beta(double a, double b, int[] shape) {
        if (!(a > 0)) {
            throw TorchException.value("a <= 0");
        }
        if (!(b > 0)) {
            throw TorchException.value("b <= 0");
        }
        return Samples.doubles(shape, () -> Distributions.legacyBeta(bits, this::gauss, a, b));
    }

    public synchronized Tensor poisson(double lam, int[] shape) {
        requireNonNegative(lam, "lam");
        if (lam >= 9.223372006484771e18) {
            throw TorchException.value("lam value too large");
        }
        return Samples.longs(shape, () -> Distributions.poisson(bits, lam));
    }

    public synchronized Tensor binomial(long n, double p, int[] shape) {
        if (n < 0) {
            throw TorchException.value("n < 0");
        }
        if (!(p >= 0)) {
            throw TorchException.value("p < 0");
        }
        if (p > 1) {
            throw TorchException.value("p > 1");
        }
        return Samples.longs(shape, () -> Distributions.legacyBinomial(bits, p, n));
    }

    /**
     * The indices {@code choice} picks from a population of {@code popSize}: uniform with replacement, a permutation's
     * head without, or through the CDF of {@code p} (null for uniform).
     */
    public synchronized Tensor choiceIndices(long popSize, int[] shape, boolean replace, double[] p) {
        int size = Samples.count(shape);
        if (popSize <= 0 && size != 0) {
            throw TorchException.value(popSize == 0 ? "'a' cannot be empty unless no samples are taken"
                    : "a must be greater than 0 unless no samples are taken");
        }
        if (p != null) {
            Choice.checkProbabilities(p, popSize, true);
        }
        if (replace) {
            if (p != null) {
                double[] cdf = Choice.cdf(p);
                return Samples.longs(shape, () -> Choice.searchRight(cdf, bits.nextDouble()));
            }
            return randint(0, popSize, shape);
        }
        if (size > popSize) {
            throw TorchException.value("Cannot take a larger sample than population when 'replace=False'");
        }
        long[] picked;
        if (p != null) {
            picked = Choice.weightedWithoutReplacement(p, size, k -> randomSample(new int[] {k}).toDoubleArray());
        } else {
            long[] order = Distributions.shuffledOrder(bits, popSize);
            picked = java.util.Arrays.copyOf(order, size);
        }
        return Samples.longs(picked).reshape(shape);
    }

    private static void requireNonNegative(double value, String name) {
        if (!(value >= 0)) {
            throw TorchException.value(name + " < 0");
        }
    }
}
