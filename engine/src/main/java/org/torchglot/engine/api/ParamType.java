package org.torchglot.engine.api;

/** The kinds of argument an op signature can declare, as in PyTorch's native_functions.yaml. */
public enum ParamType {
    TENSOR("Tensor"),
    TENSOR_LIST("Tensor[]"),
    /** A tensor or a number; numbers become wrapped scalars with PyTorch's weak type promotion. */
    TENSOR_OR_SCALAR("TensorOrScalar"),
    SCALAR("Scalar"),
    INT("int"),
    INT_LIST("int[]"),
    /** A dimension: 0-based in Python and JavaScript, 1-based in R. */
    DIM("dim"),
    DIM_LIST("dim[]"),
    /** A dim, or a tensor for the element-wise overload ({@code torch.max(a, b)}). */
    DIM_OR_TENSOR("dimOrTensor"),
    /** A position along a dimension: 0-based in Python and JavaScript, 1-based in R. */
    INDEX("index"),
    /** A tensor of positions (class indices): 0-based in Python and JavaScript, 1-based in R. */
    INDEX_TENSOR("IndexTensor"),
    FLOAT("float"),
    BOOL("bool"),
    DTYPE("ScalarType"),
    STRING("str"),
    GENERATOR("Generator"),
    ANY("any");

    private final String spelling;

    ParamType(String spelling) {
        this.spelling = spelling;
    }

    /** The name used in signatures. */
    public String spelling() {
        return spelling;
    }

    static ParamType parse(String s) {
        for (ParamType t : values()) {
            if (t.spelling.equals(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown parameter type in signature: " + s);
    }
}
