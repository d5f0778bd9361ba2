package org.torchglot.engine.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;

class GeneratorTest {
    @Test
    void aScopedDefaultGeneratorTakesManualSeedAndDrawsWithoutTouchingTheProcessOne() {
        Torch.manualSeed(5);
        double outside = Torch.rand(1).item();
        Torch.manualSeed(5);
        Generator own = new Generator();
        double inside = Generator.callWithDefault(own, () -> {
            Torch.manualSeed(123);
            return Torch.rand(1).item();
        });

        assertEquals(outside, Torch.rand(1).item());
        assertEquals(123L, own.initialSeed());
        Torch.manualSeed(123);
        assertEquals(inside, Torch.rand(1).item());
    }

    @Test
    void random64IsTwo32BitDrawsHighFirst() {
        Generator a = new Generator(9);
        Generator b = new Generator(9);
        long high = Integer.toUnsignedLong(a.random());
        long low = Integer.toUnsignedLong(a.random());
        assertEquals((high << 32) | low, b.random64());
    }

    @Test
    void smallNormalCallsCacheTheSineSample() {
        Generator generator = new Generator(3);
        double[] one = new double[1];
        generator.normal(one, 0, 1);
        assertTrue(generator.hasNextDoubleNormalSample());
        double cached = generator.nextDoubleNormalSample();
        generator.normal(one, 0, 1);
        assertEquals(cached, one[0]);
        assertFalse(generator.hasNextDoubleNormalSample());
    }

    @Test
    void manualSeedClearsTheCache() {
        Generator generator = new Generator(3);
        generator.normal(new float[1], 0, 1);
        generator.manualSeed(3);
        assertFalse(generator.hasNextDoubleNormalSample());
    }

    @Test
    void stateRoundTripsAndRestoresTheStream() {
        Generator generator = new Generator(11);
        generator.normal(new double[5], 0, 1);
        byte[] state = generator.getState();
        assertEquals(5056, state.length);
        float[] expected = new float[40];
        generator.normal(expected, 0, 1);

        Generator other = new Generator().setState(state);
        assertArrayEquals(state, other.getState());
        float[] actual = new float[40];
        other.normal(actual, 0, 1);
        assertArrayEquals(expected, actual);
    }

    @Test
    void copyIsIndependent() {
        Generator generator = new Generator(5);
        Generator copy = generator.copy();
        assertEquals(generator.random(), copy.random());
        generator.random();
        assertEquals(generator.initialSeed(), copy.initialSeed());
    }

    @Test
    void rejectsMalformedState() {
        assertThrows(IllegalArgumentException.class, () -> new Generator().setState(new byte[100]));
        byte[] state = new Generator().getState();
        state[8] = 0; // left = 0 is not a valid mt19937 state
        assertThrows(IllegalArgumentException.class, () -> new Generator().setState(state));
    }

    @Test
    void seedReseedsAndReportsTheSeed() {
        Generator generator = new Generator();
        long seed = generator.seed();
        assertEquals(seed, generator.initialSeed());
        assertEquals(new Generator(seed).random(), generator.random());
    }

    @Test
    void defaultGeneratorIsOneProcessWideInstance() {
        assertSame(Generator.getDefault(), Generator.getDefault());
    }

    @Test
    void rejectsInvalidArguments() {
        Generator generator = new Generator();
        assertThrows(IllegalArgumentException.class, () -> generator.uniform(new float[3], 2, 1));
        assertThrows(IllegalArgumentException.class, () -> generator.normal(new float[3], 0, -1));
        assertThrows(IllegalArgumentException.class, () -> generator.randint(5, 5, new long[3]));
        assertThrows(IllegalArgumentException.class, () -> generator.bernoulli(1.5, new float[3]));
    }
}
