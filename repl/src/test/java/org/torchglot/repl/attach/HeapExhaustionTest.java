package org.torchglot.repl.attach;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The watcher counts collections that leave the heap above its threshold, and only those. */
class HeapExhaustionTest {

    @Test
    void aCollectionThatLeavesTheHeapAboveTheThresholdIsCounted() {
        HeapExhaustion nearlyEmpty = HeapExhaustion.watch(1e-9);
        try {
            long before = nearlyEmpty.count();
            byte[][] kept = new byte[8][];
            for (int i = 0; i < kept.length; i++) {
                kept[i] = new byte[1 << 20];
            }
            System.gc();
            // NOTE: the JVM's service thread updates the count shortly after the collection
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (nearlyEmpty.count() == before && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(nearlyEmpty.count() > before, "a collection that kept 8 MB exceeds a threshold of a few bytes");
            assertTrue(kept[7].length > 0);
        } finally {
            HeapExhaustion.watch(HeapExhaustion.NEARLY_FULL);
        }
    }
}
