package org.torchglot.engine.api;

import java.util.List;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * The bound, converted arguments of one op call, read by position in the signature. Dims and
 * positions are already 0-based here whatever the caller's language.
 */
public final class Args {
    private final Signature signature;
    private final Object[] values;
    private final Object[] given;

    Args(Signature signature, Object[] values, Object[] given) {
        this.signature = signature;
        this.values = values;
        this.given = given;
    }

    /**
     * A number as the caller wrote it: a {@link Long} for an integer ({@code 2}), a {@link Double}
     * for a float ({@code 2.0}), the default's own spelling when not given. Module reprs print it so.
     */
    public Number number(int i) {
        if (given[i] instanceof Number n && !(n instanceof Double || n instanceof Float)) {
            return n.longValue();
        }
        if (given[i] instanceof Number n) {
            return n.doubleValue();
        }
        if (given[i] == null && values[i] != null) {
            String text = signature.params().get(i).defaultText();
            if (text != null && text.matches("-?\\d+")) {
                return Long.parseLong(text);
            }
        }
        return values[i] == null ? null : ((Number) values[i]).doubleValue();
    }

    /** The same arguments with the value at {@code i} replaced. */
    Args with(int i, Object value) {
        Object[] copy = values.clone();
        copy[i] = value;
        return new Args(signature, copy, given);
    }

    /** True when grad mode is on and a tensor argument (or one in a list) requires grad. */
    boolean anyRequiresGrad() {
        for (Object v : values) {
            if (v instanceof Tensor t && Tensor.needsGrad(t)) {
                return true;
            }
            if (v instanceof List<?> l && l.stream().anyMatch(x -> x instanceof Tensor t && Tensor.needsGrad(t))) {
                return true;
            }
        }
        return false;
    }

    /** The signature these arguments were bound to. */
    Signature signature() {
        return signature;
    }

    /** The value of the parameter called {@code name}. */
    public Object named(String name) {
        List<Signature.Param> params = signature.params();
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(name)) {
                return values[i];
            }
        }
        throw new IllegalArgumentException(signature.name() + " has no parameter " + name);
    }

    public boolean isNone(int i) {
        return values[i] == null;
    }

    public Object any(int i) {
        return values[i];
    }

    public Tensor tensor(int i) {
        return (Tensor) values[i];
    }

    @SuppressWarnings("unchecked")
    public List<Tensor> tensors(int i) {
        return (List<Tensor>) values[i];
    }

    public long longValue(int i) {
        return (Long) values[i];
    }

    public int intValue(int i) {
        return toInt((Long) values[i]);
    }

    /**
     * An int argument (a size, dim or index) as the engine's int. NOTE: a RuntimeError in the script's terms, where
     * {@code Math.toIntExact}'s ArithmeticException reached Python as a foreign exception that {@code except
     * Exception} does not catch.
     */
    static int toInt(long value) {
        if (value != (int) value) {
            throw TorchException.runtime("the integer " + value + " is out of range: torchglot's sizes, dims and indices "
                    + "fit in 32 bits (at most 2147483647)");
        }
        return (int) value;
    }

    public Integer intOrNull(int i) {
        return values[i] == null ? null : intValue(i);
    }

    public int[] ints(int i) {
        return (int[]) values[i];
    }

    public double doubleValue(int i) {
        return (Double) values[i];
    }

    public Double doubleOrNull(int i) {
        return (Double) values[i];
    }

    public boolean bool(int i) {
        return (Boolean) values[i];
    }

    public DType dtype(int i) {
        return (DType) values[i];
    }

    public DType dtypeOr(int i, DType fallback) {
        return values[i] == null ? fallback : (DType) values[i];
    }

    public String string(int i) {
        return (String) values[i];
    }

    public Generator generator(int i) {
        return (Generator) values[i];
    }
}
