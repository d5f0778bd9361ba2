package org.torchglot.lang.r.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** An R function: a closure written in R or a builtin written in Java. Executable from other languages. */
@ExportLibrary(InteropLibrary.class)
public abstract class RFunction extends RAttributable {

    /** The name used in messages (the builtin's name, or "function" for anonymous closures). */
    public abstract String name();

    @ExportMessage
    boolean isExecutable() {
        return true;
    }

    @ExportMessage
    @TruffleBoundary
    Object execute(Object[] arguments) {
        Object[] args = new Object[arguments.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = ForeignValues.toR(arguments[i]);
        }
        return RCaller.call(this, args, new String[args.length], RContext.get(null).globalEnv(), null);
    }

    @ExportMessage
    @TruffleBoundary
    final Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return RDisplay.of(this);
    }
}
