package org.torchglot.engine.api;

import java.util.function.Function;

/** An entry of the op table: its signature, a one-line summary for help, and its implementation. */
public record Op(Signature signature, String summary, Function<Args, Object> implementation) {
}
