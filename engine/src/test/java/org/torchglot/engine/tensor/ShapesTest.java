package org.torchglot.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;

class ShapesTest {

    @Test
    void aShapeWhoseElementCountWrapsALongIsTooLargeNotEmpty() {
        int[] wraps = {65536, 65536, 65536, 65536};  // 2^64 elements: a long product wraps to 0
        TorchException e = assertThrows(TorchException.class, () -> Shapes.numel(wraps));
        assertEquals("tensor of size [65536, 65536, 65536, 65536] has more elements than torchglot supports (2^31 - 1)",
                e.getMessage());
        assertThrows(TorchException.class, () -> Torch.ones(1).expand(wraps).sum(),
                "a broadcast view of 2^64 elements summed to 1.0");
    }

    @Test
    void aZeroDimEmptiesAShapeHoweverLargeItsOtherDims() {
        assertEquals(0, Shapes.numel(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, 0}));
        assertEquals(0, Shapes.numel(new int[] {0, 65536, 65536, 65536, 65536}));
        assertEquals(Integer.MAX_VALUE, Shapes.numel(new int[] {Integer.MAX_VALUE, 1}));
        assertEquals(6, Shapes.numel(new int[] {2, 3}));
    }
}
