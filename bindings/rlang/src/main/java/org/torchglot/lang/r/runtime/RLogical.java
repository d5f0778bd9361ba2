package org.torchglot.lang.r.runtime;

/** A logical vector: 1 is TRUE, 0 is FALSE, {@link RNA#INT} is NA. */
public final class RLogical extends RArrayVector<int[]> {
    public static final int TRUE = 1;
    public static final int FALSE = 0;

    public RLogical(int[] data) {
        super(data);
    }

    public static RLogical of(boolean b) {
        return new RLogical(new int[]{b ? TRUE : FALSE});
    }

    public static RLogical na() {
        return new RLogical(new int[]{RNA.INT});
    }

    public int get(int i) {
        return data[i];
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
    public boolean isNA(int i) {
        return data[i] == RNA.INT;
    }

    @Override
    public Object getElement(int i) {
        return data[i] == RNA.INT ? null : data[i] != 0;
    }
}
