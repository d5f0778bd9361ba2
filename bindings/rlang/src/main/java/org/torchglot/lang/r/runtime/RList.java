package org.torchglot.lang.r.runtime;

import java.util.List;

/** A generic vector ({@code list}); elements are any R values. */
public final class RList extends RArrayVector<Object[]> {
    public RList(Object[] data) {
        super(data);
    }

    /** A list with names; {@code names} may be null. */
    public static RList of(List<Object> values, List<String> names) {
        RList l = new RList(values.toArray());
        if (names != null) {
            boolean any = false;
            for (String n : names) {
                any |= n != null && !n.isEmpty();
            }
            if (any) {
                String[] ns = new String[names.size()];
                for (int i = 0; i < ns.length; i++) {
                    ns[i] = names.get(i) == null ? "" : names.get(i);
                }
                l.setAttr("names", new RString(ns));
            }
        }
        return l;
    }

    public Object get(int i) {
        return data[i];
    }

    @Override
    public RType type() {
        return RType.LIST;
    }

    @Override
    public RVector createEmpty(int n) {
        Object[] d = new Object[n];
        java.util.Arrays.fill(d, RNull.INSTANCE);
        return new RList(d);
    }

    @Override
    public boolean isNA(int i) {
        return data[i] instanceof RVector v && !(v instanceof RList) && v.length() == 1 && v.isNA(0);
    }

    @Override
    public Object getElement(int i) {
        return data[i];
    }

    @Override
    public RVector elementVector(int i) {
        RList l = new RList(new Object[]{data[i]});
        return l;
    }
}
