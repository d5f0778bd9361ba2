package org.torchglot.lang.r.builtins;

import org.torchglot.lang.r.runtime.Coerce;
import org.torchglot.lang.r.runtime.RAttributable;
import org.torchglot.lang.r.runtime.RDouble;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RFunction;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RNA;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RType;
import org.torchglot.lang.r.runtime.RValues;
import org.torchglot.lang.r.runtime.RVector;

/** Type tests and conversions: is.*, as.*, typeof, identical, all.equal, is.na. */
final class TypeBuiltins {
    private TypeBuiltins() {
    }

    static void install(BuiltinTable t) {
        t.add("is.null", "x", (c, a) -> RLogical.of(a[0] == RNull.INSTANCE));
        t.add("is.function", "x", (c, a) -> RLogical.of(a[0] instanceof RFunction));
        t.add("is.numeric", "x", (c, a) -> RLogical.of(a[0] instanceof RDouble || a[0] instanceof RInt));
        t.add("is.double", "x", (c, a) -> RLogical.of(a[0] instanceof RDouble));
        t.add("is.integer", "x", (c, a) -> RLogical.of(a[0] instanceof RInt));
        t.add("is.character", "x", (c, a) -> RLogical.of(a[0] instanceof RString));
        t.add("is.logical", "x", (c, a) -> RLogical.of(a[0] instanceof RLogical));
        t.add("is.list", "x", (c, a) -> RLogical.of(a[0] instanceof RList));
        t.add("is.atomic", "x", (c, a) -> RLogical.of(a[0] instanceof RVector && !(a[0] instanceof RList)));
        t.add("is.vector", "x, mode", (c, a) -> RLogical.of(a[0] instanceof RVector v && (!v.hasAttributes() || v.attributes().size() == 1 && v.names() != null)));
        t.add("is.matrix", "x", (c, a) -> RLogical.of(a[0] instanceof RVector v && v.dim() != null && v.dim().length == 2));
        t.add("is.array", "x", (c, a) -> RLogical.of(a[0] instanceof RVector v && v.dim() != null));
        t.add("is.na", "x", (c, a) -> {
            if (!(a[0] instanceof RVector v)) {
                return RLogical.of(false);
            }
            int[] r = new int[v.length()];
            for (int i = 0; i < r.length; i++) {
                r[i] = v.isNA(i) ? 1 : 0;
            }
            RLogical res = new RLogical(r);
            res.setAttr("names", v.names());
            res.setAttr("dim", v.getAttr("dim"));
            return res;
        });
        t.add("is.nan", "x", (c, a) -> {
            RVector v = Arg.vec(a[0]);
            int[] r = new int[v.length()];
            for (int i = 0; i < r.length; i++) {
                r[i] = v instanceof RDouble d && Double.isNaN(d.get(i)) && !RNA.isNA(d.get(i)) ? 1 : 0;
            }
            return new RLogical(r);
        });
        t.add("is.finite", "x", (c, a) -> {
            RVector v = Arg.vec(a[0]);
            int[] r = new int[v.length()];
            for (int i = 0; i < r.length; i++) {
                r[i] = !(v instanceof RString) && !v.isNA(i) && Double.isFinite(Coerce.doubleAt(v, i)) ? 1 : 0;
            }
            return new RLogical(r);
        });
        t.add("anyNA", "x, recursive", (c, a) -> {
            RVector v = Arg.vec(a[0]);
            for (int i = 0; i < v.length(); i++) {
                if (v.isNA(i)) {
                    return RLogical.of(true);
                }
            }
            return RLogical.of(false);
        });
        t.add("as.numeric", "x, ...", (c, a) -> as(a[0], RType.DOUBLE));
        t.add("as.double", "x, ...", (c, a) -> as(a[0], RType.DOUBLE));
        t.add("as.integer", "x, ...", (c, a) -> as(a[0], RType.INTEGER));
        t.add("as.character", "x, ...", (c, a) -> as(a[0], RType.CHARACTER));
        t.add("as.logical", "x, ...", (c, a) -> as(a[0], RType.LOGICAL));
        t.add("as.list", "x, ...", (c, a) -> {
            if (a[0] instanceof REnvironment e) {
                java.util.List<Object> vals = new java.util.ArrayList<>();
                java.util.List<String> names = e.names(false);
                for (String n : names) {
                    vals.add(org.torchglot.lang.r.runtime.RPromise.forceValue(e.getLocal(n)));
                }
                return RList.of(vals, names);
            }
            return as(a[0], RType.LIST);
        });
        t.add("as.vector", "x, mode", (c, a) -> {
            String mode = Arg.str(a[1], "any");
            RVector v = Arg.vec(a[0]);
            RType type = switch (mode) {
                case "numeric", "double" -> RType.DOUBLE;
                case "integer" -> RType.INTEGER;
                case "character" -> RType.CHARACTER;
                case "logical" -> RType.LOGICAL;
                case "list" -> RType.LIST;
                default -> v.type();
            };
            RVector r = Coerce.cast(v, type, false);
            if (type == RType.LIST && v.names() != null) {
                r.setAttr("names", v.names());
            }
            return r;
        });
        t.add("typeof", "x", (c, a) -> RString.of(RValues.typeOf(a[0])));
        t.add("mode", "x", (c, a) -> {
            String ty = RValues.typeOf(a[0]);
            return RString.of(switch (ty) {
                case "double", "integer" -> "numeric";
                case "closure", "builtin" -> "function";
                default -> ty;
            });
        });
        t.add("identical", "x, y, ...", (c, a) -> RLogical.of(identical(a[0], a[1])));
        t.add("all.equal", "target, current, ..., tolerance", (c, a) -> allEqual(a[0], a[1], Arg.dbl(a[3], 1.5e-8)));
    }

