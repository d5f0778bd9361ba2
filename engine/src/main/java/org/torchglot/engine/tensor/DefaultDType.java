package org.torchglot.engine.tensor;

/**
 * The dtype of new floating-point tensors ({@code torch.get_default_dtype()}): float32 until a script calls
 * {@code torch.set_default_dtype(torch.float64)}. Factories without a dtype and Python floats turned into
 * tensors use it. Process-wide, as in PyTorch; a process that runs scripts one after another resets it.
 */
public final class DefaultDType {
    private static volatile DType current = DType.FLOAT32;

    private DefaultDType() {
    }

    public static DType get() {
        return current;
    }

    /** Sets the default; only floating-point dtypes, as PyTorch. */
    public static void set(DType dtype) {
        if (!dtype.isFloatingPoint()) {
            throw TorchException.type("only floating-point types are supported as the default type");
        }
        current = dtype;
    }
}
