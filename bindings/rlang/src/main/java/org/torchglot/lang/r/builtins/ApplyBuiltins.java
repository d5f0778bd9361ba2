package org.torchglot.lang.r.builtins;

import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.runtime.Coerce;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RFunction;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RPromise;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RType;
import org.torchglot.lang.r.runtime.RVector;

/** Functional helpers: lapply, sapply, vapply, Map, mapply, Reduce, Filter, and purrr's walk and map. */
final class ApplyBuiltins {
    private ApplyBuiltins() {
    }

    static void install(BuiltinTable t) {
        t.add("lapply", "X, FUN, ...", (c, a) -> lapply(c, a[0], a[1], Arg.dots(a[2])));
        t.add("map", ".x, .f, ...", (c, a) -> lapply(c, a[0], a[1], Arg.dots(a[2])));
        t.add("sapply", "X, FUN, ..., simplify, USE.NAMES", (c, a) -> {
            RList r = lapply(c, a[0], a[1], Arg.dots(a[2]));
            if (Arg.flag(a[4], true) && a[0] instanceof RString s && r.names() == null) {
                r.setAttr("names", s);
            }
            return Arg.flag(a[3], true) ? simplify(r) : r;
        });
        t.add("vapply", "X, FUN, FUN.VALUE, ..., USE.NAMES", (c, a) -> {
            RList r = lapply(c, a[0], a[1], Arg.dots(a[3]));
            RVector template = Arg.vec(a[2]);
            for (int i = 0; i < r.length(); i++) {
                int len = AttributeBuiltins.length(r.get(i));
                if (len != template.length()) {
                    throw new RErrorSignal("values must be length " + template.length() + ",\n but FUN(X[[" + (i + 1) + "]]) result is length " + len);
                }
            }
            if (Arg.flag(a[4], true) && a[0] instanceof RString s && r.names() == null) {
                r.setAttr("names", s);
            }
            Object s = simplify(r);
            if (r.length() == 0) {
                return ConstructorBuiltins.emptyOf(template.type(), 0);
            }
            return s instanceof RVector v && !(v instanceof RList) ? Coerce.cast(v, template.type(), true) : s;
        });
        t.add("mapply", "FUN, ..., MoreArgs, SIMPLIFY, USE.NAMES", (c, a) -> {
            RList r = mapply(c, a[0], Arg.dots(a[1]), a[2]);
            return Arg.flag(a[3], true) ? simplify(r) : r;
        });
        t.add("Map", "f, ...", (c, a) -> mapply(c, a[0], Arg.dots(a[1]), RNull.INSTANCE));
        t.add("walk", ".x, .f, ...", (c, a) -> {
            lapply(c, a[0], a[1], Arg.dots(a[2]));
            c.setInvisible();
            return a[0];
        });
        t.add("Reduce", "f, x, init, right, accumulate", (c, a) -> reduce(c, a));
        t.add("Filter", "f, x", (c, a) -> {
            RVector x = Arg.vec(a[1]);
            RList r = lapply(c, x, a[0], new RList(new Object[0]));
            int[] keep = new int[r.length()];
            int k = 0;
            for (int i = 0; i < r.length(); i++) {
                if (r.get(i) instanceof RVector v && v.length() > 0 && Coerce.logicalAt(v, 0) == 1) {
                    keep[k++] = i;
                }
            }
            return Subsets.positions(x, java.util.Arrays.copyOf(keep, k));
        });
        t.add("match.fun", "FUN", (c, a) -> function(c, a[0]));
    }

    static RFunction function(RCall c, Object f) {
        if (f instanceof RString s) {
            Object v = RPromise.forceValue(c.env().lookup(s.get(0)));
            if (v instanceof RFunction fn) {
                return fn;
            }
            throw new RErrorSignal("could not find function \"" + s.get(0) + "\"");
        }
        if (f instanceof RFunction fn) {
            return fn;
        }
        throw new RErrorSignal("'" + org.torchglot.lang.r.runtime.RDeparser.deparse(f) + "' is not a function, character or symbol");
    }

    static Object element(RVector x, int i) {
        return x instanceof RList l ? l.get(i) : x.elementVector(i);
    }

    static RList lapply(RCall c, Object xo, Object fo, RList extra) {
        RFunction f = function(c, fo);
        RVector x = xo instanceof org.torchglot.lang.r.runtime.REnvironment e ? (RVector) TypeBuiltins.as(RNull.INSTANCE, RType.LIST) : Arg.vec(xo);
        Object[] r = new Object[x.length()];
        for (int i = 0; i < r.length; i++) {
            Object[] args = new Object[extra.length() + 1];
            String[] names = new String[args.length];
            args[0] = element(x, i);
            for (int k = 0; k < extra.length(); k++) {
                args[k + 1] = extra.get(k);
                names[k + 1] = extra.names() == null || extra.names().get(k).isEmpty() ? null : extra.names().get(k);
            }
            r[i] = c.callFunction(f, args, names);
        }
        RList l = new RList(r);
        l.setAttr("names", x.names());
        return l;
    }

