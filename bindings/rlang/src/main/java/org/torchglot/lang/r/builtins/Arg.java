package org.torchglot.lang.r.builtins;

import org.torchglot.lang.r.runtime.Coerce;
import org.torchglot.lang.r.runtime.RDots;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RMissing;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RPromise;
import org.torchglot.lang.r.runtime.RValues;
import org.torchglot.lang.r.runtime.RVector;

/** Reading builtin arguments with defaults. */
final class Arg {
    private Arg() {
    }

    static boolean missing(Object a) {
        return a == RMissing.INSTANCE;
    }

    static boolean absent(Object a) {
        return a == RMissing.INSTANCE || a == RNull.INSTANCE;
    }

    static double dbl(Object a, double def) {
        return missing(a) ? def : RValues.asDouble(a);
    }

    static int integer(Object a, int def) {
        return missing(a) ? def : RValues.asInt(a);
    }

    static String str(Object a, String def) {
        return absent(a) ? def : RValues.asString(a);
    }

    static boolean flag(Object a, boolean def) {
        return missing(a) ? def : RValues.asFlag(a, "argument");
    }

    /** The argument as a vector (NULL as a zero-length logical). */
    static RVector vec(Object a) {
        if (a == RMissing.INSTANCE) {
            throw new RErrorSignal("argument is missing, with no default");
        }
        return Coerce.asVector(a);
    }

    static RList dots(Object a) {
        return a instanceof RList l ? l : new RList(new Object[0]);
    }

    /** A lazy builtin's argument, forced (RMissing stays). */
    static Object force(Object a) {
        return RPromise.forceValue(a);
    }

    static RDots lazyDots(Object a) {
        return a instanceof RDots d ? d : RDots.EMPTY;
    }
}
