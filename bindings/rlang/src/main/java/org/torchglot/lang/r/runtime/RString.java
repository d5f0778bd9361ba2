package org.torchglot.lang.r.runtime;

/** A character vector; NA is {@code null}. */
public final class RString extends RArrayVector<String[]> {
    public RString(String[] data) {
        super(data);
    }

    public static RString of(String... values) {
        return new RString(values);
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
    public RType type() {
        return RType.CHARACTER;
    }

    @Override
    public RVector createEmpty(int n) {
        return new RString(new String[n]);
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