    /** sapply's simplification: all length 1 becomes a vector, all the same length k > 1 a k-row matrix. */
    static Object simplify(RList r) {
        int n = r.length();
        if (n == 0) {
            return r;
        }
        int common = -1;
        for (Object o : r.data()) {
            if (!(o instanceof RVector v) || v instanceof RList && v.length() != 1) {
                return r;
            }
            int len = v.length();
            if (common < 0) {
                common = len;
            } else if (common != len) {
                return r;
            }
        }
        if (common == 1) {
            boolean anyList = false;
            for (Object o : r.data()) {
                anyList |= o instanceof RList;
            }
            if (anyList) {
                return r;
            }
            RList unnamed = new RList(r.data());
            Object v = ConstructorBuiltins.combine(unnamed, true);
            if (v instanceof RVector vec) {
                RVector copy = vec.copy();
                copy.setAttr("names", r.names());
                return copy;
            }
            return v;
        }
        if (common > 1) {
            Object v = ConstructorBuiltins.combine(new RList(r.data()), false);
            RVector vec = ((RVector) v).copy();
            vec.setAttr("names", null);
            vec.setAttr("dim", RInt.of(common, n));
            RString rowNames = ((RVector) r.get(0)).names();
            if (rowNames != null || r.names() != null) {
                vec.setAttr("dimnames", new RList(new Object[]{rowNames == null ? RNull.INSTANCE : rowNames, r.names() == null ? RNull.INSTANCE : r.names()}));
            }
            return vec;
        }
        return r;
    }

    private static RList mapply(RCall c, Object fo, RList lists, Object moreArgs) {
        RFunction f = function(c, fo);
        int n = 0;
        for (Object o : lists.data()) {
            n = Math.max(n, AttributeBuiltins.length(o));
        }
        RList more = moreArgs instanceof RList m ? m : new RList(new Object[0]);
        Object[] r = new Object[n];
        for (int i = 0; i < n; i++) {
            int k = lists.length();
            Object[] args = new Object[k + more.length()];
            String[] names = new String[args.length];
            for (int j = 0; j < k; j++) {
                RVector v = Arg.vec(lists.get(j));
                args[j] = element(v, i % v.length());
                names[j] = lists.names() == null || lists.names().get(j).isEmpty() ? null : lists.names().get(j);
            }
            for (int j = 0; j < more.length(); j++) {
                args[k + j] = more.get(j);
                names[k + j] = more.names() == null ? null : more.names().get(j);
            }
            r[i] = c.callFunction(f, args, names);
        }
        RList l = new RList(r);
        if (lists.length() > 0 && lists.get(0) instanceof RVector first) {
            if (first.names() != null) {
                l.setAttr("names", first.names());
            } else if (first instanceof RString s) {
                l.setAttr("names", s);
            }
        }
        return l;
    }

    private static Object reduce(RCall c, Object[] a) {
        RFunction f = function(c, a[0]);
        RVector x = Arg.vec(a[1]);
        boolean right = Arg.flag(a[3], false);
        boolean accumulate = Arg.flag(a[4], false);
        int n = x.length();
        boolean hasInit = !Arg.missing(a[2]);
        int count = n + (hasInit ? 1 : 0);
        if (count == 0) {
            return RNull.INSTANCE;
        }
        // NOTE: items are read in place rather than copied first, so a long Reduce reaches its first call
        // (and a safepoint, for Ctrl-C and time limits) at once.
        java.util.function.IntFunction<Object> item = k -> {
            if (hasInit && k == 0) {
                return a[2];
            }
            int j = hasInit ? k - 1 : k;
            return element(x, right ? n - 1 - j : j);
        };
        Object acc = item.apply(0);
        java.util.List<Object> steps = new java.util.ArrayList<>();
        steps.add(acc);
        for (int i = 1; i < count; i++) {
            acc = right ? c.callFunction(f, item.apply(i), acc) : c.callFunction(f, acc, item.apply(i));
            if (accumulate) {
                steps.add(acc);
            }
        }
        if (accumulate) {
            return simplify(new RList(steps.toArray()));
        }
        return acc;
    }

    static boolean isTrue(Object v) {
        return v instanceof RLogical l && l.length() == 1 && l.get(0) == 1;
    }
}
