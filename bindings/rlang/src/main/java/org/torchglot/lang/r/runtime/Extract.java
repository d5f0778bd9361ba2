package org.torchglot.lang.r.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.torchglot.lang.r.RClassHandler;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.nodes.Node;

/** Reading parts of values: {@code $}, {@code [} (vectors, matrices, arrays; {@code drop}) and {@code [[}. */
public final class Extract {
    private Extract() {
    }

    /** Resolved subscripts: 0-based positions ({@code -1} for NA, {@code >= n} beyond the end) and names for new elements. */
    public record Positions(int[] pos, String[] newNames) {
    }

    @TruffleBoundary
    public static Object dollar(Object x, String name, REnvironment env, REnvironment.CallSite site) {
        if (Dispatch.isClassed(x)) {
            Object d = Dispatch.tryDispatch("$", new Object[]{x, RString.of(name)}, null, env, site, site instanceof Node n ? n : null, false);
            if (d != RClassHandler.NOT_HANDLED) {
                return d;
            }
        }
        if (x instanceof REnvironment e) {
            Object v = e.getLocal(name);
            return v == null ? RNull.INSTANCE : RPromise.forceValue(v);
        }
        if (x instanceof RList l) {
            RString names = l.names();
            if (names == null) {
                return RNull.INSTANCE;
            }
            int partial = -1;
            int partialCount = 0;
            for (int i = 0; i < names.length(); i++) {
                String nm = names.get(i);
                if (name.equals(nm)) {
                    return l.get(i);
                }
                if (nm != null && nm.startsWith(name)) {
                    partial = i;
                    partialCount++;
                }
            }
            return partialCount == 1 ? l.get(partial) : RNull.INSTANCE;
        }
        if (x == RNull.INSTANCE) {
            return RNull.INSTANCE;
        }
        if (x instanceof RVector) {
            throw new RErrorSignal("$ operator is invalid for atomic vectors");
        }
        if (!(x instanceof RAttributable)) {
            InteropLibrary lib = InteropLibrary.getUncached(x);
            if (lib.hasMembers(x)) {
                try {
                    return ForeignValues.toR(lib.readMember(x, name));
                } catch (InteropException e) {
                    throw new RErrorSignal("no member '" + name + "' in foreign object");
                }
            }
        }
        throw new RErrorSignal("object of type '" + RValues.typeOf(x) + "' is not subsettable");
    }

    @TruffleBoundary
    public static Object index(Object x, Object[] idx, String[] names, boolean dbl, REnvironment env, REnvironment.CallSite site) {
        if (Dispatch.isClassed(x)) {
            Object[] args = new Object[idx.length + 1];
            String[] ns = new String[idx.length + 1];
            args[0] = x;
            System.arraycopy(idx, 0, args, 1, idx.length);
            System.arraycopy(names, 0, ns, 1, idx.length);
            Object d = Dispatch.tryDispatch(dbl ? "[[" : "[", args, ns, env, site, site instanceof Node n ? n : null, false);
            if (d != RClassHandler.NOT_HANDLED) {
                return d;
            }
        }
        boolean drop = true;
        List<Object> subs = new ArrayList<>();
        for (int i = 0; i < idx.length; i++) {
            if ("drop".equals(names[i])) {
                drop = RValues.asFlag(idx[i], "drop");
            } else if (!"exact".equals(names[i])) {
                subs.add(idx[i]);
            }
        }
        if (x == RNull.INSTANCE) {
            return RNull.INSTANCE;
        }
        if (x instanceof REnvironment e && dbl && subs.size() == 1) {
            Object v = e.getLocal(RValues.asString(subs.get(0)));
            return v == null ? RNull.INSTANCE : RPromise.forceValue(v);
        }
        if (!(x instanceof RVector v)) {
            if (!(x instanceof RAttributable) && subs.size() == 1) {
                return foreignIndex(x, subs.get(0));
            }
            throw new RErrorSignal("object of type '" + RValues.typeOf(x) + "' is not subsettable");
        }
        return dbl ? element(v, subs) : subset(v, subs, drop);
    }

    private static Object foreignIndex(Object x, Object i) {
        InteropLibrary lib = InteropLibrary.getUncached(x);
        try {
            if (i instanceof RString s) {
                return ForeignValues.toR(lib.readMember(x, s.get(0)));
            }
            return ForeignValues.toR(lib.readArrayElement(x, RValues.asInt(i) - 1L));
        } catch (InteropException e) {
            throw new RErrorSignal("subscript out of bounds");
        }
    }

