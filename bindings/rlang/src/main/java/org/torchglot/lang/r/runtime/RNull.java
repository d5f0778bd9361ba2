package org.torchglot.lang.r.runtime;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/** R's {@code NULL}: the one empty object. */
@ExportLibrary(InteropLibrary.class)
public final class RNull implements TruffleObject {
    public static final RNull INSTANCE = new RNull();

    private RNull() {
    }

    @ExportMessage
    boolean isNull() {
        return true;
    }

    @Override
    public String toString() {
        return "NULL";
    }
}
