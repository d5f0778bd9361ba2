package org.torchglot.engine.random;

import java.util.Arrays;

/**
 * The 32-bit Mersenne Twister exactly as libtorch's {@code at::mt19937}: seeded with
 * {@code init_genrand} from the low 32 bits of a 64-bit seed (the full seed is kept for
 * {@code initial_seed()}), Cokus's "left/next" bookkeeping, and the standard tempering.
 *
 * <p>Not thread-safe; {@link Generator} serialises access.
 */
public final class Mt19937 {
    static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] state = new int[N];
    private long seed;
    private int left;
    private int next;
    private boolean seeded;

    /** An engine seeded with {@code seed}, read as an unsigned 64-bit value. */
    public Mt19937(long seed) {
        reseed(seed);
    }

    private Mt19937(Mt19937 other) {
        System.arraycopy(other.state, 0, state, 0, N);
        seed = other.seed;
        left = other.left;
        next = other.next;
        seeded = other.seeded;
    }

    /**
     * An engine holding {@code key} as its state words with numpy's read position {@code pos} (1 to 624; 624 means
     * the next draw twists first): numpy's MT19937 after {@code init_by_array} or {@code set_state}.
     */
    public static Mt19937 ofKey(int[] key, int pos) {
        if (key.length != N || pos < 1 || pos > N) {
            throw new IllegalArgumentException("an mt19937 state is " + N + " words and a position in 1.." + N);
        }
        Mt19937 mt = new Mt19937(0);
        mt.restore(0, N + 1 - pos, true, pos == N ? 0 : pos, key);
        return mt;
    }

    /** The state words, as numpy's {@code get_state()} lists them. */
    public int[] key() {
        return Arrays.copyOf(state, N);
    }

    /** numpy's read position for the state words (624: the next draw twists first). */
    public int position() {
        return left == 1 ? N : N + 1 - left;
    }

    /** An independent engine in the same state. */
    public Mt19937 copy() {
        return new Mt19937(this);
    }

    /** Restarts the stream from {@code seed} ({@code init_genrand} on its low 32 bits). */
    public void reseed(long seed) {
        this.seed = seed;
        this.seeded = true;
        state[0] = (int) seed;
        for (int j = 1; j < N; j++) {
            int previous = state[j - 1];
            state[j] = 1812433253 * (previous ^ (previous >>> 30)) + j;
        }
        left = 1;
        next = 0;
    }

    /** The seed this stream started from (unsigned 64-bit). */
    public long seed() {
        return seed;
    }

    /** The next 32 random bits, as libtorch's {@code operator()} returns them. */
    public int nextInt() {
        if (--left == 0) {
            twistState();
        }
        int y = state[next++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    private void twistState() {
        left = N;
        next = 0;
        int p = 0;
        for (; p < N - M; p++) {
            state[p] = state[p + M] ^ twist(state[p], state[p + 1]);
        }
        for (; p < N - 1; p++) {
            state[p] = state[p + M - N] ^ twist(state[p], state[p + 1]);
        }
        state[p] = state[p + M - N] ^ twist(state[p], state[0]);
    }

    private static int twist(int u, int v) {
        int mixed = (u & UPPER_MASK) | (v & LOWER_MASK);
        return (mixed >>> 1) ^ ((v & 1) != 0 ? MATRIX_A : 0);
    }

    int left() {
        return left;
    }

    int next() {
        return next;
    }

    boolean seeded() {
        return seeded;
    }

    int[] stateWords() {
        return Arrays.copyOf(state, N);
    }

    /** Replaces the whole engine state, after the validity check libtorch's {@code is_valid()} does. */
    void restore(long seed, int left, boolean seeded, long next, int[] words) {
        if (!seeded || left <= 0 || left > N || next < 0 || next > N) {
            throw new IllegalArgumentException("Invalid mt19937 state");
        }
        System.arraycopy(words, 0, state, 0, N);
        this.seed = seed;
        this.left = left;
        this.seeded = true;
        this.next = (int) next;
    }
}
