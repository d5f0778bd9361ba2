package org.torchglot.engine.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;

class MemoryLimitTest {

    /** What PyTorch 1.13.1 on Linux says for {@code torch.zeros(100000, 1000000)}, after its C++ source location. */
    private static final String PYTORCH_100_GB = "DefaultCPUAllocator: can't allocate memory: you tried to allocate "
            + "400000000000 bytes. Error code 12 (Cannot allocate memory)";

    @Test
    void aHundredGigabyteTensorIsRefusedWithPyTorchsAllocatorError() {
        TorchException refusal = assertThrows(TorchException.class, () -> Torch.zeros(100000, 1000000));
        assertEquals(PYTORCH_100_GB, refusal.getMessage());
        assertEquals("RuntimeError", refusal.pythonName());
        assertThrows(TorchException.class, () -> Torch.randn(100000, 1000000));
    }

    @Test
    void aThreadScopeLowersTheLimitUntilClosed() {
        try (MemoryLimit.Scope scope = MemoryLimit.limitTo(1000)) {
            assertEquals(1000, MemoryLimit.bytes());
            assertEquals(250, Torch.zeros(250).numel());
            TorchException refusal = assertThrows(TorchException.class, () -> Torch.zeros(new int[] {126}, DType.FLOAT64));
            assertEquals("DefaultCPUAllocator: can't allocate memory: you tried to allocate 1008 bytes. "
                    + "Error code 12 (Cannot allocate memory)", refusal.getMessage());
        }
        assertEquals(MemoryLimit.processLimit(), MemoryLimit.bytes());
        assertEquals(126, Torch.zeros(new int[] {126}, DType.FLOAT64).numel());
    }

    @Test
    void theDefaultIsHalfTheHeapAndSizesParseWithUnits() {
        if (System.getProperty(MemoryLimit.PROPERTY) == null) {
            assertEquals(Runtime.getRuntime().maxMemory() / 2, MemoryLimit.processLimit());
        }
        assertEquals(512L << 20, MemoryLimit.parseBytes("512m"));
        assertEquals(2L << 30, MemoryLimit.parseBytes("2G"));
        assertEquals(1234, MemoryLimit.parseBytes("1234"));
        assertEquals(Long.MAX_VALUE, MemoryLimit.saturatingMultiply(1L << 40, 1L << 40));
    }
}
