package org.torchglot.lang.r.builtins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.torchglot.lang.r.runtime.Coerce;
import org.torchglot.lang.r.runtime.RAttributable;
import org.torchglot.lang.r.runtime.RClosure;
import org.torchglot.lang.r.runtime.REnvironment;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RExternal;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RType;
import org.torchglot.lang.r.runtime.RValues;
import org.torchglot.lang.r.runtime.RVector;

/** Attributes: names, dim, dimnames, class, attr, attributes, structure, length and their replacement forms. */
final class AttributeBuiltins {
    private AttributeBuiltins() {
    }

    static void install(BuiltinTable t) {
        t.add("names", "x", (c, a) -> {
            if (a[0] instanceof REnvironment e) {
                List<String> n = e.names(true);
                n.sort(org.torchglot.lang.r.runtime.Ops::compareStrings);
                return new RString(n.toArray(new String[0]));
            }
            if (a[0] instanceof RVector v) {
                if (v.names() != null) {
                    return v.names();
                }
                int[] d = v.dim();
                if (d != null && d.length == 1 && v.getAttr("dimnames") instanceof RList dn) {
                    return dn.get(0);
                }
            }
            return RNull.INSTANCE;
        });
        t.add("names<-", "x, value", (c, a) -> setNames(a[0], a[1]));
        t.add("setNames", "object, nm", (c, a) -> setNames(a[0], a[1]));
        t.add("unname", "obj", (c, a) -> {
            RAttributable r = copy(a[0]);
            r.setAttr("names", null);
            r.setAttr("dimnames", null);
            return r;
        });
        t.add("dim", "x", (c, a) -> {
            Object d = a[0] instanceof RAttributable at ? at.getAttr("dim") : null;
            return d == null ? RNull.INSTANCE : d;
        });
        t.add("dim<-", "x, value", (c, a) -> {
            RVector v = Arg.vec(a[0]);
            RVector r = v.copy();
            r.setAttr("names", null);
            if (a[1] == RNull.INSTANCE) {
                r.setAttr("dim", null);
                r.setAttr("dimnames", null);
                return r;
            }
            RInt d = (RInt) Coerce.cast((RVector) a[1], RType.INTEGER, false);
            long prod = 1;
            for (int x : d.data()) {
                prod *= x;
            }
            if (prod != v.length()) {
                throw new RErrorSignal("dims [product " + prod + "] do not match the length of object [" + v.length() + "]");
            }
            r.setAttr("dim", d);
            return r;
        });
        t.add("dimnames", "x", (c, a) -> orNull(a[0] instanceof RAttributable at ? at.getAttr("dimnames") : null));
        t.add("dimnames<-", "x, value", (c, a) -> setAttr(a[0], "dimnames", a[1]));
        t.add("rownames", "x", (c, a) -> dimnamesPart(a[0], 0));
        t.add("colnames", "x", (c, a) -> dimnamesPart(a[0], 1));
        t.add("rownames<-", "x, value", (c, a) -> setDimnamesPart(a[0], 0, a[1]));
        t.add("colnames<-", "x, value", (c, a) -> setDimnamesPart(a[0], 1, a[1]));
        t.add("attr", "x, which, exact", (c, a) -> {
            String w = RValues.asString(a[1]);
            Object v = a[0] instanceof RAttributable at ? at.getAttr(w) : null;
            return orNull(v);
        });
        t.add("attr<-", "x, which, value", (c, a) -> setAttr(a[0], RValues.asString(a[1]), a[2]));
        t.add("attributes", "x", (c, a) -> {
            if (!(a[0] instanceof RAttributable at) || !at.hasAttributes()) {
                return RNull.INSTANCE;
            }
            List<Object> vals = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Map.Entry<String, Object> e : at.attributes().entrySet()) {
                names.add(e.getKey());
                vals.add(e.getValue());
            }
            return RList.of(vals, names);
        });
        t.add("structure", ".Data, ...", (c, a) -> {
            RAttributable r = copy(a[0]);
            RList d = Arg.dots(a[1]);
            RString n = d.names();
            for (int i = 0; i < d.length(); i++) {
                String key = n.get(i).equals(".Names") ? "names" : n.get(i);
                r = (RAttributable) setAttr(r, key, d.get(i));
            }
            return r;
        });
        t.add("class", "x", (c, a) -> RValues.classOf(a[0]));
        t.add("oldClass", "x", (c, a) -> orNull(a[0] instanceof RAttributable at ? at.classAttr() : null));
        t.add("class<-", "x, value", (c, a) -> setAttr(a[0], "class", a[1]));
        t.add("oldClass<-", "x, value", (c, a) -> setAttr(a[0], "class", a[1]));
        t.add("unclass", "x", (c, a) -> setAttr(a[0], "class", RNull.INSTANCE));
        t.add("inherits", "x, what, which", (c, a) -> {
            RString cls = RValues.classOf(a[0]);
            for (String w : ((RString) Coerce.cast(Arg.vec(a[1]), RType.CHARACTER, false)).data()) {
                if (cls.contains(w)) {
                    return RLogical.of(true);
                }
            }
            return RLogical.of(false);
        });
        t.add("length", "x", (c, a) -> RInt.of(length(a[0])));
        t.add("length<-", "x, value", (c, a) -> {
            RVector v = Arg.vec(a[0]);
            int n = RValues.asInt(a[1]);
            RVector r = v.copyData(n);
            if (v.names() != null) {
                RString nn = (RString) v.names().copyData(n);
                for (int i = v.length(); i < n; i++) {
                    nn.data()[i] = "";
                }
                r.setAttr("names", nn);
            }
            return r;
        });
        t.add("lengths", "x", (c, a) -> {
            RVector v = Arg.vec(a[0]);
            int[] r = new int[v.length()];
            for (int i = 0; i < r.length; i++) {
                r[i] = v instanceof RList l ? length(l.get(i)) : 1;
            }
            RInt res = new RInt(r);
            res.setAttr("names", v.names());
            return res;
        });
    }

    static int length(Object x) {
        if (x instanceof RVector v) {
            return v.length();
        }
        if (x instanceof REnvironment e) {
            return e.names(true).size();
        }
        return x == RNull.INSTANCE ? 0 : 1;
    }

    private static Object orNull(Object v) {
        return v == null ? RNull.INSTANCE : v;
    }

    /** A shallow copy that can take new attributes without changing the original (environments are references). */
    static RAttributable copy(Object x) {
        if (x instanceof RVector v) {
            return v.copy();
        }
        if (x instanceof RClosure f) {
            return f.withEnv(f.env());
        }
        if (x instanceof RAttributable at) {
            return at;
        }
        if (x == RNull.INSTANCE) {
            return new RList(new Object[0]);
        }
        throw new RErrorSignal("attempt to set an attribute on NULL");
    }

    static Object setAttr(Object x, String name, Object value) {
        RAttributable r = copy(x);
        if (name.equals("names")) {
            return setNames(r, value);
        }
        if (name.equals("class") && value instanceof RString s && s.length() == 0) {
            value = RNull.INSTANCE;
        }
        if (name.equals("dim") && value instanceof RVector dv && !(value instanceof RInt)) {
            value = Coerce.cast(dv, RType.INTEGER, false);
        }
        r.setAttr(name, value);
        return r;
    }

    static Object setNames(Object x, Object value) {
        RAttributable r = x instanceof RExternal || x instanceof REnvironment ? (RAttributable) x : copy(x);
        if (value == RNull.INSTANCE) {
            r.setAttr("names", null);
            return r;
        }
        int n = length(r);
        RVector nv = Coerce.cast(Arg.vec(value), RType.CHARACTER, false);
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = i < nv.length() ? ((RString) nv).get(i) : null;
        }
        r.setAttr("names", new RString(names));
        return r;
    }

    private static Object dimnamesPart(Object x, int k) {
        if (x instanceof RAttributable at && at.getAttr("dimnames") instanceof RList dn && dn.length() > k) {
            return dn.get(k);
        }
        return RNull.INSTANCE;
    }

    private static Object setDimnamesPart(Object x, int k, Object value) {
        RVector v = Arg.vec(x);
        int[] d = v.dim();
        if (d == null) {
            throw new RErrorSignal("attempt to set '" + (k == 0 ? "rownames" : "colnames") + "' on an object with no dimensions");
        }
        Object[] parts = new Object[d.length];
        java.util.Arrays.fill(parts, RNull.INSTANCE);
        if (v.getAttr("dimnames") instanceof RList dn) {
            System.arraycopy(dn.data(), 0, parts, 0, Math.min(dn.length(), parts.length));
        }
        parts[k] = value == RNull.INSTANCE ? value : Coerce.cast((RVector) value, RType.CHARACTER, false);
        return setAttr(v, "dimnames", new RList(parts));
    }
}
