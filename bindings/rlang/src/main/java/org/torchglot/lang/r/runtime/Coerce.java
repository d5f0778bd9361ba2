package org.torchglot.lang.r.runtime;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;

/** R's type coercions between the atomic types and lists. Results never share data with their input. */
public final class Coerce {
    private Coerce() {
    }

    /** The vector type of a value; NULL for NULL, LIST for anything that is not an atomic vector. */
    public static RType typeOf(Object v) {
        if (v instanceof RVector vec) {
            return vec.type();
        }
        if (v == RNull.INSTANCE) {
            return RType.NULL;
        }
        return RType.LIST;
    }

    /** Converts to the given type; attributes are kept only when {@code keepAttrs}. */
    public static RVector cast(RVector v, RType to, boolean keepAttrs) {
        RVector r = castData(v, to);
        if (keepAttrs && r != v) {
            r.copyAttributesFrom(v);
        } else if (!keepAttrs && r == v) {
            r = v.copyData(v.length());
        }
        return r;
    }

    private static RVector castData(RVector v, RType to) {
        if (v.type() == to) {
            return v;
        }
        int n = v.length();
        switch (to) {
            case LOGICAL: {
                int[] d = new int[n];
                for (int i = 0; i < n; i++) {
                    d[i] = logicalAt(v, i);
                }
                return new RLogical(d);
            }
            case INTEGER: {
                int[] d = new int[n];
                for (int i = 0; i < n; i++) {
                    d[i] = intAt(v, i);
                }
                return new RInt(d);
            }
            case DOUBLE: {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = doubleAt(v, i);
                }
                return new RDouble(d);
            }
            case CHARACTER: {
                String[] d = new String[n];
                for (int i = 0; i < n; i++) {
                    d[i] = stringAt(v, i);
                }
                return new RString(d);
            }
            case LIST: {
                Object[] d = new Object[n];
                for (int i = 0; i < n; i++) {
                    d[i] = v.elementVector(i);
                }
                RList l = new RList(d);
                if (v.names() != null) {
                    l.setAttr("names", v.names());
                }
                return l;
            }
            default:
                throw new RErrorSignal("cannot coerce to NULL");
        }
    }

    public static double doubleAt(RVector v, int i) {
        if (v instanceof RDouble d) {
            return d.get(i);
        }
        if (v instanceof RInt x) {
            return x.get(i) == RNA.INT ? RNA.REAL : x.get(i);
        }
        if (v instanceof RLogical l) {
            return l.get(i) == RNA.INT ? RNA.REAL : l.get(i);
        }
        if (v instanceof RString s) {
            return parseDouble(s.get(i));
        }
        if (v instanceof RList l) {
            Object e = l.get(i);
            if (e instanceof RVector ev && !(ev instanceof RList) && ev.length() == 1) {
                return elementDouble(ev);
            }
            throw new RErrorSignal("'list' object cannot be coerced to type 'double'");
        }
        throw new RErrorSignal("cannot coerce to double");
    }

    public static int intAt(RVector v, int i) {
        if (v instanceof RInt x) {
            return x.get(i);
        }
        if (v instanceof RLogical l) {
            return l.get(i);
        }
        double d = doubleAt(v, i);
        if (Double.isNaN(d)) {
            return RNA.INT;
        }
        if (d >= 2147483648.0 || d <= -2147483649.0) {
            RContext.get(null).warning("NAs introduced by coercion to integer range");
            return RNA.INT;
        }
        return (int) d;
    }

    public static int logicalAt(RVector v, int i) {
        if (v instanceof RLogical l) {
            return l.get(i);
        }
        if (v instanceof RInt x) {
            return x.get(i) == RNA.INT ? RNA.INT : x.get(i) != 0 ? 1 : 0;
        }
        if (v instanceof RDouble d) {
            return Double.isNaN(d.get(i)) ? RNA.INT : d.get(i) != 0 ? 1 : 0;
        }
        if (v instanceof RString s) {
            String x = s.get(i);
            if (x == null) {
                return RNA.INT;
            }
            return switch (x) {
                case "TRUE", "true", "T", "True" -> 1;
                case "FALSE", "false", "F", "False" -> 0;
                default -> RNA.INT;
            };
        }
        if (v instanceof RList l && l.get(i) instanceof RVector ev && ev.length() == 1) {
            return elementLogical(ev);
        }
        throw new RErrorSignal("cannot coerce to logical");
    }

    /** as.character of one element: doubles with up to 15 significant digits, as R does. */
    public static String stringAt(RVector v, int i) {
        if (v instanceof RString s) {
            return s.get(i);
        }
        if (v instanceof RDouble d) {
            return RNA.isNA(d.get(i)) ? null : RFormat.formatDouble(d.get(i), 15);
        }
        if (v instanceof RInt x) {
            return x.get(i) == RNA.INT ? null : Integer.toString(x.get(i));
        }
        if (v instanceof RLogical l) {
            return l.get(i) == RNA.INT ? null : l.get(i) != 0 ? "TRUE" : "FALSE";
        }
        if (v instanceof RList l) {
            Object e = l.get(i);
            if (e instanceof RVector ev && ev.length() == 1 && !(ev instanceof RList)) {
                return elementString(ev);
            }
            return RDeparser.deparse(e);
        }
        throw new RErrorSignal("cannot coerce to character");
    }

    // NOTE: the coercions of a list element recurse into the coercion of the element; behind a boundary, so that
    // Truffle's partial evaluation of a node calling doubleAt/logicalAt/stringAt does not inline that recursion
    // until it bails out ("Too deep inlining"), which left every R function with a condition uncompiled.
    @TruffleBoundary
    private static double elementDouble(RVector element) {
        return doubleAt(element, 0);
    }

    @TruffleBoundary
    private static int elementLogical(RVector element) {
        return logicalAt(element, 0);
    }

    @TruffleBoundary
    private static String elementString(RVector element) {
        return stringAt(element, 0);
    }

    private static double parseDouble(String s) {
        if (s == null) {
            return RNA.REAL;
        }
        String t = s.trim();
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                return Long.parseLong(t.substring(2), 16);
            }
            return switch (t) {
                case "Inf", "inf" -> Double.POSITIVE_INFINITY;
                case "-Inf", "-inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                case "NA" -> RNA.REAL;
                default -> {
                    if (t.isEmpty() || t.endsWith("d") || t.endsWith("f") || t.endsWith("D") || t.endsWith("F")) {
                        throw new NumberFormatException();
                    }
                    yield Double.parseDouble(t);
                }
            };
        } catch (NumberFormatException e) {
            RContext.get(null).warning("NAs introduced by coercion");
            return RNA.REAL;
        }
    }

    /** Any value as a vector: NULL becomes a zero-length logical, other objects a length-1 list. */
    public static RVector asVector(Object v) {
        if (v instanceof RVector vec) {
            return vec;
        }
        if (v == RNull.INSTANCE) {
            return new RLogical(new int[0]);
        }
        return new RList(new Object[]{v});
    }
}
