package org.torchglot.lang.r;

import java.util.Map;

/**
 * Gives R semantics to values whose class attribute names this handler's class, the Java counterpart of R's S3
 * methods. The interpreter asks the handler before applying its default behaviour, for these generics:
 * <ul>
 * <li>{@code "$"} (args: object, name as character), {@code "$<-"} (object, name, value);</li>
 * <li>{@code "["}, {@code "[["} (object, indices...; an empty index is {@code RMissing}; names carry
 * {@code drop=}), {@code "[<-"}, {@code "[[<-"} (object, indices..., value last, named {@code value});</li>
 * <li>operators {@code + - * / ^ %% %/% %*% == != < > <= >= & |} (left, right; either may be the object); unary
 * {@code -}, {@code +} and {@code !} arrive under the same names with a single argument;</li>
 * <li>{@code "("}: calling the object ({@link #isCallable} must say yes);</li>
 * <li>builtins that are internal generics: {@code print format length dim names as.numeric as.double as.integer
 * as.logical as.character as.vector as.array as.matrix as.list sum mean max min abs sqrt exp log round t str
 * head tail rev} (args as matched by R for that call, first is the object).</li>
 * </ul>
 * Return {@link #NOT_HANDLED} to fall back to R's default. R code can also define S3 methods
 * ({@code print.myclass <- function(x, ...)}); those are found first.
 */
public interface RClassHandler {
    /** Returned by {@link #dispatch} when the handler does not implement a generic. */
    Object NOT_HANDLED = new Object() {
        @Override
        public String toString() {
            return "NOT_HANDLED";
        }
    };

    /**
     * Implements {@code generic} for {@code args} (R values; {@code names[i]} is null for positional ones), or
     * returns {@link #NOT_HANDLED}.
     */
    Object dispatch(String generic, RCall call, Object[] args, String[] names);

    /**
     * Values the index arguments of {@code x[...]} and {@code x[...] <- v} see before the caller's variables (torch
     * for R's data mask: {@code N}); empty for none, and then {@link #indexRange} is not asked either.
     */
    default Map<String, Object> indexMask() {
        return Map.of();
    }

    /**
     * The value of a range {@code from:to} written as an index argument of this class's values (torch for R reads
     * {@code x[2:N]} and {@code x[1:10:2]} as slices), or null for R's {@code :}. {@code a:b:c} arrives as
     * {@code (a:b):c}, its {@code from} being what this method returned for {@code a:b}.
     */
    default Object indexRange(Object from, Object to) {
        return null;
    }

    /** Whether values of this class can be called like functions ({@code model(x)}); calls arrive as {@code "("}. */
    default boolean isCallable(Object self) {
        return false;
    }
}
