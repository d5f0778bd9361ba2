package org.torchglot.lang.r.runtime;

import com.oracle.truffle.api.source.SourceSection;

/** What the runtime reads of a closure's root node: its formals, their defaults and its source text. */
public interface RClosureBody {
    String[] formals();

    /** The default expression of formal {@code i}, or null. */
    RCode defaultOf(int i);

    SourceSection getSourceSection();
}
