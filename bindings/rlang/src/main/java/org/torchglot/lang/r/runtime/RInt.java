package org.torchglot.lang.r.runtime;

/** An integer vector; NA is {@link RNA#INT}. */
public final class RInt extends RArrayVector<int[]> {
    public RInt(int[] data) {
        super(data);
    }

    public static RInt of(int... values) {
        return new RInt(values);
    }

    public int get(int i) {
        return data[i];
    }

    @Override
    public RType type() {
        return RType.INTEGER;
    }

    @Override
    public RVector createEmpty(int n) {
        int[] d = new int[n];
        java.util.Arrays.fill(d, RNA.INT);
        return new RInt(d);
    }

    @Override
    public boolean isNA(int i) {
        return data[i] == RNA.INT;
    }

    @Override
    public Object getElement(int i) {
        return data[i] == RNA.INT ? null : data[i];
    }
}
