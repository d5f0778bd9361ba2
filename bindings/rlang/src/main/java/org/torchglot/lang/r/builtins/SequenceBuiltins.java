package org.torchglot.lang.r.builtins;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

import org.torchglot.lang.r.runtime.Coerce;
import org.torchglot.lang.r.runtime.Ops;
import org.torchglot.lang.r.runtime.RDouble;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RNA;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RType;
import org.torchglot.lang.r.runtime.RValues;
import org.torchglot.lang.r.runtime.RVector;

/** Sequences and orderings: seq, rev, sort, order, which, head, tail, unique, set operations, ifelse, any, all. */
final class SequenceBuiltins {
    private SequenceBuiltins() {
    }

    static void install(BuiltinTable t) {
        t.add("seq", "from, to, by, length.out, along.with", (c, a) -> seq(a));
        t.add("seq_len", "length.out", (c, a) -> intRange(RValues.asInt(a[0])));
        t.add("seq_along", "along.with", (c, a) -> intRange(AttributeBuiltins.length(a[0])));
        t.add("rev", "x", (c, a) -> {
            RVector v = Arg.vec(a[0]);
            int n = v.length();
            int[] pos = new int[n];
            for (int i = 0; i < n; i++) {
                pos[i] = n - 1 - i;
            }
            return Subsets.positions(v, pos);
        });
        t.add("sort", "x, decreasing, ...", (c, a) -> {
            RVector v = Arg.vec(a[0]);
            List<Integer> keep = new ArrayList<>();
            for (int i = 0; i < v.length(); i++) {
                if (!v.isNA(i)) {
                    keep.add(i);
                }
            }
            int[] pos = order(v, keep, Arg.flag(a[1], false));
            RVector r = Subsets.positions(v, pos);
            return r;
        });
        t.add("order", "..., decreasing", (c, a) -> {
            RVector v = Arg.vec(Arg.dots(a[0]).get(0));
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < v.length(); i++) {
                all.add(i);
            }
            int[] pos = order(v, all, Arg.flag(a[1], false));
            for (int i = 0; i < pos.length; i++) {
                pos[i]++;
            }
            return new RInt(pos);
        });
        t.add("which", "x, arr.ind, useNames", (c, a) -> {
            RVector v = Arg.vec(a[0]);
            if (!(v instanceof RLogical l)) {
                throw new RErrorSignal("argument to 'which' is not logical");
            }
            List<Integer> r = new ArrayList<>();
            for (int i = 0; i < l.length(); i++) {
                if (l.get(i) == 1) {
                    r.add(i);
                }
            }
            int[] pos = r.stream().mapToInt(Integer::intValue).toArray();
            RInt res = new RInt(Arrays.stream(pos).map(p -> p + 1).toArray());
            if (v.names() != null) {
                res.setAttr("names", org.torchglot.lang.r.runtime.Extract.gather(v.names(), pos));
            }
            return res;
        });
        t.add("which.max", "x", (c, a) -> whichExtreme(Arg.vec(a[0]), true));
        t.add("which.min", "x", (c, a) -> whichExtreme(Arg.vec(a[0]), false));
        t.add("head", "x, n", (c, a) -> {
            RVector v = Arg.vec(a[0]);
            int n = Arg.integer(a[1], 6);
            int k = n >= 0 ? Math.min(n, v.length()) : Math.max(0, v.length() + n);
            return Subsets.range(v, 0, k);
        });
        t.add("tail", "x, n", (c, a) -> {
            RVector v = Arg.vec(a[0]);
            int n = Arg.integer(a[1], 6);
            int k = n >= 0 ? Math.min(n, v.length()) : Math.max(0, v.length() + n);
            return Subsets.range(v, v.length() - k, v.length());
        });
        t.add("unique", "x, ...", (c, a) -> {
            RVector v = Arg.vec(a[0]);
            return org.torchglot.lang.r.runtime.Extract.gather(v, firstOccurrences(v));
        });
        t.add("duplicated", "x, ...", (c, a) -> {
            RVector v = Arg.vec(a[0]);
            int[] m = Ops.match(v, v);
            int[] r = new int[v.length()];
            for (int i = 0; i < r.length; i++) {
                r[i] = m[i] - 1 != i ? 1 : 0;
            }
            return new RLogical(r);
        });
        t.add("match", "x, table, nomatch", (c, a) -> {
            int[] m = Ops.match(Arg.vec(a[0]), Arg.vec(a[1]));
            int nomatch = Arg.missing(a[2]) ? RNA.INT : RValues.asInt(a[2]);
            for (int i = 0; i < m.length; i++) {
                if (m[i] == RNA.INT) {
                    m[i] = nomatch;
                }
            }
            return new RInt(m);
        });
        t.add("union", "x, y", (c, a) -> {
            Object both = ConstructorBuiltins.combine(new RList(new Object[]{stripNames(Arg.vec(a[0])), stripNames(Arg.vec(a[1]))}), true);
            RVector v = Arg.vec(both);
            return org.torchglot.lang.r.runtime.Extract.gather(v, firstOccurrences(v));
        });
        t.add("intersect", "x, y", (c, a) -> setOp(Arg.vec(a[0]), Arg.vec(a[1]), true));
        t.add("setdiff", "x, y", (c, a) -> setOp(Arg.vec(a[0]), Arg.vec(a[1]), false));
        t.add("ifelse", "test, yes, no", (c, a) -> {
            RVector test = Arg.vec(a[0]);
            RVector yes = Arg.vec(a[1]);
            RVector no = Arg.vec(a[2]);
            RType type = RType.LOGICAL;
            boolean anyT = false;
            boolean anyF = false;
            for (int i = 0; i < test.length(); i++) {
                int b = Coerce.logicalAt(test, i);
                anyT |= b == 1;
                anyF |= b == 0;
            }
            if (anyT) {
                type = RType.max(type, yes.type());
            }
            if (anyF) {
                type = RType.max(type, no.type());
            }
            RVector y = Coerce.cast(yes, type, false);
            RVector n = Coerce.cast(no, type, false);
            RVector r = ConstructorBuiltins.emptyOf(type, test.length());
            for (int i = 0; i < test.length(); i++) {
                int b = Coerce.logicalAt(test, i);
                if (b == RNA.INT) {
                    r.setFrom(i, r.createEmpty(1), 0);
                } else if (b == 1) {
                    r.setFrom(i, y, i % y.length());
                } else {
                    r.setFrom(i, n, i % n.length());
                }
            }
            r.setAttr("names", test.names());
            r.setAttr("dim", test.getAttr("dim"));
            return r;
        });
        t.add("any", "..., na.rm", (c, a) -> anyAll(Arg.dots(a[0]), true, Arg.flag(a[1], false)));
        t.add("all", "..., na.rm", (c, a) -> anyAll(Arg.dots(a[0]), false, Arg.flag(a[1], false)));
    }

    private static RVector stripNames(RVector v) {
        RVector r = v.copy();
        r.setAttr("names", null);
        return r;
    }

    static RInt intRange(int n) {
        if (n < 0) {
            throw new RErrorSignal("argument of length 0");
        }
        int[] d = new int[n];
        for (int i = 0; i < n; i++) {
            d[i] = i + 1;
        }
        return new RInt(d);
    }

    private static Object seq(Object[] a) {
        Object from = a[0];
        Object to = a[1];
        Object by = a[2];
        Object len = a[3];
        if (!Arg.missing(a[4])) {
            return intRange(AttributeBuiltins.length(a[4]));
        }
        if (!Arg.missing(from) && Arg.missing(to) && Arg.missing(by) && Arg.missing(len)) {
            RVector f = Arg.vec(from);
            if (f.length() == 1) {
                return intRange(RValues.asInt(f));
            }
            return intRange(f.length());
        }
        if (Arg.missing(by) && Arg.missing(len)) {
            return Ops.colon(Arg.missing(from) ? RDouble.of(1) : from, to);
        }
        if (!Arg.missing(len)) {
            int n = (int) Math.ceil(RValues.asDouble(len));
            double f = Arg.dbl(from, 1);
            if (Arg.missing(to) && !Arg.missing(by)) {
                double b = RValues.asDouble(by);
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = f + i * b;
                }
                return maybeInt(d, from, by);
            }
            double tt = Arg.missing(to) ? f + n - 1 : RValues.asDouble(to);
            if (Arg.missing(from)) {
                f = tt - (n - 1) * (Arg.missing(by) ? 1 : RValues.asDouble(by));
            }
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = n == 1 ? f : f + i * (tt - f) / (n - 1);
            }
            return maybeInt(d, from, Arg.missing(from) || Arg.missing(to) ? RInt.of(1) : by);
        }
        double f = Arg.dbl(from, 1);
        double tt = RValues.asDouble(to);
        double b = RValues.asDouble(by);
        if (b == 0 || (tt - f) / b < 0) {
            if (f == tt) {
                return from;
            }
            throw new RErrorSignal("wrong sign in 'by' argument");
        }
        int n = (int) Math.floor((tt - f) / b + 1e-10) + 1;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = f + i * b;
        }
        return maybeInt(d, from, by);
    }

    /** seq returns integers when from and by are integers (or whole and by is missing). */
    private static RVector maybeInt(double[] d, Object from, Object by) {
        boolean intFrom = Arg.missing(from) || from instanceof RInt;
        boolean intBy = by instanceof RInt;
        if (intFrom && intBy) {
            int[] r = new int[d.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = (int) d[i];
            }
            return new RInt(r);
        }
        return new RDouble(d);
    }

    private static Comparator<Integer> comparator(RVector v) {
        if (v instanceof RString s) {
            return (i, j) -> Ops.compareStrings(s.get(i), s.get(j));
        }
        return (i, j) -> Double.compare(Coerce.doubleAt(v, i), Coerce.doubleAt(v, j));
    }

    /** A stable order of the given positions; NAs last. */
    static int[] order(RVector v, List<Integer> positions, boolean decreasing) {
        List<Integer> na = new ArrayList<>();
        List<Integer> ok = new ArrayList<>();
        for (int p : positions) {
            (v.isNA(p) ? na : ok).add(p);
        }
        Comparator<Integer> cmp = comparator(v);
        ok.sort(decreasing ? cmp.reversed() : cmp);
        ok.addAll(na);
        return ok.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Object whichExtreme(RVector v, boolean max) {
        int best = -1;
        for (int i = 0; i < v.length(); i++) {
            if (v.isNA(i)) {
                continue;
            }
            double x = Coerce.doubleAt(v, i);
            if (best < 0 || (max ? x > Coerce.doubleAt(v, best) : x < Coerce.doubleAt(v, best))) {
                best = i;
            }
        }
        if (best < 0) {
            return new RInt(new int[0]);
        }
        RInt r = RInt.of(best + 1);
        if (v.names() != null) {
            r.setAttr("names", RString.of(v.names().get(best)));
        }
        return r;
    }

    static int[] firstOccurrences(RVector v) {
        int[] m = Ops.match(v, v);
        LinkedHashSet<Integer> seen = new LinkedHashSet<>();
        for (int x : m) {
            seen.add(x - 1);
        }
        return seen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Object setOp(RVector x, RVector y, boolean keepCommon) {
        RVector ux = org.torchglot.lang.r.runtime.Extract.gather(x, firstOccurrences(x));
        int[] m = Ops.match(ux, y);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < m.length; i++) {
            if ((m[i] != RNA.INT) == keepCommon) {
                keep.add(i);
            }
        }
        RVector r = org.torchglot.lang.r.runtime.Extract.gather(ux, keep.stream().mapToInt(Integer::intValue).toArray());
        if (keepCommon && y.type().ordinal() > r.type().ordinal()) {
            return Coerce.cast(r, y.type(), false);
        }
        return r;
    }

    private static Object anyAll(RList parts, boolean any, boolean naRm) {
        boolean sawNA = false;
        for (Object p : parts.data()) {
            RVector v = Arg.vec(p);
            for (int i = 0; i < v.length(); i++) {
                int b = Coerce.logicalAt(v, i);
                if (b == RNA.INT) {
                    sawNA = true;
                } else if (any && b == 1) {
                    return RLogical.of(true);
                } else if (!any && b == 0) {
                    return RLogical.of(false);
                }
            }
        }
        if (sawNA && !naRm) {
            return RLogical.na();
        }
        return RLogical.of(!any);
    }
}
