package org.torchglot.engine.random;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The byte layout of {@code torch.get_rng_state()} on CPU: libtorch's {@code CPUGeneratorImplState}
 * struct, copied with {@code memcpy} on little-endian x86-64 (5056 bytes, padding zeroed).
 *
 * <pre>
 *   0  uint64 the_initial_seed      5016 double normal_x (always 0)
 *   8  int32  left                  5024 double normal_y (the cached double normal sample)
 *  12  int32  seeded                5032 double normal_rho (always 0)
 *  16  uint64 next                  5040 int32  normal_is_valid (+4 padding)
 *  24  uint64 state[624]            5048 float  next_float_normal_sample
 *                                   5052 bool   is_next_float_normal_sample_valid (+3 padding)
 * </pre>
 */
final class RngStateLayout {
    /** {@code sizeof(CPUGeneratorImplState)}. */
    static final int SIZE = 5056;
    private static final int STATE_WORDS = 24;
    private static final int NORMAL_Y = 5024;
    private static final int NORMAL_IS_VALID = 5040;
    private static final int FLOAT_NORMAL = 5048;
    private static final int FLOAT_NORMAL_IS_VALID = 5052;

    record Decoded(long seed, int left, boolean seeded, long next, int[] words,
                   boolean hasDoubleNormal, double doubleNormal, boolean hasFloatNormal, float floatNormal) {
    }

    private RngStateLayout() {
    }

    static byte[] encode(Mt19937 engine, boolean hasDoubleNormal, double doubleNormal,
                         boolean hasFloatNormal, float floatNormal) {
        ByteBuffer buffer = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(0, engine.seed());
        buffer.putInt(8, engine.left());
        buffer.putInt(12, engine.seeded() ? 1 : 0);
        buffer.putLong(16, engine.next());
        int[] words = engine.stateWords();
        for (int i = 0; i < words.length; i++) {
            buffer.putLong(STATE_WORDS + 8 * i, Integer.toUnsignedLong(words[i]));
        }
        if (hasDoubleNormal) {
            buffer.putDouble(NORMAL_Y, doubleNormal);
            buffer.putInt(NORMAL_IS_VALID, 1);
        }
        if (hasFloatNormal) {
            buffer.putFloat(FLOAT_NORMAL, floatNormal);
            buffer.put(FLOAT_NORMAL_IS_VALID, (byte) 1);
        }
        return buffer.array();
    }

    static Decoded decode(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("Expected a CPUGeneratorImplState of size " + SIZE
                    + " but found the input RNG state size to be " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int[] words = new int[Mt19937.N];
        for (int i = 0; i < words.length; i++) {
            // NOTE: libtorch stores each 32-bit word in a uint64 slot and narrows it back on restore.
            words[i] = (int) buffer.getLong(STATE_WORDS + 8 * i);
        }
        return new Decoded(buffer.getLong(0), buffer.getInt(8), buffer.getInt(12) != 0,
                Integer.toUnsignedLong((int) buffer.getLong(16)), words,
                buffer.getInt(NORMAL_IS_VALID) != 0, buffer.getDouble(NORMAL_Y),
                buffer.get(FLOAT_NORMAL_IS_VALID) != 0, buffer.getFloat(FLOAT_NORMAL));
    }
}
