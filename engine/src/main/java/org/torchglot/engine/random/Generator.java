package org.torchglot.engine.random;

import java.security.SecureRandom;

/**
 * A random number generator that reproduces libtorch's CPU generator ({@code at::CPUGeneratorImpl})
 * bit for bit: the same seed gives the same numbers as PyTorch 1.13 for {@code rand}, {@code randn},
 * {@code uniform_}, {@code normal_}, {@code randint}, {@code randperm} and {@code bernoulli}.
 *
 * <p>Array fills treat the array (or the given range of it) as one contiguous tensor in row-major
 * order, which is what decides libtorch's code path. All methods are thread-safe, like libtorch's
 * generator mutex.
 */
public final class Generator {
    /** The seed of a new {@code torch.Generator()}: libtorch's {@code default_rng_seed_val}. */
    public static final long DEFAULT_SEED = 67280421310721L;

    private static final Generator DEFAULT = new Generator(nondeterministicSeed());
    private static final ScopedValue<Generator> SCOPED_DEFAULT = ScopedValue.newInstance();

    private final Mt19937 engine;
    private boolean hasNextDoubleNormal;
    private double nextDoubleNormal;
    private boolean hasNextFloatNormal;
    private float nextFloatNormal;

    /** A generator seeded with {@link #DEFAULT_SEED}, like {@code torch.Generator()}. */
    public Generator() {
        this(DEFAULT_SEED);
    }

    /** A generator seeded with {@code seed} (read as unsigned 64-bit). */
    public Generator(long seed) {
        engine = new Mt19937(seed);
    }

    /**
     * The process-wide generator behind {@code torch.manual_seed} and every sampling call without
     * an explicit generator ({@code torch.default_generator}); nondeterministically seeded at start.
     */
    public static Generator getDefault() {
        return SCOPED_DEFAULT.orElse(DEFAULT);
    }

    /**
     * Runs {@code action} with {@code generator} as the default generator of the current thread, so
     * tasks sharing one JVM (a Spark executor's cores) each get their own {@code manual_seed} stream,
     * as each PyTorch process has.
     */
    public static <T, X extends Throwable> T callWithDefault(Generator generator, ScopedValue.CallableOp<T, X> action) throws X {
        return ScopedValue.where(SCOPED_DEFAULT, generator).call(action);
    }

    /** Reseeds and clears the cached normal samples ({@code manual_seed}); returns this. */
    public synchronized Generator manualSeed(long seed) {
        engine.reseed(seed);
        hasNextDoubleNormal = false;
        hasNextFloatNormal = false;
        return this;
    }

    /** Reseeds from a nondeterministic source and returns the new seed ({@code seed()}). */
    public synchronized long seed() {
        long seed = nondeterministicSeed();
        manualSeed(seed);
        return seed;
    }

    /** The seed the current stream started from, unsigned 64-bit ({@code initial_seed()}). */
    public synchronized long initialSeed() {
        return engine.seed();
    }

    /** The full state in {@code torch.get_rng_state()}'s byte layout (5056 bytes). */
    public synchronized byte[] getState() {
        return RngStateLayout.encode(engine, hasNextDoubleNormal, nextDoubleNormal,
                hasNextFloatNormal, nextFloatNormal);
    }

    /** Restores a state from {@link #getState()} or {@code torch.get_rng_state()}; returns this. */
    public synchronized Generator setState(byte[] state) {
        RngStateLayout.Decoded decoded = RngStateLayout.decode(state);
        engine.restore(decoded.seed(), decoded.left(), decoded.seeded(), decoded.next(), decoded.words());
        hasNextDoubleNormal = decoded.hasDoubleNormal();
        nextDoubleNormal = decoded.doubleNormal();
        hasNextFloatNormal = decoded.hasFloatNormal();
        nextFloatNormal = decoded.floatNormal();
        return this;
    }

    /** An independent generator in the same state ({@code clone_state}). */
    public synchronized Generator copy() {
        Generator copy = new Generator();
        copy.setState(getState());
        return copy;
    }

    /** The next 32 random bits (libtorch's {@code random()}, a uint32: see {@link Integer#toUnsignedLong}). */
    public synchronized int random() {
        return engine.nextInt();
    }

    /** The next 64 random bits: two 32-bit draws, the first one high ({@code random64()}). */
    public synchronized long random64() {
        return nextLong();
    }

    /** Whether a double normal sample is cached (Box-Muller makes two at a time). */
    public synchronized boolean hasNextDoubleNormalSample() {
        return hasNextDoubleNormal;
    }

    /** The cached double normal sample; meaningful only if {@link #hasNextDoubleNormalSample()}. */
    public synchronized double nextDoubleNormalSample() {
        return nextDoubleNormal;
    }

    /** Whether a float normal sample is cached (kept for the state layout; CPU kernels never set it). */
    public synchronized boolean hasNextFloatNormalSample() {
        return hasNextFloatNormal;
    }

