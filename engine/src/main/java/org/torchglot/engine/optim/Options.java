package org.torchglot.engine.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    static List<Double> tuple(double a, double b) {
        return List.of(a, b);
    }

    static double number(Map<String, Object> options, String name) {
        return ((Number) options.get(name)).doubleValue();
    }
}
