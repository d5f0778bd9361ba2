package org.torchglot.engine.io;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.StringJoiner;

/**
 * A Python tuple: an immutable {@link List} that {@link TorchIO#save} pickles as a tuple (any other list becomes a
 * Python list) and {@link TorchIO#load} returns for tuples, e.g. Adam's {@code betas}.
 */
public final class Tuple extends AbstractList<Object> implements RandomAccess {
    private final Object[] items;

    private Tuple(Object[] items) {
        this.items = items;
    }

    public static Tuple of(Object... items) {
        return new Tuple(items.clone());
    }

    public static Tuple copyOf(List<?> items) {
        return new Tuple(items.toArray());
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public String toString() {
        StringJoiner out = new StringJoiner(", ", "(", items.length == 1 ? ",)" : ")");
        for (Object item : items) {
            out.add(String.valueOf(item));
        }
        return out.toString();
    }
}