    /** The cached float normal sample; meaningful only if {@link #hasNextFloatNormalSample()}. */
    public synchronized float nextFloatNormalSample() {
        return nextFloatNormal;
    }

    /** Fills {@code out} with U[from, to) as {@code uniform_} / {@code rand} on a float32 tensor. */
    public void uniform(float[] out, double from, double to) {
        uniform(out, 0, out.length, from, to);
    }

    /** Fills {@code out[offset, offset+length)} like {@code uniform_} on a float32 tensor of that size. */
    public synchronized void uniform(float[] out, int offset, int length, double from, double to) {
        UniformSampling.fill(this, out, offset, length, from, to);
    }

    /** Fills {@code out} with U[from, to) as {@code uniform_} / {@code rand} on a float64 tensor. */
    public void uniform(double[] out, double from, double to) {
        uniform(out, 0, out.length, from, to);
    }

    /** Fills {@code out[offset, offset+length)} like {@code uniform_} on a float64 tensor of that size. */
    public synchronized void uniform(double[] out, int offset, int length, double from, double to) {
        UniformSampling.fill(this, out, offset, length, from, to);
    }

    /** Fills {@code out} as {@code normal_(mean, std)} / {@code randn} on a contiguous float32 tensor. */
    public void normal(float[] out, double mean, double std) {
        normal(out, 0, out.length, mean, std);
    }

    /** Like {@link #normal(float[], double, double)} on the tensor {@code out[offset, offset+length)}. */
    public synchronized void normal(float[] out, int offset, int length, double mean, double std) {
        NormalSampling.fill(this, out, offset, length, mean, std);
    }

    /** Fills {@code out} as {@code normal_(mean, std)} / {@code randn} on a contiguous float64 tensor. */
    public void normal(double[] out, double mean, double std) {
        normal(out, 0, out.length, mean, std);
    }

    /** Like {@link #normal(double[], double, double)} on the tensor {@code out[offset, offset+length)}. */
    public synchronized void normal(double[] out, int offset, int length, double mean, double std) {
        NormalSampling.fill(this, out, offset, length, mean, std);
    }

    /**
     * Fills {@code out} in order with libtorch's one-at-a-time Box-Muller path, which
     * {@code normal_} takes for non-contiguous tensors (and for any tensor under 16 elements).
     */
    public synchronized void normalSerial(float[] out, int offset, int length, double mean, double std) {
        NormalSampling.fillSerial(this, out, offset, length, mean, std);
    }

    /** The float64 version of {@link #normalSerial(float[], int, int, double, double)}. */
    public synchronized void normalSerial(double[] out, int offset, int length, double mean, double std) {
        NormalSampling.fillSerial(this, out, offset, length, mean, std);
    }

    /** Fills {@code out} with integers in [low, high), as {@code torch.randint} / {@code random_(low, high)}. */
    public synchronized void randint(long low, long high, long[] out) {
        IntegerSampling.randint(this, low, high, out);
    }

    /** A random permutation of 0..n-1, as {@code torch.randperm(n)} on CPU. */
    public synchronized long[] randperm(int n) {
        return IntegerSampling.randperm(this, n);
    }

    /** Fills {@code out} with 1 (probability {@code p}) or 0, as {@code bernoulli_(p)}; dropout's mask. */
    public synchronized void bernoulli(double p, float[] out) {
        BernoulliSampling.fill(this, p, out);
    }

    /** The float64 version of {@link #bernoulli(double, float[])}. */
    public synchronized void bernoulli(double p, double[] out) {
        BernoulliSampling.fill(this, p, out);
    }

    /** {@code torch.bernoulli(probs)} for float32 probabilities: {@code out[i]} is 1 with probability {@code probs[i]}. */
    public synchronized void bernoulli(float[] probs, float[] out) {
        BernoulliSampling.fill(this, probs, out);
    }

    /** {@code torch.bernoulli(probs)} for float64 probabilities. */
    public synchronized void bernoulli(double[] probs, double[] out) {
        BernoulliSampling.fill(this, probs, out);
    }

    // ---- used by the samplers, which run under this generator's lock ----

    int nextInt() {
        return engine.nextInt();
    }

    long nextLong() {
        long high = Integer.toUnsignedLong(engine.nextInt());
        long low = Integer.toUnsignedLong(engine.nextInt());
        return (high << 32) | low;
    }

    boolean hasCachedDoubleNormal() {
        return hasNextDoubleNormal;
    }

    double takeCachedDoubleNormal() {
        hasNextDoubleNormal = false;
        return nextDoubleNormal;
    }

    void cacheDoubleNormal(double sample) {
        hasNextDoubleNormal = true;
        nextDoubleNormal = sample;
    }

    private static long nondeterministicSeed() {
        return new SecureRandom().nextLong();
    }
}
