package org.torchglot.lang.r.runtime;

/** A double vector ({@code numeric}). */
public final class RDouble extends RVector {
    private final double[] data;

    public RDouble(double[] data) {
        this.data = data;
    }

    public static RDouble of(double... values) {
        return new RDouble(values);
    }

    public double[] data() {
        return data;
    }

    public double get(int i) {
        return data[i];
    }

    @Override
    public int length() {
        return data.length;
    }

    @Override
    public RType type() {
        return RType.DOUBLE;
    }

    @Override
    public RVector createEmpty(int n) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, RNA.REAL);
        return new RDouble(d);
    }

    @Override
    public void setFrom(int i, RVector src, int j) {
        data[i] = ((RDouble) src).data[j];
    }

    @Override
    public boolean isNA(int i) {
        return Double.isNaN(data[i]);
    }

    @Override
    public Object getElement(int i) {
        return RNA.isNA(data[i]) ? null : data[i];
    }
}
