package org.torchglot.lang.r.runtime;

/** Vector types in R's coercion order: a combination takes the highest type of its parts. */
public enum RType {
    NULL("NULL"), LOGICAL("logical"), INTEGER("integer"), DOUBLE("numeric"), CHARACTER("character"), LIST("list");

    private final String modeName;

    RType(String modeName) {
        this.modeName = modeName;
    }

    /** The name {@code class()} reports for a plain vector of this type. */
    public String className() {
        return modeName;
    }

    /** The name {@code typeof()} reports. */
    public String typeName() {
        return switch (this) {
            case DOUBLE -> "double";
            default -> modeName;
        };
    }

    public static RType max(RType a, RType b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
