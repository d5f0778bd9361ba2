package org.torchglot.lang.r;

/**
 * The Java implementation of an R function. {@code args} holds one entry per formal, matched the R way (exact name,
 * partial name, position): an R value, {@link org.torchglot.lang.r.runtime.RMissing#INSTANCE} when not supplied,
 * and for a {@code ...} formal a named {@link org.torchglot.lang.r.runtime.RList} of the extra arguments.
 */
@FunctionalInterface
public interface RBuiltinBody {
    Object call(RCall call, Object[] args);
}
