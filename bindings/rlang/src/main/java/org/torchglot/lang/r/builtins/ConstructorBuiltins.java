package org.torchglot.lang.r.builtins;

import java.util.ArrayList;
import java.util.List;

import org.torchglot.lang.r.runtime.Coerce;
import org.torchglot.lang.r.runtime.RDouble;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RType;
import org.torchglot.lang.r.runtime.RValues;
import org.torchglot.lang.r.runtime.RVector;

/** Making vectors and lists: c, list, vector, numeric, character, rep, unlist, append. */
final class ConstructorBuiltins {
    private ConstructorBuiltins() {
    }

    static void install(BuiltinTable t) {
        t.add("c", "...", (c, a) -> combine(Arg.dots(a[0]), false));
        t.add("list", "...", (c, a) -> {
            RList d = Arg.dots(a[0]);
            RList l = new RList(d.data().clone());
            if (d.names() != null) {
                l.setAttr("names", d.names());
            }
            return l;
        });
        t.add("vector", "mode, length", (c, a) -> empty(Arg.str(a[0], "logical"), Arg.integer(a[1], 0)));
        t.add("numeric", "length", (c, a) -> empty("numeric", Arg.integer(a[0], 0)));
        t.add("double", "length", (c, a) -> empty("numeric", Arg.integer(a[0], 0)));
        t.add("integer", "length", (c, a) -> empty("integer", Arg.integer(a[0], 0)));
        t.add("character", "length", (c, a) -> empty("character", Arg.integer(a[0], 0)));
        t.add("logical", "length", (c, a) -> empty("logical", Arg.integer(a[0], 0)));
        t.add("rep", "x, times, each, length.out", (c, a) -> rep(Arg.vec(a[0]), a[1], a[2], a[3]));
        t.add("rep_len", "x, length.out", (c, a) -> rep(Arg.vec(a[0]), RNull.INSTANCE, RNull.INSTANCE, a[1]));
        t.add("unlist", "x, recursive, use.names", (c, a) -> {
            if (!(a[0] instanceof RList l)) {
                return a[0];
            }
            return combine(flatten(l), !Arg.flag(a[2], true));
        });
        t.add("append", "x, values, after", (c, a) -> {
            RVector x = Arg.vec(a[0]);
            RVector v = Arg.vec(a[1]);
            int after = Arg.integer(a[2], x.length());
            List<Object> parts = new ArrayList<>();
            parts.add(Subsets.range(x, 0, after));
            parts.add(v);
            parts.add(Subsets.range(x, after, x.length()));
            return combine(new RList(parts.toArray()), false);
        });
    }

    /** Nested lists spliced into one level, names joined with dots (unlist's recursion). */
    static RList flatten(RList l) {
        List<Object> vals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        RString n = l.names();
        for (int i = 0; i < l.length(); i++) {
            String on = n == null ? "" : n.get(i);
            if (l.get(i) instanceof RList inner) {
                RList flat = flatten(inner);
                RString fn = flat.names();
                for (int k = 0; k < flat.length(); k++) {
                    String in = fn == null ? "" : fn.get(k);
                    vals.add(flat.get(k));
                    names.add(on.isEmpty() ? in : in.isEmpty() ? on + (flat.length() == 1 ? "" : String.valueOf(k + 1)) : on + "." + in);
                }
            } else {
                vals.add(l.get(i));
                names.add(on);
            }
        }
        return RList.of(vals, names);
    }

    static RVector empty(String mode, int n) {
        return switch (mode) {
            case "numeric", "double" -> new RDouble(new double[n]);
            case "integer" -> new RInt(new int[n]);
            case "character" -> {
                String[] s = new String[n];
                java.util.Arrays.fill(s, "");
                yield new RString(s);
            }
            case "list" -> {
                Object[] o = new Object[n];
                java.util.Arrays.fill(o, RNull.INSTANCE);
                yield new RList(o);
            }
            case "logical" -> new RLogical(new int[n]);
            default -> throw new RErrorSignal("vector: cannot make a vector of mode '" + mode + "'.");
        };
    }