    /** {@code x[[i]]} or {@code m[[i, j]]}. */
    private static Object element(RVector v, List<Object> subs) {
        int pos;
        if (subs.size() == 1) {
            Object i = subs.get(0);
            if (!(i instanceof RVector iv) || iv.length() != 1) {
                if (i instanceof RVector iv2 && iv2.length() > 1 && v instanceof RList) {
                    Object cur = v;
                    for (int k = 0; k < iv2.length(); k++) {
                        cur = element((RVector) cur, List.of(iv2.elementVector(k)));
                    }
                    return cur;
                }
                throw new RErrorSignal(i instanceof RVector iv3 && iv3.length() == 0 ? "subscript of length 0" : "invalid subscript");
            }
            if (iv instanceof RString s) {
                pos = -1;
                RString nm = v.names();
                if (nm != null) {
                    pos = Arrays.asList(nm.data()).indexOf(s.get(0));
                }
                if (pos < 0) {
                    if (v instanceof RList) {
                        return RNull.INSTANCE;
                    }
                    throw new RErrorSignal("subscript out of bounds");
                }
            } else {
                double d = Coerce.doubleAt(iv, 0);
                if (d < 0) {
                    throw new RErrorSignal("invalid negative subscript in get1index <real>");
                }
                pos = (int) d - 1;
                if (pos < 0 || pos >= v.length()) {
                    throw new RErrorSignal("subscript out of bounds");
                }
            }
        } else {
            int[] dims = v.dim();
            if (dims == null || dims.length != subs.size()) {
                throw new RErrorSignal("incorrect number of subscripts");
            }
            pos = 0;
            int stride = 1;
            for (int k = 0; k < dims.length; k++) {
                int p = RValues.asInt(subs.get(k)) - 1;
                if (p < 0 || p >= dims[k]) {
                    throw new RErrorSignal("subscript out of bounds");
                }
                pos += p * stride;
                stride *= dims[k];
            }
        }
        if (v instanceof RList l) {
            return l.get(pos);
        }
        return v.elementVector(pos);
    }

    /** {@code x[i]}, {@code m[i, j]}, {@code a[i, j, k]}. */
    private static Object subset(RVector v, List<Object> subs, boolean drop) {
        int[] dims = v.dim();
        if (subs.isEmpty()) {
            return v;
        }
        if (subs.size() == 1) {
            Object i = subs.get(0);
            if (i instanceof RVector iv && iv.dim() != null && iv.dim().length == 2 && dims != null && iv.dim()[1] == dims.length && !(iv instanceof RLogical) && !(iv instanceof RString)) {
                return subsetByMatrix(v, iv, dims);
            }
            Positions p = resolve(i, v.length(), v.names(), false);
            RVector res = gather(v, p.pos());
            RString names = v.names();
            if (names != null) {
                String[] nn = new String[p.pos().length];
                for (int k = 0; k < nn.length; k++) {
                    int q = p.pos()[k];
                    nn[k] = q >= 0 && q < names.length() ? names.get(q) : v instanceof RList ? "<NA>" : null;
                }
                res.setAttr("names", new RString(nn));
            }
            return res;
        }
        if (dims == null || dims.length != subs.size()) {
            throw new RErrorSignal("incorrect number of dimensions");
        }
        RList dimnames = v.getAttr("dimnames") instanceof RList dn ? dn : null;
        int[][] pos = new int[dims.length][];
        int total = 1;
        for (int k = 0; k < dims.length; k++) {
            RString dn = dimnames != null && dimnames.get(k) instanceof RString s ? s : null;
            pos[k] = resolve(subs.get(k), dims[k], dn, false).pos();
            for (int q : pos[k]) {
                if (q >= dims[k]) {
                    throw new RErrorSignal("subscript out of bounds");
                }
            }
            total *= pos[k].length;
        }
        int[] linear = new int[total];
        int[] counter = new int[dims.length];
        for (int t = 0; t < total; t++) {
            int off = 0;
            int stride = 1;
            boolean na = false;
            for (int k = 0; k < dims.length; k++) {
                int q = pos[k][counter[k]];
                na |= q < 0;
                off += q * stride;
                stride *= dims[k];
            }
            linear[t] = na ? -1 : off;
            for (int k = 0; k < dims.length; k++) {
                if (++counter[k] < pos[k].length) {
                    break;
                }
                counter[k] = 0;
            }
        }
        RVector res = gather(v, linear);
        List<Integer> keep = new ArrayList<>();
        for (int k = 0; k < dims.length; k++) {
            if (!drop || pos[k].length != 1) {
                keep.add(k);
            }
        }
        if (drop && keep.size() <= 1) {
            if (keep.size() == 1 && dimnames != null && dimnames.get(keep.get(0)) instanceof RString dn) {
                res.setAttr("names", subsetNames(dn, pos[keep.get(0)]));
            }
            return res;
        }
        int[] nd = new int[keep.size()];
        Object[] ndn = new Object[keep.size()];
        boolean anyDn = false;
        for (int k = 0; k < nd.length; k++) {
            int dk = keep.get(k);
            nd[k] = pos[dk].length;
            ndn[k] = dimnames != null && dimnames.get(dk) instanceof RString dn ? subsetNames(dn, pos[dk]) : RNull.INSTANCE;
            anyDn |= ndn[k] != RNull.INSTANCE;
        }
        res.setAttr("dim", new RInt(nd));
        if (anyDn) {
            res.setAttr("dimnames", new RList(ndn));
        }
        return res;
    }