    static Object as(Object x, RType type) {
        if (x == RNull.INSTANCE) {
            return ConstructorBuiltins.emptyOf(type, 0);
        }
        if (x instanceof REnvironment || x instanceof RFunction) {
            throw new org.torchglot.lang.r.runtime.RErrorSignal("cannot coerce type '" + RValues.typeOf(x) + "' to vector of type '" + type.typeName() + "'");
        }
        RVector v = Arg.vec(x);
        RVector r = Coerce.cast(v, type, false);
        if (type == RType.LIST && v.names() != null) {
            r.setAttr("names", v.names());
        }
        return r;
    }

    static boolean identical(Object x, Object y) {
        if (x == y) {
            return true;
        }
        if (x instanceof RVector a && y instanceof RVector b) {
            if (a.type() != b.type() || a.length() != b.length()) {
                return false;
            }
            for (int i = 0; i < a.length(); i++) {
                if (a instanceof RList la) {
                    if (!identical(la.get(i), ((RList) b).get(i))) {
                        return false;
                    }
                } else if (a instanceof RDouble da) {
                    double p = da.get(i);
                    double q = ((RDouble) b).get(i);
                    if (!(p == q || Double.isNaN(p) && Double.isNaN(q) && RNA.isNA(p) == RNA.isNA(q))) {
                        return false;
                    }
                } else if (!java.util.Objects.equals(a.getElement(i), b.getElement(i))) {
                    return false;
                }
            }
            return attributesIdentical(a, b);
        }
        return false;
    }

    private static boolean attributesIdentical(RAttributable a, RAttributable b) {
        if (a.attributes().size() != b.attributes().size()) {
            return false;
        }
        for (var e : a.attributes().entrySet()) {
            if (!identical(e.getValue(), b.getAttr(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static Object allEqual(Object x, Object y, double tol) {
        if (x instanceof RVector a && y instanceof RVector b && !(a instanceof RString) && !(b instanceof RString) && !(a instanceof RList)) {
            if (a.length() != b.length()) {
                return RString.of("Lengths (" + a.length() + ", " + b.length() + ") differ");
            }
            double sumDiff = 0;
            double sumTarget = 0;
            for (int i = 0; i < a.length(); i++) {
                sumDiff += Math.abs(Coerce.doubleAt(a, i) - Coerce.doubleAt(b, i));
                sumTarget += Math.abs(Coerce.doubleAt(a, i));
            }
            double rel = sumTarget > 0 ? sumDiff / sumTarget : sumDiff;
            if (rel < tol) {
                return RLogical.of(true);
            }
            return RString.of("Mean " + (sumTarget > 0 ? "relative" : "absolute") + " difference: " + org.torchglot.lang.r.runtime.RFormat.formatDouble(rel, 7));
        }
        return identical(x, y) ? RLogical.of(true) : RString.of("target, current do not match");
    }
}