    /** c(...) and unlist(): the highest type wins; names are combined as outer.inner. */
    static Object combine(RList parts, boolean dropNames) {
        RType type = RType.NULL;
        int total = 0;
        boolean anyNames = false;
        RString outer = parts.names();
        for (int i = 0; i < parts.length(); i++) {
            Object p = parts.get(i);
            if (p == RNull.INSTANCE) {
                continue;
            }
            if (p instanceof RVector v) {
                type = RType.max(type, v instanceof RList ? RType.LIST : v.type());
                total += v.length();
                anyNames |= v.names() != null;
            } else {
                type = RType.LIST;
                total += 1;
            }
            anyNames |= outer != null && !outer.get(i).isEmpty();
        }
        if (type == RType.NULL) {
            return RNull.INSTANCE;
        }
        RVector res = emptyOf(type, total);
        String[] names = anyNames && !dropNames ? new String[total] : null;
        int k = 0;
        for (int i = 0; i < parts.length(); i++) {
            Object p = parts.get(i);
            if (p == RNull.INSTANCE) {
                continue;
            }
            String on = outer == null ? "" : outer.get(i);
            if (!(p instanceof RVector v)) {
                ((RList) res).data()[k] = p;
                if (names != null) {
                    names[k] = on;
                }
                k++;
                continue;
            }
            RVector cv = type == RType.LIST && !(v instanceof RList) ? Coerce.cast(v, RType.LIST, true) : Coerce.cast(v, type, true);
            RString inner = v.names();
            for (int j = 0; j < v.length(); j++) {
                res.setFrom(k, cv, j);
                if (names != null) {
                    String in = inner == null ? "" : inner.get(j);
                    if (on.isEmpty()) {
                        names[k] = in;
                    } else if (in.isEmpty()) {
                        names[k] = v.length() == 1 ? on : on + (j + 1);
                    } else {
                        names[k] = on + "." + in;
                    }
                }
                k++;
            }
        }
        if (names != null) {
            res.setAttr("names", new RString(names));
        }
        return res;
    }

    static RVector emptyOf(RType type, int n) {
        return switch (type) {
            case LOGICAL -> new RLogical(new int[n]);
            case INTEGER -> new RInt(new int[n]);
            case DOUBLE -> new RDouble(new double[n]);
            case CHARACTER -> new RString(new String[n]);
            default -> new RList(new Object[n]);
        };
    }

    static RVector rep(RVector x, Object times, Object each, Object lengthOut) {
        int n = x.length();
        int e = Arg.absent(each) ? 1 : RValues.asInt(each);
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < e; k++) {
                idx.add(i);
            }
        }
        if (!Arg.absent(times)) {
            RVector tv = (RVector) times;
            if (tv.length() == 1) {
                int tt = RValues.asInt(tv);
                List<Integer> r = new ArrayList<>();
                for (int k = 0; k < tt; k++) {
                    r.addAll(idx);
                }
                idx = r;
            } else {
                if (tv.length() != idx.size()) {
                    throw new RErrorSignal("invalid 'times' argument");
                }
                List<Integer> r = new ArrayList<>();
                for (int k = 0; k < idx.size(); k++) {
                    for (int m = 0; m < Coerce.intAt(tv, k); m++) {
                        r.add(idx.get(k));
                    }
                }
                idx = r;
            }
        }
        if (!Arg.absent(lengthOut)) {
            int lo = RValues.asInt(lengthOut);
            List<Integer> r = new ArrayList<>();
            for (int k = 0; k < lo && !idx.isEmpty(); k++) {
                r.add(idx.get(k % idx.size()));
            }
            idx = r;
        }
        int[] pos = idx.stream().mapToInt(Integer::intValue).toArray();
        RVector res = org.torchglot.lang.r.runtime.Extract.gather(x, pos);
        RString names = x.names();
        if (names != null) {
            res.setAttr("names", org.torchglot.lang.r.runtime.Extract.gather(names, pos));
        }
        return res;
    }
}
