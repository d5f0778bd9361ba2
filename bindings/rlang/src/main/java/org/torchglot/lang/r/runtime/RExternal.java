package org.torchglot.lang.r.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * A host Java object (a tensor, a module, an optimizer, ...) wrapped as an R value. Its class attribute selects the
 * {@link org.torchglot.lang.r.RClassHandler} that gives it {@code $}, {@code [}, operators, printing and so on.
 */
@ExportLibrary(InteropLibrary.class)
public final class RExternal extends RAttributable {
    private final Object host;

    public RExternal(Object host, String... classes) {
        this.host = host;
        if (classes.length > 0) {
            setAttr("class", new RString(classes.clone()));
        }
    }

    /** The wrapped Java object. */
    public Object host() {
        return host;
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return RDisplay.of(this);
    }
}
