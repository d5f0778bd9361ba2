package org.torchglot.engine.api;

import java.util.List;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;

/**
 * The bound, converted arguments of one op call, read by position in the signature. Dims and
 * positions are already 0-based here whatever the caller's language.
 */
public final class Args {
    private final Signature signature;
    private final Object[] values;

    Args(Signature signature, Object[] values) {
        this.signature = signature;
        this.values = values;
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
        return Math.toIntExact((Long) values[i]);
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
