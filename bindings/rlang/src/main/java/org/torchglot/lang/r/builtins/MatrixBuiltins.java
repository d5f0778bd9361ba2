package org.torchglot.lang.r.builtins;

import java.util.ArrayList;
import java.util.List;

import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.nodes.RSymbolNode;
import org.torchglot.lang.r.runtime.Coerce;
import org.torchglot.lang.r.runtime.Ops;
import org.torchglot.lang.r.runtime.RDots;
import org.torchglot.lang.r.runtime.RDouble;
import org.torchglot.lang.r.runtime.RErrorSignal;
import org.torchglot.lang.r.runtime.RFunction;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RPromise;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RType;
import org.torchglot.lang.r.runtime.RValues;
import org.torchglot.lang.r.runtime.RVector;

/** Matrices and arrays: matrix, array, dim queries, rbind, cbind, t, diag, outer, crossprod, row/column sums, apply. */
final class MatrixBuiltins {
    private MatrixBuiltins() {
    }

    static void install(BuiltinTable t) {
        t.add("matrix", "data, nrow, ncol, byrow, dimnames", (c, a) -> matrix(c, a));
        t.add("array", "data, dim, dimnames", (c, a) -> {
            RVector data = Arg.missing(a[0]) ? org.torchglot.lang.r.runtime.RLogical.na() : Arg.vec(a[0]);
            RInt dim = Arg.missing(a[1]) ? RInt.of(data.length()) : (RInt) Coerce.cast(Arg.vec(a[1]), RType.INTEGER, false);
            int n = 1;
            for (int d : dim.data()) {
                n *= d;
            }
            RVector r = recycle(data, n);
            r.setAttr("dim", dim);
            if (!Arg.absent(a[2])) {
                r.setAttr("dimnames", a[2]);
            }
            return r;
        });
        // as.matrix: a vector becomes one column; a matrix stays as it is (torch tensors dispatch first).
        t.add("as.matrix", "x, ...", (c, a) -> {
            RVector x = Arg.vec(a[0]);
            int[] d = x.dim();
            if (d != null && d.length == 2) {
                return x;
            }
            RVector r = recycle(x, x.length());
            r.setAttr("dim", RInt.of(x.length(), 1));
            return r;
        });
        t.add("as.array", "x, ...", (c, a) -> {
            RVector x = Arg.vec(a[0]);
            if (x.dim() != null) {
                return x;
            }
            RVector r = recycle(x, x.length());
            r.setAttr("dim", RInt.of(x.length()));
            return r;
        });
        t.add("nrow", "x", (c, a) -> dimAt(a[0], 0, false));
        t.add("ncol", "x", (c, a) -> dimAt(a[0], 1, false));
        t.add("NROW", "x", (c, a) -> dimAt(a[0], 0, true));
        t.add("NCOL", "x", (c, a) -> dimAt(a[0], 1, true));
        t.lazy("rbind", "..., deparse.level", (c, a) -> bind(Arg.lazyDots(a[0]), true));
        t.lazy("cbind", "..., deparse.level", (c, a) -> bind(Arg.lazyDots(a[0]), false));
        t.add("t", "x", (c, a) -> transpose(Arg.vec(a[0])));
        t.add("diag", "x, nrow, ncol", (c, a) -> {
            RVector x = Arg.vec(a[0]);
            int[] d = x.dim();
            if (d != null && d.length == 2) {
                int k = Math.min(d[0], d[1]);
                int[] pos = new int[k];
                for (int i = 0; i < k; i++) {
                    pos[i] = i + i * d[0];
                }
                return org.torchglot.lang.r.runtime.Extract.gather(x, pos);
            }
            int n = x.length() == 1 && Arg.missing(a[1]) ? RValues.asInt(x) : Arg.integer(a[1], x.length());
            RVector vals = x.length() == 1 && Arg.missing(a[1]) ? RDouble.of(1) : x;
            double[] m = new double[n * n];
            for (int i = 0; i < n; i++) {
                m[i + i * n] = Coerce.doubleAt(vals, i % vals.length());
            }
            RDouble r = new RDouble(m);
            r.setAttr("dim", RInt.of(n, n));
            return r;
        });
        t.add("outer", "X, Y, FUN", (c, a) -> {
            RVector x = Arg.vec(a[0]);
            RVector y = Arg.vec(a[1]);
            int nx = x.length();
            int ny = y.length();
            int[] px = new int[nx * ny];
            int[] py = new int[nx * ny];
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    px[i + j * nx] = i;
                    py[i + j * nx] = j;
                }
            }
            RVector ex = org.torchglot.lang.r.runtime.Extract.gather(x, px);
            RVector ey = org.torchglot.lang.r.runtime.Extract.gather(y, py);
            Object f = Arg.missing(a[2]) ? RString.of("*") : a[2];
            Object r = f instanceof RString s ? Ops.binary(s.get(0), ex, ey, c.env(), c.site()) : c.callFunction(f, ex, ey);
            RVector rv = ((RVector) r).copy();
            rv.setAttr("dim", RInt.of(nx, ny));
            return rv;
        });
        t.add("crossprod", "x, y", (c, a) -> Ops.matmul(transpose(Arg.vec(a[0])), Arg.missing(a[1]) ? a[0] : a[1]));
        t.add("colSums", "x, na.rm", (c, a) -> margins(Arg.vec(a[0]), false, false));
        t.add("rowSums", "x, na.rm", (c, a) -> margins(Arg.vec(a[0]), true, false));
        t.add("colMeans", "x, na.rm", (c, a) -> margins(Arg.vec(a[0]), false, true));
        t.add("rowMeans", "x, na.rm", (c, a) -> margins(Arg.vec(a[0]), true, true));
        t.add("apply", "X, MARGIN, FUN, ...", MatrixBuiltins::apply);
    }

    private static RVector recycle(RVector data, int n) {
        RVector r = data.createEmpty(n);
        for (int i = 0; i < n && data.length() > 0; i++) {
            r.setFrom(i, data, i % data.length());
        }
        return r;
    }

    private static Object matrix(RCall c, Object[] a) {
        RVector data = Arg.missing(a[0]) ? org.torchglot.lang.r.runtime.RLogical.na() : Arg.vec(a[0]);
        int len = data.length();
        int nrow;
        int ncol;
        if (Arg.missing(a[1]) && Arg.missing(a[2])) {
            nrow = len;
            ncol = 1;
        } else if (Arg.missing(a[2])) {
            nrow = RValues.asInt(a[1]);
            ncol = (int) Math.ceil((double) len / nrow);
        } else if (Arg.missing(a[1])) {
            ncol = RValues.asInt(a[2]);
            nrow = (int) Math.ceil((double) len / ncol);
        } else {
            nrow = RValues.asInt(a[1]);
            ncol = RValues.asInt(a[2]);
        }
        if (len > 1 && nrow * ncol % len != 0) {
            if (!Arg.missing(a[1]) && len % nrow != 0 && nrow % len != 0) {
                c.warning("data length [" + len + "] is not a sub-multiple or multiple of the number of rows [" + nrow + "]");
            } else if (len % ncol != 0 && ncol % len != 0) {
                c.warning("data length [" + len + "] is not a sub-multiple or multiple of the number of columns [" + ncol + "]");
            }
        }
        boolean byrow = Arg.flag(a[3], false);
        RVector r = data.createEmpty(nrow * ncol);
        for (int i = 0; i < nrow; i++) {
            for (int j = 0; j < ncol; j++) {
                int src = byrow ? i * ncol + j : i + j * nrow;
                if (len > 0) {
                    r.setFrom(i + j * nrow, data, src % len);
                }
            }
        }
        r.setAttr("dim", RInt.of(nrow, ncol));
        if (!Arg.absent(a[4])) {
            r.setAttr("dimnames", a[4]);
        }
        return r;
    }

    private static Object dimAt(Object x, int k, boolean vectorAsColumn) {
        if (x instanceof RVector v) {
            int[] d = v.dim();
            if (d != null && d.length > k) {
                return RInt.of(d[k]);
            }
            if (vectorAsColumn) {
                return RInt.of(k == 0 ? v.length() : 1);
            }
        }
        return RNull.INSTANCE;
    }

    static RVector transpose(RVector x) {
        int[] d = x.dim();
        if (d == null) {
            RVector r = x.copyData(x.length());
            r.setAttr("dim", RInt.of(1, x.length()));
            if (x.names() != null) {
                r.setAttr("dimnames", new RList(new Object[]{RNull.INSTANCE, x.names()}));
            }
            return r;
        }
        int nr = d[0];
        int nc = d[1];
        RVector r = x.createEmpty(x.length());
        for (int i = 0; i < nr; i++) {
            for (int j = 0; j < nc; j++) {
                r.setFrom(j + i * nc, x, i + j * nr);
            }
        }
        r.setAttr("dim", RInt.of(nc, nr));
        if (x.getAttr("dimnames") instanceof RList dn) {
            r.setAttr("dimnames", new RList(new Object[]{dn.length() > 1 ? dn.get(1) : RNull.INSTANCE, dn.get(0)}));
        }
        return r;
    }

    /** rbind/cbind; unnamed symbol arguments name their row/column, as deparse.level = 1 does. */
    private static Object bind(RDots d, boolean rows) {
        List<RVector> parts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        RType type = RType.LOGICAL;
        int len = 0;
        for (int i = 0; i < d.length(); i++) {
            Object v = RPromise.forceValue(d.values()[i]);
            if (v == RNull.INSTANCE) {
                continue;
            }
            RVector vec = Arg.vec(v);
            String label = d.names()[i];
            if (label == null && d.values()[i] instanceof RPromise p && p.expr() instanceof RSymbolNode s) {
                label = s.name();
            }
            parts.add(vec);
            labels.add(vec.dim() != null ? null : label);
            type = RType.max(type, vec.type());
            int[] dim = vec.dim();
            len = Math.max(len, dim != null ? (rows ? dim[1] : dim[0]) : vec.length());
        }
        if (parts.isEmpty()) {
            return RNull.INSTANCE;
        }
        List<Integer> counts = new ArrayList<>();
        int total = 0;
        for (RVector p : parts) {
            int[] dim = p.dim();
            int k = dim != null ? (rows ? dim[0] : dim[1]) : 1;
            counts.add(k);
            total += k;
        }
        RVector res = ConstructorBuiltins.emptyOf(type, total * len);
        String[] names = new String[total];
        boolean anyName = false;
        RString otherNames = null;
        int offset = 0;
        for (int pi = 0; pi < parts.size(); pi++) {
            RVector p = Coerce.cast(parts.get(pi), type, true);
            int[] dim = p.dim();
            int k = counts.get(pi);
            RList dn = p.getAttr("dimnames") instanceof RList l ? l : null;
            for (int r = 0; r < k; r++) {
                for (int j = 0; j < len; j++) {
                    int src = dim != null ? (rows ? r + j * dim[0] : j + r * dim[0]) : j % p.length();
                    int dst = rows ? (offset + r) + j * total : j + (offset + r) * len;
                    res.setFrom(dst, p, src);
                }
                String nm = dim == null ? labels.get(pi) : dn != null && dn.get(rows ? 0 : 1) instanceof RString s ? s.get(r) : null;
                names[offset + r] = nm == null ? "" : nm;
                anyName |= nm != null;
            }
            if (dim == null && p.names() != null && otherNames == null && p.length() == len) {
                otherNames = p.names();
            }
            if (dim != null && dn != null && dn.length() > 1 && dn.get(rows ? 1 : 0) instanceof RString s) {
                otherNames = s;
            }
            offset += k;
        }
        res.setAttr("dim", rows ? RInt.of(total, len) : RInt.of(len, total));
        if (anyName || otherNames != null) {
            Object mine = anyName ? new RString(names) : RNull.INSTANCE;
            Object other = otherNames == null ? RNull.INSTANCE : otherNames;
            res.setAttr("dimnames", new RList(rows ? new Object[]{mine, other} : new Object[]{other, mine}));
        }
        return res;
    }

    private static Object margins(RVector x, boolean rows, boolean mean) {
        int[] d = x.dim();
        if (d == null || d.length != 2) {
            throw new RErrorSignal("'x' must be an array of at least two dimensions");
        }
        int n = rows ? d[0] : d[1];
        int m = rows ? d[1] : d[0];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += Coerce.doubleAt(x, rows ? i + j * d[0] : j + i * d[0]);
            }
            r[i] = mean ? s / m : s;
        }
        RDouble res = new RDouble(r);
        if (x.getAttr("dimnames") instanceof RList dn && dn.get(rows ? 0 : 1) instanceof RString s) {
            res.setAttr("names", s);
        }
        return res;
    }

    private static Object apply(RCall c, Object[] a) {
        RVector x = Arg.vec(a[0]);
        int margin = RValues.asInt(a[1]);
        Object f = a[2];
        if (f instanceof RString s) {
            f = RPromise.forceValue(c.env().lookup(s.get(0)));
        }
        if (!(f instanceof RFunction)) {
            throw new RErrorSignal("'FUN' is not a function");
        }
        int[] d = x.dim();
        if (d == null || d.length != 2) {
            throw new RErrorSignal("dim(X) must have a positive length");
        }
        RList extra = Arg.dots(a[3]);
        int n = margin == 1 ? d[0] : d[1];
        int m = margin == 1 ? d[1] : d[0];
        Object[] results = new Object[n];
        for (int i = 0; i < n; i++) {
            int[] pos = new int[m];
            for (int j = 0; j < m; j++) {
                pos[j] = margin == 1 ? i + j * d[0] : j + i * d[0];
            }
            RVector slice = org.torchglot.lang.r.runtime.Extract.gather(x, pos);
            Object[] args = new Object[extra.length() + 1];
            String[] names = new String[args.length];
            args[0] = slice;
            for (int k = 0; k < extra.length(); k++) {
                args[k + 1] = extra.get(k);
                names[k + 1] = extra.names() == null ? null : extra.names().get(k);
            }
            results[i] = c.callFunction(f, args, names);
        }
        RList l = new RList(results);
        if (x.getAttr("dimnames") instanceof RList dn && dn.get(margin - 1) instanceof RString s) {
            l.setAttr("names", s);
        }
        return ApplyBuiltins.simplify(l);
    }
}
