package org.torchglot.lang.r.runtime;

/** A double vector ({@code numeric}). */
public final class RDouble extends RArrayVector<double[]> {
    public RDouble(double[] data) {
        super(data);
    }

    public static RDouble of(double... values) {
        return new RDouble(values);
    }

    public double get(int i) {
        return data[i];
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
    public boolean isNA(int i) {
        return Double.isNaN(data[i]);
    }

    @Override
    public Object getElement(int i) {
        return RNA.isNA(data[i]) ? null : data[i];
    }
}
