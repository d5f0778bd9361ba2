package org.torchglot.lang.r.runtime;

/** A character vector; NA is {@code null}. */
public final class RString extends RVector {
    private final String[] data;

    public RString(String[] data) {
        this.data = data;
    }

    public static RString of(String... values) {
        return new RString(values);
    }

    public String[] data() {
        return data;
    }

    public String get(int i) {
        return data[i];
    }

    public boolean contains(String s) {
        for (String d : data) {
            if (s.equals(d)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int length() {
        return data.length;
    }

    @Override
    public RType type() {
        return RType.CHARACTER;
    }

    @Override
    public RVector createEmpty(int n) {
        return new RString(new String[n]);
    }

    @Override
    public void setFrom(int i, RVector src, int j) {
        data[i] = ((RString) src).data[j];
    }

    @Override
    public boolean isNA(int i) {
        return data[i] == null;
    }

    @Override
    public Object getElement(int i) {
        return data[i];
    }
}
