package org.torchglot.repl.attach;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Notices that the heap ran (nearly) full: a collection left a heap pool above a fraction of its maximum, as happens
 * before every "Java heap space" {@link OutOfMemoryError}, including one a script caught (Python's MemoryError, a JS
 * or R catch of the Java error). A server that saw this retires rather than serve on from a bloated heap.
 */
final class HeapExhaustion {
    /** After a collection, a pool fuller than this fraction of its maximum counts as exhausted. */
    static final double NEARLY_FULL = 0.9;

    private final List<MemoryPoolMXBean> pools;

    private HeapExhaustion(List<MemoryPoolMXBean> pools) {
        this.pools = pools;
    }

    /** Watches the heap pools that report usage after collections, with the threshold at {@code fraction} of their maximum. */
    static HeapExhaustion watch(double fraction) {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()
                        && pool.getUsage().getMax() > 0)
                .toList();
        for (MemoryPoolMXBean pool : pools) {
            pool.setCollectionUsageThreshold(Math.max(1, (long) (pool.getUsage().getMax() * fraction)));
        }
        return new HeapExhaustion(pools);
    }

    /** How many collections so far left a pool above its threshold; it grows when the heap ran nearly full. */
    long count() {
        return pools.stream().mapToLong(MemoryPoolMXBean::getCollectionUsageThresholdCount).sum();
    }
}
