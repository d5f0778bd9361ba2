package org.torchglot.engine.random;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Mt19937Test {
    @Test
    void matchesTheReferenceMersenneTwister() {
        // The C++ standard requires the 10000th output of a default-seeded (5489) mt19937 to be 4123659995.
        Mt19937 engine = new Mt19937(5489);
        assertEquals(3499211612L, Integer.toUnsignedLong(engine.nextInt()));
        for (int i = 2; i < 10000; i++) {
            engine.nextInt();
        }
        assertEquals(4123659995L, Integer.toUnsignedLong(engine.nextInt()));
    }

    @Test
    void seedsFromTheLow32BitsButRemembersAll64() {
        Mt19937 wide = new Mt19937((1L << 32) + 5);
        Mt19937 narrow = new Mt19937(5);
        for (int i = 0; i < 1000; i++) {
            assertEquals(narrow.nextInt(), wide.nextInt());
        }
        assertEquals((1L << 32) + 5, wide.seed());
    }

    @Test
    void copyContinuesIndependently() {
        Mt19937 engine = new Mt19937(42);
        for (int i = 0; i < 700; i++) {
            engine.nextInt();
        }
        Mt19937 copy = engine.copy();
        int expected = engine.nextInt();
        assertEquals(expected, copy.nextInt());
        engine.nextInt();
        assertEquals(engine.seed(), copy.seed());
    }
}
