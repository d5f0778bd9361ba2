package org.torchglot.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.tensor.Tensor;

/** The background warm-up of a direct run leaves nothing a script could see. */
class EngineWarmUpTest {

    @Test
    void leavesTheRandomStreamAndGradModeAlone() throws InterruptedException {
        Torch.manualSeed(7);
        Tensor expected = Torch.rand(8);
        Torch.manualSeed(7);
        Tensor first = Torch.rand(4);
        Thread warmUp = EngineWarmUp.startInBackground();
        warmUp.join(Duration.ofSeconds(60));
        assertFalse(warmUp.isAlive(), "the warm-up finished");
        Tensor second = Torch.rand(4);
        assertArrayEquals(expected.toFloatArray(), Tensor.cat(java.util.List.of(first, second), 0).toFloatArray());
        assertEquals(7L, Torch.initialSeed());
        assertTrue(Torch.isGradEnabled());
    }

    @Test
    void runsOnADaemonThreadThatCannotKeepTheJvmAlive() throws InterruptedException {
        Thread warmUp = EngineWarmUp.startInBackground();
        assertTrue(warmUp.isDaemon());
        warmUp.join(Duration.ofSeconds(60));
        assertFalse(warmUp.isAlive(), "the warm-up finished");
    }
}
