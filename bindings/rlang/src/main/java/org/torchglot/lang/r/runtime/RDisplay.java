package org.torchglot.lang.r.runtime;

import java.util.function.Function;

/**
 * How R values show themselves to other languages (interop's {@code toDisplayString}). The printer
 * sits above the runtime, so the language installs it here once.
 */
public final class RDisplay {
    private static volatile Function<Object, String> printer = String::valueOf;

    private RDisplay() {
    }

    public static void install(Function<Object, String> p) {
        printer = p;
    }

    static String of(Object v) {
        return printer.apply(v);
    }
}
