package org.torchglot.engine.io;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Python {@code collections.OrderedDict} (what {@code state_dict()} returns): {@link TorchIO#save} pickles it as
 * one, and {@link TorchIO#load} returns one where the file had one. Any other {@link Map} is saved as a plain dict.
 */
public final class OrderedDict extends LinkedHashMap<Object, Object> {
    public OrderedDict() {
    }

    /** A copy of {@code entries}, in their iteration order, e.g. of {@code module.stateDict()}. */
    public OrderedDict(Map<?, ?> entries) {
        super(entries);
    }
}
