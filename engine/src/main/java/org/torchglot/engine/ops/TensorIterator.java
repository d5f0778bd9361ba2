package org.torchglot.engine.ops;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import org.torchglot.engine.kernels.Elementwise;
import org.torchglot.engine.kernels.Elementwise.Arith;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;

/**
 * The iteration machinery under the element-wise ops, after PyTorch's TensorIterator: the result
 * dtype of mixed operands, a reader of an operand broadcast to the output's shape, {@code map} over
 * one or two operands, and a fast kernel path for float arithmetic. The ops themselves, with their
 * derivatives, are in {@link Pointwise}.
 */
public final class TensorIterator {
    private TensorIterator() {
    }

    private static int category(DType t) {
        return switch (t) {
            case BOOL -> 0;
            case INT64 -> 1;
            case FLOAT32, FLOAT64 -> 2;
        };
    }

    /**
     * PyTorch's {@code result_type}: dimensioned tensors outrank 0-dim tensors, which outrank
     * wrapped numbers, unless the weaker operand is of a higher category (bool < int < float);
     * a wrapped float then gives the default dtype, float32.
     */
    public static DType resultType(Tensor... operands) {
        DType dimmed = null;
        DType zeroDim = null;
        DType wrapped = null;
        for (Tensor t : operands) {
            if (t.isWrappedNumber()) {
                wrapped = wrapped == null ? t.dtype() : DType.promote(wrapped, t.dtype());
            } else if (t.dim() == 0) {
                zeroDim = zeroDim == null ? t.dtype() : DType.promote(zeroDim, t.dtype());
            } else {
                dimmed = dimmed == null ? t.dtype() : DType.promote(dimmed, t.dtype());
            }
        }
        DType state = dimmed;
        if (zeroDim != null && (state == null || category(zeroDim) > category(state))) {
            state = zeroDim;
        }
        if (wrapped != null && (state == null || category(wrapped) > category(state))) {
            state = wrapped == DType.FLOAT64 ? DType.FLOAT32 : wrapped;
        }
        return state;
    }

    /** Integral and bool types compute in float32, as true division and most unary math do. */
    static DType floatResult(DType t) {
        return t.isFloatingPoint() ? t : DType.FLOAT32;
    }

    /** Reads an operand broadcast to an output shape: contiguous, constant, or by offsets. */
    static final class Reader {
        private final Storage storage;
        private final int base;
        private final int[] offsets;
        private final boolean constant;

        Reader(Tensor t, int[] outShape) {
            storage = t.storage();
            if (t.numel() == 1) {
                constant = true;
                base = t.storageOffset();
                offsets = null;
            } else if (t.isContiguous() && Arrays.equals(t.shapeRef(), outShape)) {
                constant = false;
                base = t.storageOffset();
                offsets = null;
            } else {
                constant = false;
                base = 0;
                offsets = Shapes.offsets(outShape,
                        Shapes.broadcastStrides(t.shapeRef(), t.stridesRef(), outShape), t.storageOffset());
            }
        }

        int at(int i) {
            return constant ? base : offsets == null ? base + i : offsets[i];
        }

        double d(int i) {
            return storage.getDouble(at(i));
        }

        long l(int i) {
            return storage.getLong(at(i));
        }
    }

    /** Applies a binary function over broadcast operands into a new tensor of {@code outType}. */
    public static Tensor map(Tensor a, Tensor b, DType computeType, DType outType, DoubleBinaryOperator fd,
            LongBinaryOperator fl) {
        int[] outShape = Shapes.broadcast(a.shapeRef(), b.shapeRef());
        Tensor out = Tensor.zeros(outShape, outType);
        int n = out.numel();
        Storage os = out.storage();
        if (outType == DType.FLOAT32 && a.dtype() == DType.FLOAT32 && b.dtype() == DType.FLOAT32
                && a.isContiguous() && Arrays.equals(a.shapeRef(), outShape)) {
            float[] af = a.storage().f;
            float[] of = os.f;
            int ao = a.storageOffset();
            if (b.numel() == 1) {
                double y = b.storage().f[b.storageOffset()];
                for (int i = 0; i < n; i++) {
                    of[i] = (float) fd.applyAsDouble(af[ao + i], y);
                }
                return out;
            }
            if (b.isContiguous() && Arrays.equals(b.shapeRef(), outShape)) {
                float[] bf = b.storage().f;
                int bo = b.storageOffset();
                for (int i = 0; i < n; i++) {
                    of[i] = (float) fd.applyAsDouble(af[ao + i], bf[bo + i]);
                }
                return out;
            }
        }
        Reader ra = new Reader(a, outShape);
        Reader rb = new Reader(b, outShape);
        if (computeType == DType.FLOAT32) {
            // NOTE: operands are cast to the common dtype first, as TensorIterator does: x * 0.1
            // multiplies by 0.1f, not by the double 0.1.
            for (int i = 0; i < n; i++) {
                os.setDouble(i, fd.applyAsDouble((float) ra.d(i), (float) rb.d(i)));
            }
        } else if (computeType.isFloatingPoint()) {
            for (int i = 0; i < n; i++) {
                os.setDouble(i, fd.applyAsDouble(ra.d(i), rb.d(i)));
            }
        } else {
            for (int i = 0; i < n; i++) {
                os.setLong(i, fl.applyAsLong(ra.l(i), rb.l(i)));
            }
        }
        return out;
    }

