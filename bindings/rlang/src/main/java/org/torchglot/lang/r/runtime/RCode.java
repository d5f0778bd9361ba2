package org.torchglot.lang.r.runtime;

/**
 * An unevaluated R expression as the runtime sees it (in a promise or a default argument): something
 * to evaluate in an environment and to show as source. The parser's nodes implement it.
 */
public interface RCode {
    Object execute(REnvironment env);

    /** The expression as R's {@code deparse} writes it. */
    String deparse();
}