    private static Object subsetByMatrix(RVector v, RVector im, int[] dims) {
        int rows = im.dim()[0];
        int[] linear = new int[rows];
        for (int r = 0; r < rows; r++) {
            int off = 0;
            int stride = 1;
            for (int k = 0; k < dims.length; k++) {
                off += (Coerce.intAt(im, r + k * rows) - 1) * stride;
                stride *= dims[k];
            }
            linear[r] = off;
        }
        return gather(v, linear);
    }

    private static RString subsetNames(RString names, int[] pos) {
        String[] r = new String[pos.length];
        for (int k = 0; k < r.length; k++) {
            r[k] = pos[k] >= 0 && pos[k] < names.length() ? names.get(pos[k]) : null;
        }
        return new RString(r);
    }

    /** Elements at the given 0-based positions; NA (or NULL) for -1 and positions past the end. */
    public static RVector gather(RVector v, int[] pos) {
        RVector res = v.createEmpty(pos.length);
        int n = v.length();
        for (int k = 0; k < pos.length; k++) {
            int q = pos[k];
            if (q >= 0 && q < n) {
                res.setFrom(k, v, q);
            }
        }
        return res;
    }

    /**
     * Resolves one subscript against an extent {@code n}: missing (all), positive, negative (exclusion), logical
     * (recycled), or names. With {@code assign}, unknown names get new positions past the end.
     */
    public static Positions resolve(Object index, int n, RString names, boolean assign) {
        if (index == RMissing.INSTANCE) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return new Positions(all, null);
        }
        if (index == RNull.INSTANCE) {
            return new Positions(new int[0], null);
        }
        if (!(index instanceof RVector iv) || iv instanceof RList) {
            throw new RErrorSignal("invalid subscript type '" + RValues.typeOf(index) + "'");
        }
        if (iv instanceof RLogical l) {
            int m = Math.max(n, l.length());
            List<Integer> r = new ArrayList<>();
            if (l.length() > 0) {
                for (int i = 0; i < m; i++) {
                    int b = l.get(i % l.length());
                    if (b == RNA.INT) {
                        r.add(-1);
                    } else if (b != 0) {
                        r.add(i);
                    }
                }
            }
            return new Positions(r.stream().mapToInt(Integer::intValue).toArray(), null);
        }
        if (iv instanceof RString s) {
            int[] r = new int[s.length()];
            List<String> added = new ArrayList<>();
            for (int k = 0; k < r.length; k++) {
                String key = s.get(k);
                int p = -1;
                if (names != null && key != null) {
                    for (int i = 0; i < names.length(); i++) {
                        if (key.equals(names.get(i))) {
                            p = i;
                            break;
                        }
                    }
                }
                if (p < 0 && assign) {
                    int prev = added.indexOf(key);
                    if (prev >= 0) {
                        p = n + prev;
                    } else {
                        added.add(key);
                        p = n + added.size() - 1;
                    }
                }
                r[k] = p;
            }
            return new Positions(r, added.isEmpty() ? null : added.toArray(new String[0]));
        }
        int len = iv.length();
        boolean anyNeg = false;
        boolean anyPos = false;
        for (int k = 0; k < len; k++) {
            double d = Coerce.doubleAt(iv, k);
            if (!Double.isNaN(d)) {
                anyNeg |= d < 0 && (long) d != 0;
                anyPos |= d > 0 && (long) d != 0;
            } else {
                anyPos = true;
            }
        }
        if (anyNeg && anyPos) {
            throw new RErrorSignal("can't mix positive and negative subscripts");
        }
        if (anyNeg) {
            boolean[] excluded = new boolean[n];
            for (int k = 0; k < len; k++) {
                long e = -(long) Coerce.doubleAt(iv, k);
                if (e >= 1 && e <= n) {
                    excluded[(int) e - 1] = true;
                }
            }
            List<Integer> r = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!excluded[i]) {
                    r.add(i);
                }
            }
            return new Positions(r.stream().mapToInt(Integer::intValue).toArray(), null);
        }
        List<Integer> r = new ArrayList<>(len);
        for (int k = 0; k < len; k++) {
            double d = Coerce.doubleAt(iv, k);
            if (Double.isNaN(d)) {
                r.add(-1);
            } else if ((long) d != 0) {
                r.add((int) ((long) d - 1));
            }
        }
        return new Positions(r.stream().mapToInt(Integer::intValue).toArray(), null);
    }
}
