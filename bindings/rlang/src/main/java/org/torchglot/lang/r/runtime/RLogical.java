package org.torchglot.lang.r.runtime;

/** A logical vector: 1 is TRUE, 0 is FALSE, {@link RNA#INT} is NA. */
public final class RLogical extends RVector {
    public static final int TRUE = 1;
    public static final int FALSE = 0;

    private final int[] data;

    public RLogical(int[] data) {
        this.data = data;
    }

    public static RLogical of(boolean b) {
        return new RLogical(new int[]{b ? TRUE : FALSE});
    }

    public static RLogical na() {
        return new RLogical(new int[]{RNA.INT});
    }

    public int[] data() {
        return data;
    }

    public int get(int i) {
        return data[i];
    }

    @Override
    public int length() {
        return data.length;
    }

    @Override
    public RType type() {
        return RType.LOGICAL;
    }

    @Override
    public RVector createEmpty(int n) {
        int[] d = new int[n];
        java.util.Arrays.fill(d, RNA.INT);
        return new RLogical(d);
    }

    @Override
    public void setFrom(int i, RVector src, int j) {
        data[i] = ((RLogical) src).data[j];
    }

    @Override
    public boolean isNA(int i) {
        return data[i] == RNA.INT;
    }

    @Override
    public Object getElement(int i) {
        return data[i] == RNA.INT ? null : data[i] != 0;
    }
}
