package org.torchglot.engine.tensor;

/** The element types a tensor can hold, named as PyTorch names them. */
public enum DType {
    BOOL("bool", "Bool"),
    INT64("int64", "Long"),
    FLOAT32("float32", "Float"),
    FLOAT64("float64", "Double");

    private final String pythonName;
    private final String scalarTypeName;

    DType(String pythonName, String scalarTypeName) {
        this.pythonName = pythonName;
        this.scalarTypeName = scalarTypeName;
    }

    /** PyTorch's name: {@code torch.float32} prints as {@code float32}. */
    public String pythonName() {
        return pythonName;
    }

    /** libtorch's scalar type name, as in R torch's {@code CPUFloatType}. */
    public String scalarTypeName() {
        return scalarTypeName;
    }

    /** The legacy tensor type name, {@code torch.FloatTensor}: {@code x.type()} and PyTorch's error texts. */
    public String typeName() {
        return "torch." + scalarTypeName + "Tensor";
    }

    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** PyTorch's promotion among dtypes of the same category order: bool < int64 < float32 < float64. */
    public static DType promote(DType a, DType b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
