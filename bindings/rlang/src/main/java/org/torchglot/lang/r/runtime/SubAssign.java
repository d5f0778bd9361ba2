package org.torchglot.lang.r.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.torchglot.lang.r.RClassHandler;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.InteropException;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.nodes.Node;

/**
 * Replacing parts of values: {@code $<-}, {@code [<-}, {@code [[<-}. Vectors and lists are copied (R's value
 * semantics); environments and external objects are changed in place.
 */
public final class SubAssign {
    private SubAssign() {
    }

    @TruffleBoundary
    public static Object dollar(Object x, String name, Object value, REnvironment env, REnvironment.CallSite site) {
        if (Dispatch.isClassed(x)) {
            Object d = Dispatch.tryDispatch("$<-", new Object[]{x, RString.of(name), value}, new String[]{null, null, "value"}, env, site,
                            site instanceof Node n ? n : null, false);
            if (d != RClassHandler.NOT_HANDLED) {
                return d;
            }
        }
        if (x instanceof REnvironment e) {
            e.put(name, value);
            return e;
        }
        if (x == RNull.INSTANCE) {
            x = new RList(new Object[0]);
        }
        if (x instanceof RVector v && !(v instanceof RList)) {
            RContext.get(null).warning("Coercing LHS to a list");
            x = Coerce.cast(v, RType.LIST, true);
        }
        if (x instanceof RList l) {
            return setListElementByName(l, name, value);
        }
        if (!(x instanceof RAttributable)) {
            try {
                InteropLibrary.getUncached().writeMember(x, name, value);
                return x;
            } catch (InteropException e) {
                throw new RErrorSignal("cannot set member '" + name + "' of foreign object");
            }
        }
        throw new RErrorSignal("invalid type for $ assignment: '" + RValues.typeOf(x) + "'");
    }

    private static RList setListElementByName(RList l, String name, Object value) {
        RString names = l.names();
        int idx = names == null ? -1 : Arrays.asList(names.data()).indexOf(name);
        if (value == RNull.INSTANCE) {
            return idx < 0 ? l : deleteElements(l, new int[]{idx});
        }
        if (idx >= 0) {
            RList c = (RList) l.copy();
            c.data()[idx] = value;
            return c;
        }
        int n = l.length();
        RList c = (RList) l.copyData(n + 1);
        c.copyAttributesFrom(l);
        c.data()[n] = value;
        String[] nn = new String[n + 1];
        for (int i = 0; i < n; i++) {
            nn[i] = names == null ? "" : names.get(i);
        }
        nn[n] = name;
        c.setAttr("names", new RString(nn));
        return c;
    }

    private static RList deleteElements(RList l, int[] positions) {
        boolean[] del = new boolean[l.length()];
        for (int p : positions) {
            if (p >= 0 && p < del.length) {
                del[p] = true;
            }
        }
        List<Object> vals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        RString nm = l.names();
        for (int i = 0; i < del.length; i++) {
            if (!del[i]) {
                vals.add(l.get(i));
                names.add(nm == null ? "" : nm.get(i));
            }
        }
        RList r = new RList(vals.toArray());
        r.copyAttributesFrom(l);
        r.setAttr("dim", null);
        r.setAttr("names", nm == null ? null : new RString(names.toArray(new String[0])));
        return r;
    }

