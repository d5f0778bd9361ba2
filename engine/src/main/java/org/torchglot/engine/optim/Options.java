package org.torchglot.engine.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.io.Tuple;

/** Builds the ordered option maps optimizers use for their defaults and keyword arguments. */
final class Options {
    private Options() {
    }

    /** {@code of("lr", 0.01, "momentum", 0L)}: alternating names and values, in order. */
    static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return out;
    }

    /** A Python tuple of floats, e.g. Adam's {@code betas}. */
    static Tuple tuple(double a, double b) {
        return Tuple.of(a, b);
    }

    /**
     * An option value as the optimizer keeps it: a sequence given for a tuple option ({@code betas=[0.9, 0.99]} from
     * JavaScript, a list from a saved state dict) becomes a tuple, as PyTorch's state dicts hold it; any other
     * sequence is copied, so the optimizer never keeps a caller's (or a guest's) live list.
     */
    static Object asOption(Object defaultValue, Object value) {
        if (!(value instanceof List<?> items)) {
            return value;
        }
        return defaultValue instanceof Tuple || value instanceof Tuple ? Tuple.copyOf(items) : new ArrayList<>(items);
    }

    static double number(Map<String, Object> options, String name) {
        return ((Number) options.get(name)).doubleValue();
    }
}
