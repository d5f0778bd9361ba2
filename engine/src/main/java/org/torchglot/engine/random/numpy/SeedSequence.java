package org.torchglot.engine.random.numpy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * numpy's {@code SeedSequence} (without spawn keys): hashes the entropy words into a pool of four, from which
 * {@link #generateState} draws a bit generator's seed words.
 */
final class SeedSequence {
    private static final int POOL_SIZE = 4;
    private static final int INIT_A = 0x43b0d7e5;
    private static final int MULT_A = 0x931e8875;
    private static final int INIT_B = 0x8b51f9dd;
    private static final int MULT_B = 0x58f38ded;
    private static final int MIX_MULT_L = 0xca01f9dd;
    private static final int MIX_MULT_R = 0x4973f715;

    private final int[] pool = new int[POOL_SIZE];
    private int hashConst = INIT_A;

    /** Entropy as numpy coerces it: each integer (unsigned 64-bit) split into 32-bit words, lowest first. */
    SeedSequence(long[] entropy) {
        List<Integer> words = new ArrayList<>();
        for (long value : entropy) {
            do {
                words.add((int) value);
                value >>>= 32;
            } while (value != 0);
        }
        mixEntropy(words.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Fresh entropy from the operating system, as {@code default_rng()} without a seed. */
    static SeedSequence fromEntropy() {
        SecureRandom random = new SecureRandom();
        return new SeedSequence(new long[] {random.nextLong() >>> 1, random.nextLong() >>> 1});
    }

    private int hashmix(int value) {
        value ^= hashConst;
        hashConst *= MULT_A;
        value *= hashConst;
        return value ^ value >>> 16;
    }

    private static int mix(int x, int y) {
        int result = MIX_MULT_L * x - MIX_MULT_R * y;
        return result ^ result >>> 16;
    }

    private void mixEntropy(int[] entropy) {
        for (int i = 0; i < POOL_SIZE; i++) {
            pool[i] = hashmix(i < entropy.length ? entropy[i] : 0);
        }
        for (int src = 0; src < POOL_SIZE; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                if (src != dst) {
                    pool[dst] = mix(pool[dst], hashmix(pool[src]));
                }
            }
        }
        for (int src = POOL_SIZE; src < entropy.length; src++) {
            for (int dst = 0; dst < POOL_SIZE; dst++) {
                pool[dst] = mix(pool[dst], hashmix(entropy[src]));
            }
        }
    }

    /** {@code generate_state(n, np.uint64)}: pairs of 32-bit words, little-endian. */
    long[] generateState(int n) {
        int hash = INIT_B;
        long[] out = new long[n];
        for (int i = 0; i < 2 * n; i++) {
            int value = pool[i % POOL_SIZE];
            value ^= hash;
            hash *= MULT_B;
            value *= hash;
            value ^= value >>> 16;
            out[i / 2] |= Integer.toUnsignedLong(value) << (32 * (i % 2));
        }
        return out;
    }
}
