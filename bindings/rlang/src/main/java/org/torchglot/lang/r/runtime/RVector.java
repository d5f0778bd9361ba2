package org.torchglot.lang.r.runtime;

import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.InvalidArrayIndexException;
import com.oracle.truffle.api.interop.UnsupportedMessageException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;

/**
 * An R vector: the atomic types and lists. Length-1 atomic vectors are exported to other languages as
 * scalars (number, string, boolean) and every vector as an array.
 */
@ExportLibrary(InteropLibrary.class)
public abstract class RVector extends RAttributable {

    public abstract int length();

    public abstract RType type();

    /** A new vector of the same type and the given length, filled with NA (or NULL for lists). */
    public abstract RVector createEmpty(int n);

    /** Copies element {@code j} of {@code src} (same type) into element {@code i} of this. */
    public abstract void setFrom(int i, RVector src, int j);

    public abstract boolean isNA(int i);

    /** Element {@code i} as a Java value: Double, Integer, Boolean (null for NA), String (null for NA) or list element. */
    public abstract Object getElement(int i);

    /** Element {@code i} as a length-1 vector of this type without attributes (a list returns the element itself). */
    public RVector elementVector(int i) {
        RVector v = createEmpty(1);
        v.setFrom(0, this, i);
        return v;
    }

    public final RVector copy() {
        RVector c = copyData(length());
        c.copyAttributesFrom(this);
        return c;
    }

    /** Copy of the data only (no attributes), truncated or NA-extended to {@code n}. */
    public final RVector copyData(int n) {
        RVector c = createEmpty(n);
        int m = Math.min(n, length());
        for (int i = 0; i < m; i++) {
            c.setFrom(i, this, i);
        }
        return c;
    }

    public final RString names() {
        Object n = getAttr("names");
        return n instanceof RString s ? s : null;
    }

    public final int[] dim() {
        Object d = getAttr("dim");
        if (d instanceof RInt i) {
            return i.data();
        }
        if (d instanceof RDouble dd) {
            int[] r = new int[dd.length()];
            for (int k = 0; k < r.length; k++) {
                r[k] = (int) dd.data()[k];
            }
            return r;
        }
        return null;
    }

    // ---- interop ----

    @ExportMessage
    boolean hasArrayElements() {
        return true;
    }

    @ExportMessage
    long getArraySize() {
        return length();
    }

    @ExportMessage
    boolean isArrayElementReadable(long index) {
        return index >= 0 && index < length();
    }

    @ExportMessage
    Object readArrayElement(long index) throws InvalidArrayIndexException {
        if (index < 0 || index >= length()) {
            throw InvalidArrayIndexException.create(index);
        }
        Object e = getElement((int) index);
        return e == null ? RNull.INSTANCE : e;
    }

    private Object scalar() {
        return length() == 1 && !(this instanceof RList) ? getElement(0) : null;
    }

    @ExportMessage
    boolean isNumber() {
        return scalar() instanceof Number;
    }

    @ExportMessage
    boolean fitsInByte() {
        return scalar() instanceof Integer i && i == i.byteValue();
    }

    @ExportMessage
    boolean fitsInShort() {
        return scalar() instanceof Integer i && i == i.shortValue();
    }

    @ExportMessage
    boolean fitsInInt() {
        Object s = scalar();
        return s instanceof Integer || s instanceof Double d && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE;
    }

    @ExportMessage
    boolean fitsInLong() {
        Object s = scalar();
        return s instanceof Integer || s instanceof Double d && d == Math.rint(d) && Math.abs(d) < 9.0e15;
    }

    @ExportMessage
    boolean fitsInFloat() {
        Object s = scalar();
        return s instanceof Integer || s instanceof Double d && (double) (float) d.doubleValue() == d;
    }

    @ExportMessage
    boolean fitsInDouble() {
        return scalar() instanceof Number;
    }

    @ExportMessage
    byte asByte() throws UnsupportedMessageException {
        if (fitsInByte()) {
            return ((Integer) scalar()).byteValue();
        }
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    short asShort() throws UnsupportedMessageException {
        if (fitsInShort()) {
            return ((Integer) scalar()).shortValue();
        }
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    int asInt() throws UnsupportedMessageException {
        if (fitsInInt()) {
            return ((Number) scalar()).intValue();
        }
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    long asLong() throws UnsupportedMessageException {
        if (fitsInLong()) {
            return ((Number) scalar()).longValue();
        }
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    float asFloat() throws UnsupportedMessageException {
        if (fitsInFloat()) {
            return ((Number) scalar()).floatValue();
        }
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    double asDouble() throws UnsupportedMessageException {
        if (scalar() instanceof Number n) {
            return n.doubleValue();
        }
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    boolean isString() {
        return scalar() instanceof String;
    }

    @ExportMessage
    String asString() throws UnsupportedMessageException {
        if (scalar() instanceof String s) {
            return s;
        }
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    boolean isBoolean() {
        return scalar() instanceof Boolean;
    }

    @ExportMessage
    boolean asBoolean() throws UnsupportedMessageException {
        if (scalar() instanceof Boolean b) {
            return b;
        }
        throw UnsupportedMessageException.create();
    }

    @ExportMessage
    final Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return RDisplay.of(this);
    }
}
