package org.torchglot.engine.io;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The size limit of a loaded object graph. A pickle may refer to one object many times (its memo); loading keeps such
 * references shared, as PyTorch does, but anything that walks the value as a tree (printing it, copying it, a binding
 * that has no sharing) meets every reference again. Forty levels of ten references to the level below fit in a
 * kilobyte and expand to 10^40 objects, so a file whose graph, counted as a tree, exceeds {@value #MAX_OBJECTS}
 * objects is refused before any guest sees it.
 */
final class LoadBudget {
    /** Objects a loaded value may hold when every shared reference is counted again; tensors count as one. */
    static final long MAX_OBJECTS = 10_000_000;

    private LoadBudget() {
    }

    /**
     * Refuses {@code value} if it expands beyond {@link #MAX_OBJECTS}. Linear in the number of distinct objects (each is
     * sized once); a reference back to an object still being sized (a cycle) counts as one.
     */
    static void check(Object value, String source) {
        Map<Object, Long> sizes = new IdentityHashMap<>();
        Deque<Frame> pending = new ArrayDeque<>();
        long total = enter(value, sizes, pending);
        while (!pending.isEmpty()) {
            Frame top = pending.peek();
            if (top.children.hasNext()) {
                top.size = capped(top.size + enter(top.children.next(), sizes, pending));
            } else {
                pending.pop();
                sizes.put(top.node, top.size);
                if (pending.isEmpty()) {
                    total = top.size;
                } else {
                    pending.peek().size = capped(pending.peek().size + top.size);
                }
            }
        }
        if (total > MAX_OBJECTS) {
            throw FileErrors.corrupt(source, "its shared references expand to more than " + MAX_OBJECTS
                    + " objects, torchglot's limit for a loaded value (the file looks like a pickle bomb)");
        }
    }

    /** The size of {@code node} if known now (a leaf, an object already sized, or a cycle); else 0, and it is pushed. */
    private static long enter(Object node, Map<Object, Long> sizes, Deque<Frame> pending) {
        Iterator<?> children = childrenOf(node);
        if (children == null) {
            return 1;
        }
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        sizes.put(node, 1L);  // NOTE: seen again before it is sized, it is part of a cycle: one reference
        pending.push(new Frame(node, children));
        return 0;
    }

    private static Iterator<?> childrenOf(Object node) {
        return switch (node) {
            case Map<?, ?> map -> map.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).iterator();
            case Collection<?> items -> items.iterator();
            case null, default -> null;
        };
    }

    private static long capped(long size) {
        return Math.min(size, MAX_OBJECTS + 1);
    }

    private static final class Frame {
        final Object node;
        final Iterator<?> children;
        long size = 1;

        Frame(Object node, Iterator<?> children) {
            this.node = node;
            this.children = children;
        }
    }
}
