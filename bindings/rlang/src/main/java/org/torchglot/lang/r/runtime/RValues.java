package org.torchglot.lang.r.runtime;

import org.torchglot.lang.r.RClassHandler;

import com.oracle.truffle.api.interop.InteropLibrary;

/** Conversions of R values to Java scalars for builtins, and R's class and condition rules. */
public final class RValues {
    private RValues() {
    }

    /** The logical value of an {@code if}/{@code while} condition, with R 4.2's errors. */
    public static boolean conditionValue(Object v, String what) {
        if (!(v instanceof RVector vec) || vec instanceof RList) {
            if (v == RNull.INSTANCE) {
                throw new RErrorSignal("argument is of length zero");
            }
            throw new RErrorSignal("argument is not interpretable as logical");
        }
        if (vec.length() == 0) {
            throw new RErrorSignal("argument is of length zero");
        }
        if (vec.length() > 1) {
            throw new RErrorSignal("the condition has length > 1");
        }
        if (vec instanceof RString s && s.get(0) != null && Coerce.logicalAt(s, 0) == RNA.INT) {
            throw new RErrorSignal("argument is not interpretable as logical");
        }
        int l = Coerce.logicalAt(vec, 0);
        if (l == RNA.INT) {
            throw new RErrorSignal("missing value where TRUE/FALSE needed");
        }
        return l != 0;
    }

    /** The scalar logical operand of {@code &&} / {@code ||}. */
    public static int scalarLogical(Object v, String op, String arg) {
        if (!(v instanceof RVector vec) || vec instanceof RList || vec instanceof RString) {
            throw new RErrorSignal("invalid '" + arg + "' type in 'x " + op + " y'");
        }
        if (vec.length() != 1) {
            if (vec.length() == 0) {
                throw new RErrorSignal("invalid '" + arg + "' type in 'x " + op + " y'");
            }
            throw new RErrorSignal("'length = " + vec.length() + "' in coercion to 'logical(1)'");
        }
        return Coerce.logicalAt(vec, 0);
    }

    public static double asDouble(Object v) {
        if (v instanceof RVector vec && vec.length() >= 1) {
            return Coerce.doubleAt(vec, 0);
        }
        throw new RErrorSignal("invalid argument: expected a number");
    }

    public static int asInt(Object v) {
        if (v instanceof RVector vec && vec.length() >= 1) {
            return Coerce.intAt(vec, 0);
        }
        throw new RErrorSignal("invalid argument: expected an integer");
    }

    public static String asString(Object v) {
        if (v instanceof RVector vec && vec.length() >= 1) {
            return Coerce.stringAt(vec, 0);
        }
        throw new RErrorSignal("invalid argument: expected a character string");
    }

    /** A logical flag argument: TRUE/FALSE, not NA. */
    public static boolean asFlag(Object v, String argName) {
        if (v instanceof RVector vec && vec.length() >= 1) {
            int l = Coerce.logicalAt(vec, 0);
            if (l != RNA.INT) {
                return l != 0;
            }
        }
        throw new RErrorSignal("invalid '" + argName + "' argument");
    }

    public static boolean isMissing(Object v) {
        return v == RMissing.INSTANCE;
    }

    /** {@code class(x)}: the class attribute, or the implicit class. */
    public static RString classOf(Object v) {
        if (v instanceof RAttributable a && a.classAttr() != null) {
            return a.classAttr();
        }
        return RString.of(implicitClass(v));
    }

    /** The implicit class chain used for S3 dispatch (matrix, array, numeric, function, ...). */
    public static String[] implicitClass(Object v) {
        if (v instanceof RVector vec) {
            int[] d = vec.dim();
            if (d != null) {
                return d.length == 2 ? new String[]{"matrix", "array"} : new String[]{"array"};
            }
            return new String[]{vec.type().className()};
        }
        if (v instanceof RFunction) {
            return new String[]{"function"};
        }
        if (v instanceof REnvironment) {
            return new String[]{"environment"};
        }
        if (v == RNull.INSTANCE) {
            return new String[]{"NULL"};
        }
        if (v instanceof RExternal) {
            return new String[]{"externalptr"};
        }
        return new String[]{"polyglot.value"};
    }

    /**
     * The result of {@code .DollarNames(x, pattern)}: the names that match the regular expression {@code pattern}
     * (all for {@code ""} or a missing pattern), in the given order.
     */
    public static RString dollarNames(java.util.Collection<String> names, Object pattern) {
        String regex = pattern instanceof RString p && p.length() == 1 ? p.get(0) : "";
        java.util.regex.Pattern compiled = java.util.regex.Pattern.compile(regex);
        return new RString(names.stream().filter(n -> compiled.matcher(n).find()).toArray(String[]::new));
    }

    public static boolean inherits(Object v, String cls) {
        RString c = classOf(v);
        return c.contains(cls);
    }

    /** True for values that are not functions but can be called (a class handler or a foreign executable). */
    public static boolean isCallableObject(Object v) {
        if (v instanceof RAttributable a && !(v instanceof RFunction)) {
            RString cls = a.classAttr();
            if (cls != null) {
                RContext ctx = RContext.get(null);
                for (String c : cls.data()) {
                    RClassHandler h = ctx.classHandler(c);
                    if (h != null && h.isCallable(v)) {
                        return true;
                    }
                }
            }
            return false;
        }
        return v != null && !(v instanceof RNull) && !(v instanceof RAttributable) && InteropLibrary.getUncached().isExecutable(v);
    }

    /** typeof(x). */
    public static String typeOf(Object v) {
        if (v instanceof RVector vec) {
            return vec.type().typeName();
        }
        if (v instanceof RClosure) {
            return "closure";
        }
        if (v instanceof RBuiltin) {
            return "builtin";
        }
        if (v instanceof REnvironment) {
            return "environment";
        }
        if (v == RNull.INSTANCE) {
            return "NULL";
        }
        return "externalptr";
    }
}