    @TruffleBoundary
    public static Object index(Object x, Object[] idx, String[] names, Object value, boolean dbl, REnvironment env, REnvironment.CallSite site) {
        if (Dispatch.isClassed(x)) {
            Object[] args = new Object[idx.length + 2];
            String[] ns = new String[idx.length + 2];
            args[0] = x;
            System.arraycopy(idx, 0, args, 1, idx.length);
            System.arraycopy(names, 0, ns, 1, idx.length);
            args[idx.length + 1] = value;
            ns[idx.length + 1] = "value";
            Object d = Dispatch.tryDispatch(dbl ? "[[<-" : "[<-", args, ns, env, site, site instanceof Node n ? n : null, false);
            if (d != RClassHandler.NOT_HANDLED) {
                return d;
            }
        }
        if (x instanceof REnvironment e && dbl && idx.length == 1) {
            e.put(RValues.asString(idx[0]), value);
            return e;
        }
        boolean valueIsScalarAtomic = value instanceof RVector vv && !(vv instanceof RList) && vv.length() == 1;
        if (x == RNull.INSTANCE) {
            if (value == RNull.INSTANCE) {
                return RNull.INSTANCE;
            }
            x = (dbl && !valueIsScalarAtomic) || !(value instanceof RVector) || value instanceof RList ? new RList(new Object[0]) : ((RVector) value).createEmpty(0);
        }
        if (!(x instanceof RVector v)) {
            throw new RErrorSignal("object of type '" + RValues.typeOf(x) + "' is not subsettable");
        }
        if (dbl && !(v instanceof RList)) {
            if (value instanceof RVector val && !(val instanceof RList)) {
                if (val.length() == 0) {
                    throw new RErrorSignal("replacement has length zero");
                }
                if (val.length() > 1) {
                    throw new RErrorSignal("more elements supplied than there are to replace");
                }
            } else {
                v = Coerce.cast(v, RType.LIST, true);
            }
        }
        int[] positions;
        String[] newNames = null;
        int n = v.length();
        if (idx.length == 1) {
            Extract.Positions p = Extract.resolve(idx[0], n, v.names(), true);
            positions = p.pos();
            newNames = p.newNames();
            if (dbl && positions.length != 1) {
                throw new RErrorSignal(positions.length == 0 ? "replacement has length zero" : "more elements supplied than there are to replace");
            }
        } else {
            positions = matrixPositions(v, idx);
        }
        if (v instanceof RList l && value == RNull.INSTANCE) {
            return deleteElements(l, positions);
        }
        return assignPositions(v, positions, newNames, value, dbl);
    }

    private static int[] matrixPositions(RVector v, Object[] idx) {
        int[] dims = v.dim();
        if (dims == null || dims.length != idx.length) {
            throw new RErrorSignal("incorrect number of subscripts on matrix");
        }
        RList dimnames = v.getAttr("dimnames") instanceof RList dn ? dn : null;
        int[][] pos = new int[dims.length][];
        int total = 1;
        for (int k = 0; k < dims.length; k++) {
            RString dn = dimnames != null && dimnames.get(k) instanceof RString s ? s : null;
            pos[k] = Extract.resolve(idx[k], dims[k], dn, false).pos();
            for (int q : pos[k]) {
                if (q < 0 || q >= dims[k]) {
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
            for (int k = 0; k < dims.length; k++) {
                off += pos[k][counter[k]] * stride;
                stride *= dims[k];
            }
            linear[t] = off;
            for (int k = 0; k < dims.length; k++) {
                if (++counter[k] < pos[k].length) {
                    break;
                }
                counter[k] = 0;
            }
        }
        return linear;
    }

    private static RVector assignPositions(RVector v, int[] positions, String[] newNames, Object value, boolean dbl) {
        RVector val;
        RType type;
        if (v instanceof RList) {
            type = RType.LIST;
            val = dbl || !(value instanceof RVector) ? new RList(new Object[]{value}) : Coerce.cast((RVector) value, RType.LIST, false);
        } else if (value instanceof RList l) {
            type = RType.LIST;
            val = l;
        } else if (value instanceof RVector vv) {
            type = RType.max(v.type(), vv.type());
            val = Coerce.cast(vv, type, false);
        } else {
            type = RType.LIST;
            val = new RList(new Object[]{value});
        }
        int n = v.length();
        int maxPos = n - 1;
        for (int p : positions) {
            maxPos = Math.max(maxPos, p);
        }
        int newLen = maxPos + 1;
        RVector res = Coerce.cast(v, type, true);
        if (res == v) {
            res = v.copy();
        }
        if (newLen > n) {
            RVector ext = res.copyData(newLen);
            ext.copyAttributesFrom(res);
            ext.setAttr("dim", null);
            ext.setAttr("dimnames", null);
            RString oldNames = res.names();
            if (oldNames != null || newNames != null) {
                String[] nn = new String[newLen];
                Arrays.fill(nn, "");
                for (int i = 0; i < n; i++) {
                    nn[i] = oldNames == null ? "" : oldNames.get(i);
                }
                if (newNames != null) {
                    for (int k = 0; k < newNames.length; k++) {
                        nn[n + k] = newNames[k];
                    }
                }
                ext.setAttr("names", new RString(nn));
            }
            res = ext;
        }
        int k = positions.length;
        int vl = val.length();
        if (k == 0) {
            return res;
        }
        if (vl == 0) {
            throw new RErrorSignal("replacement has length zero");
        }
        if (k % vl != 0) {
            RContext.get(null).warning("number of items to replace is not a multiple of replacement length");
        }
        for (int j = 0; j < k; j++) {
            int p = positions[j];
            if (p >= 0) {
                res.setFrom(p, val, j % vl);
            }
        }
        return res;
    }
}
