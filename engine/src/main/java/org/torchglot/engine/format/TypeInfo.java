package org.torchglot.engine.format;

import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.TorchException;

/** {@code torch.finfo} and {@code torch.iinfo}: the numeric limits of the engine's dtypes, with PyTorch's reprs and errors. */
public final class TypeInfo {

    /** The limits of a float dtype; {@code tiny} is {@code smallest_normal}. */
    public record FloatInfo(int bits, double eps, double max, double min, double tiny, double smallestNormal,
            double resolution, String dtype) {
        @Override
        public String toString() {
            return "finfo(resolution=" + g(resolution) + ", min=" + g(min) + ", max=" + g(max) + ", eps=" + g(eps)
                    + ", smallest_normal=" + g(smallestNormal) + ", tiny=" + g(tiny) + ", dtype=" + dtype + ")";
        }
    }

    /** The limits of an integer dtype. */
    public record IntInfo(int bits, long min, long max, String dtype) {
        @Override
        public String toString() {
            return "iinfo(min=" + g(min) + ", max=" + g(max) + ", dtype=" + dtype + ")";
        }
    }

    private TypeInfo() {
    }

    /** {@code torch.finfo(type)}; null means the default float32. */
    public static FloatInfo finfo(DType type) {
        if (type == null || type == DType.FLOAT32) {
            return new FloatInfo(32, Math.ulp(1.0f), Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL,
                    Float.MIN_NORMAL, 1e-06, "float32");
        }
        if (type == DType.FLOAT64) {
            return new FloatInfo(64, Math.ulp(1.0), Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL,
                    Double.MIN_NORMAL, 1e-15, "float64");
        }
        throw TorchException.type("torch.finfo() requires a floating point input type. Use torch.iinfo to handle "
                + "'torch.finfo'");
    }

    /** {@code torch.iinfo(type)}. */
    public static IntInfo iinfo(DType type) {
        if (type == DType.INT64) {
            return new IntInfo(64, Long.MIN_VALUE, Long.MAX_VALUE, "int64");
        }
        if (type == DType.BOOL) {
            throw TorchException.type("torch.bool is not supported by torch.iinfo");
        }
        throw TorchException.type("torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'");
    }

    /** Python's {@code format(float(v), ".6g")}, as PyTorch's reprs print limits. */
    private static String g(double v) {
        return DecimalText.general(v, 6);
    }
}
