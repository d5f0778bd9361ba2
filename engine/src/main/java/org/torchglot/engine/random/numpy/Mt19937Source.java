package org.torchglot.engine.random.numpy;

import org.torchglot.engine.random.Mt19937;

/**
 * numpy's MT19937 bit generator, the one behind the legacy {@code RandomState}: the same Mersenne Twister as libtorch's
 * (so the engine's {@link Mt19937} does the work), seeded numpy's ways and read numpy's ways.
 */
final class Mt19937Source implements BitSource {
    private static final int N = 624;
    private Mt19937 mt;

    /** {@code mt19937_seed}: Knuth's {@code init_genrand} on a 32-bit seed, what {@code np.random.seed(int)} does. */
    Mt19937Source(long seed) {
        mt = new Mt19937(seed & 0xffffffffL);
    }

    /** {@code mt19937_init_by_array}: what {@code np.random.seed([...])} does with a sequence of 32-bit words. */
    static Mt19937Source ofArray(int[] initKey) {
        int[] mt = new int[N];
        mt[0] = 19650218;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, initKey.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + initKey[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= initKey.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
        Mt19937Source source = new Mt19937Source(0);
        source.mt = Mt19937.ofKey(mt, N);
        return source;
    }

    /** A generator in the state numpy's {@code set_state} describes: the 624 key words and the read position. */
    static Mt19937Source ofState(int[] key, int pos) {
        Mt19937Source source = new Mt19937Source(0);
        source.mt = Mt19937.ofKey(key, pos);
        return source;
    }

    int[] key() {
        return mt.key();
    }

    int position() {
        return mt.position();
    }

    @Override
    public int nextUint32() {
        return mt.nextInt();
    }

    @Override
    public long nextUint64() {
        long high = Integer.toUnsignedLong(mt.nextInt());
        return high << 32 | Integer.toUnsignedLong(mt.nextInt());
    }

    /** {@code mt19937_next_double}: 27 bits then 26 bits. */
    @Override
    public double nextDouble() {
        int a = mt.nextInt() >>> 5;
        int b = mt.nextInt() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }
}
