package org.torchglot.lang.r.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.UnsupportedMessageException;

/** Converts values arriving from other languages (or Java) into R values; foreign objects stay as they are. */
public final class ForeignValues {
    private ForeignValues() {
    }

    @TruffleBoundary
    public static Object toR(Object v) {
        if (v == null) {
            return RNull.INSTANCE;
        }
        if (v instanceof RAttributable || v instanceof RNull) {
            return v;
        }
        if (v instanceof Integer i) {
            return RInt.of(i);
        }
        if (v instanceof Short || v instanceof Byte) {
            return RInt.of(((Number) v).intValue());
        }
        if (v instanceof Long l) {
            return l == (int) (long) l && l != Integer.MIN_VALUE ? RInt.of((int) (long) l) : RDouble.of(l);
        }
        if (v instanceof Number n) {
            return RDouble.of(n.doubleValue());
        }
        if (v instanceof Boolean b) {
            return RLogical.of(b);
        }
        if (v instanceof String || v instanceof Character) {
            return RString.of(v.toString());
        }
        InteropLibrary lib = InteropLibrary.getUncached(v);
        try {
            if (lib.isNull(v)) {
                return RNull.INSTANCE;
            }
            if (lib.isBoolean(v)) {
                return RLogical.of(lib.asBoolean(v));
            }
            if (lib.isString(v)) {
                return RString.of(lib.asString(v));
            }
            if (lib.isNumber(v)) {
                return lib.fitsInInt(v) ? RInt.of(lib.asInt(v)) : RDouble.of(lib.asDouble(v));
            }
        } catch (UnsupportedMessageException e) {
            throw new RErrorSignal("cannot convert foreign value: " + e.getMessage());
        }
        return v;
    }
}
