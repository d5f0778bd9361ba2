package org.torchglot.lang.r.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.interop.TruffleObject;

/** A value that can carry R attributes ({@code names}, {@code dim}, {@code class}, ...), kept in insertion order. */
public abstract class RAttributable implements TruffleObject {
    // NOTE: the map is read and written behind @TruffleBoundary (values without attributes skip it): partial
    // evaluation of HashMap's code (its tree bins recurse) bails out with "Too deep inlining".
    private LinkedHashMap<String, Object> attributes;

    public final Object getAttr(String name) {
        return attributes == null ? null : lookupAttr(name);
    }

    @TruffleBoundary
    private Object lookupAttr(String name) {
        return attributes.get(name);
    }

    /** Sets an attribute; {@code null} or R's NULL removes it. */
    @TruffleBoundary
    public final void setAttr(String name, Object value) {
        if (value == null || value == RNull.INSTANCE) {
            if (attributes != null) {
                attributes.remove(name);
            }
            return;
        }
        if (attributes == null) {
            attributes = new LinkedHashMap<>();
        }
        attributes.put(name, value);
    }

    public final boolean hasAttributes() {
        return attributes != null && !attributes.isEmpty();
    }

    /** The attribute map (possibly empty); do not modify. */
    public final Map<String, Object> attributes() {
        return attributes == null ? Map.of() : attributes;
    }

    @TruffleBoundary
    public final void copyAttributesFrom(RAttributable other) {
        if (other.attributes != null) {
            for (Map.Entry<String, Object> e : other.attributes.entrySet()) {
                setAttr(e.getKey(), e.getValue());
            }
        }
    }

    public final void clearAttributes() {
        attributes = null;
    }

    /** The class attribute, or null when none is set. */
    public final RString classAttr() {
        Object c = getAttr("class");
        return c instanceof RString s ? s : null;
    }
}