    /** Applies a unary function element-wise into a new contiguous tensor of {@code outType}. */
    public static Tensor map(Tensor a, DType outType, DoubleUnaryOperator f) {
        Tensor out = Tensor.zeros(a.shapeRef(), outType);
        int n = out.numel();
        Storage os = out.storage();
        if (a.isContiguous() && a.dtype() == DType.FLOAT32 && outType == DType.FLOAT32) {
            float[] af = a.storage().f;
            float[] of = os.f;
            int ao = a.storageOffset();
            for (int i = 0; i < n; i++) {
                of[i] = (float) f.applyAsDouble(af[ao + i]);
            }
            return out;
        }
        Reader ra = new Reader(a, a.shapeRef());
        for (int i = 0; i < n; i++) {
            os.setDouble(i, f.applyAsDouble(ra.d(i)));
        }
        return out;
    }

    /**
     * The number of elements after which {@code t}'s values repeat when broadcast to {@code outShape}
     * (its whole size when its shape, leading 1s dropped, is a suffix of the output's), or -1.
     */
    private static int period(Tensor t, int[] outShape) {
        int[] shape = t.shapeRef();
        int lead = 0;
        while (lead < shape.length && shape[lead] == 1) {
            lead++;
        }
        int skip = outShape.length - (shape.length - lead);
        if (skip < 0) {
            return -1;
        }
        for (int i = lead; i < shape.length; i++) {
            if (shape[i] != outShape[skip + i - lead]) {
                return -1;
            }
        }
        return t.numel();
    }

    /**
     * {@code a op b} (with {@code alpha} on b for add and sub) as one kernel loop per row, written
     * into {@code out} or a new tensor; null when the operands need the general path. Covered: float
     * operands of the result's dtype that are contiguous and either the output's shape, a trailing
     * row of it (a bias), or a single value of any dtype (a scalar).
     */
    static Tensor arithmetic(Arith op, Tensor a, Tensor b, DType type, double alpha, Tensor out) {
        if (type != DType.FLOAT32 && type != DType.FLOAT64) {
            return null;
        }
        int[] outShape = Shapes.broadcast(a.shapeRef(), b.shapeRef());
        int n = Shapes.numel(outShape);
        boolean aScalar = a.numel() == 1;
        boolean bScalar = b.numel() == 1;
        int pa = aScalar ? 1 : fastPeriod(a, type, outShape);
        int pb = bScalar ? 1 : fastPeriod(b, type, outShape);
        if (pa < 0 || pb < 0 || n == 0) {
            return null;
        }
        int row = aScalar ? pb : bScalar ? pa : Math.min(pa, pb);
        if (row == 0 || (pa != n && pa != row && !aScalar) || (pb != n && pb != row && !bScalar)) {
            return null;
        }
        if (out == null) {
            out = Tensor.zeros(outShape, type);
        }
        int aRowStep = pa == n && !aScalar ? row : 0;
        int bRowStep = pb == n && !bScalar ? row : 0;
        int aOff = aScalar ? 0 : a.storageOffset();
        int bOff = bScalar ? 0 : b.storageOffset();
        int o = out.storageOffset();
        boolean scaled = (op == Arith.ADD || op == Arith.SUB) && alpha != 1.0;
        double signedAlpha = op == Arith.SUB ? -alpha : alpha;
        if (type == DType.FLOAT32) {
            // NOTE: a scalar is cast to float first, as the general path casts its operands.
            float[] x = aScalar ? new float[] {(float) a.storage().getDouble(a.storageOffset())} : a.storage().f;
            float[] y = bScalar ? new float[] {(float) b.storage().getDouble(b.storageOffset())} : b.storage().f;
            for (int r = 0; r < n; r += row, aOff += aRowStep, bOff += bRowStep) {
                if (scaled) {
                    Elementwise.addScaled((float) signedAlpha, x, aOff, aScalar ? 0 : 1, y, bOff, bScalar ? 0 : 1,
                            out.storage().f, o + r, row);
                } else {
                    Elementwise.apply(op, x, aOff, aScalar ? 0 : 1, y, bOff, bScalar ? 0 : 1, out.storage().f, o + r, row);
                }
            }
        } else {
            double[] x = aScalar ? new double[] {a.storage().getDouble(a.storageOffset())} : a.storage().d;
            double[] y = bScalar ? new double[] {b.storage().getDouble(b.storageOffset())} : b.storage().d;
            for (int r = 0; r < n; r += row, aOff += aRowStep, bOff += bRowStep) {
                if (scaled) {
                    Elementwise.addScaled(signedAlpha, x, aOff, aScalar ? 0 : 1, y, bOff, bScalar ? 0 : 1,
                            out.storage().d, o + r, row);
                } else {
                    Elementwise.apply(op, x, aOff, aScalar ? 0 : 1, y, bOff, bScalar ? 0 : 1, out.storage().d, o + r, row);
                }
            }
        }
        return out;
    }

    /** {@link #period}, for a contiguous operand already of the compute dtype; else -1. */
    private static int fastPeriod(Tensor t, DType type, int[] outShape) {
        return t.dtype() == type && t.isContiguous() ? period(t, outShape) : -1;
    }
}
