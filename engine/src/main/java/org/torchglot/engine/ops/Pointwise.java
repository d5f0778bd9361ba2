package org.torchglot.engine.ops;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.kernels.Elementwise;
import org.torchglot.engine.kernels.Elementwise.Arith;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Element-wise ops with broadcasting and PyTorch's type promotion, each with its derivative. */
public final class Pointwise {
    private Pointwise() {
    }

    // ---- type promotion -----------------------------------------------------------------------

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

    private static DType floatResult(DType t) {
        return t.isFloatingPoint() ? t : DType.FLOAT32;
    }

    // ---- kernels ------------------------------------------------------------------------------

    /** Reads an operand broadcast to an output shape: contiguous, constant, or by offsets. */
    private static final class Reader {
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
    private static Tensor arithmetic(Arith op, Tensor a, Tensor b, DType type, double alpha, Tensor out) {
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

    /** {@code dst += src} with no autograd, as gradient accumulation needs; in one loop when it can. */
    public static void addInPlace(Tensor dst, Tensor src) {
        if (dst.isContiguous() && dst.storage() != src.storage() && dst.dtype() == src.dtype()
                && Arrays.equals(Shapes.broadcast(dst.shapeRef(), src.shapeRef()), dst.shapeRef())
                && arithmetic(Arith.ADD, dst, src, dst.dtype(), 1.0, dst) != null) {
            return;
        }
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            copyInto(dst, add(dst, src, 1.0));
        }
    }

    // ---- arithmetic ---------------------------------------------------------------------------

    public static Tensor add(Tensor a, Tensor b, double alpha) {
        DType type = resultType(a, b);
        checkAlpha(type, alpha);
        Tensor out = arithmetic(Arith.ADD, a, b, type, alpha, null);
        if (out == null) {
            if (alpha == 1.0) {
                out = map(a, b, type, type, Double::sum, Long::sum);
            } else if (type == DType.FLOAT32) {
                float fa = (float) alpha;
                // NOTE: libtorch's vectorized add computes a + alpha * b as one fused multiply-add.
                out = map(a, b, type, type, (x, y) -> Math.fma(fa, (float) y, (float) x), (x, y) -> x + (long) alpha * y);
            } else {
                out = map(a, b, type, type, (x, y) -> x + alpha * y, (x, y) -> x + (long) alpha * y);
            }
        }
        if (Tensor.needsGrad(a, b)) {
            out.withGradFn(new FunctionNode("AddBackward0", new Tensor[] {a, b}, null,
                    (g, s) -> new Tensor[] {g, alpha == 1.0 ? g : g.mul(alpha)}));
        }
        return out;
    }

    public static Tensor sub(Tensor a, Tensor b, double alpha) {
        DType type = resultType(a, b);
        if (type == DType.BOOL) {
            throw TorchException.runtime("Subtraction, the `-` operator, with two bool tensors is not supported. "
                    + "Use the `^` or `logical_xor()` operator instead.");
        }
        checkAlpha(type, alpha);
        Tensor out = arithmetic(Arith.SUB, a, b, type, alpha, null);
        if (out == null) {
            if (type == DType.FLOAT32 && alpha != 1.0) {
                float fa = (float) -alpha;
                out = map(a, b, type, type, (x, y) -> Math.fma(fa, (float) y, (float) x), (x, y) -> x - (long) alpha * y);
            } else {
                out = map(a, b, type, type, (x, y) -> x - alpha * y, (x, y) -> x - (long) alpha * y);
            }
        }
        if (Tensor.needsGrad(a, b)) {
            String name = a.isWrappedNumber() ? "RsubBackward1" : "SubBackward0";
            out.withGradFn(new FunctionNode(name, new Tensor[] {a, b}, null,
                    (g, s) -> new Tensor[] {g, g.mul(-alpha)}));
        }
        return out;
    }

    private static void checkAlpha(DType type, double alpha) {
        if (!type.isFloatingPoint() && alpha != Math.rint(alpha)) {
            throw TorchException.runtime("For integral input tensors, argument alpha must not be a floating point number.");
        }
    }

    public static Tensor mul(Tensor a, Tensor b) {
        DType type = resultType(a, b);
        Tensor out = arithmetic(Arith.MUL, a, b, type, 1.0, null);
        if (out == null) {
            out = type == DType.BOOL
                    ? map(a, b, type, type, (x, y) -> x * y, (x, y) -> x & y)
                    : map(a, b, type, type, (x, y) -> x * y, (x, y) -> x * y);
        }
        if (Tensor.needsGrad(a, b)) {
            out.withGradFn(new FunctionNode("MulBackward0", new Tensor[] {a, b}, new Tensor[] {a, b},
                    (g, s) -> new Tensor[] {g.mul(s[1]), g.mul(s[0])}));
        }
        return out;
    }

    /** True division: integers divide as floats, as {@code torch.div} does by default. */
    public static Tensor div(Tensor a, Tensor b) {
        DType type = floatResult(resultType(a, b));
        Tensor out = arithmetic(Arith.DIV, a, b, type, 1.0, null);
        if (out == null) {
            out = map(a, b, type, type, (x, y) -> x / y, null);
        }
        if (Tensor.needsGrad(a, b)) {
            out.withGradFn(new FunctionNode("DivBackward0", new Tensor[] {a, b}, new Tensor[] {a, b},
                    (g, s) -> new Tensor[] {g.div(s[1]), g.neg().mul(s[0]).div(s[1].mul(s[1]))}));
        }
        return out;
    }

    public static Tensor floorDivide(Tensor a, Tensor b) {
        DType type = resultType(a, b);
        return map(a, b, type, type, (x, y) -> Math.floor(x / y), (x, y) -> {
            if (y == 0) {
                throw TorchException.runtime("ZeroDivisionError");
            }
            return Math.floorDiv(x, y);
        });
    }

    /** Python's {@code %}: the result takes the divisor's sign. */
    public static Tensor remainder(Tensor a, Tensor b) {
        DType type = resultType(a, b);
        return map(a, b, type, type, (x, y) -> x - Math.floor(x / y) * y, (x, y) -> {
            if (y == 0) {
                throw TorchException.runtime("ZeroDivisionError");
            }
            return Math.floorMod(x, y);
        });
    }

    public static Tensor pow(Tensor a, Tensor b) {
        DType type = resultType(a, b);
        Tensor out = map(a, b, type, type, Pointwise::powDouble, Pointwise::powLong);
        if (Tensor.needsGrad(a, b)) {
            if (b.isWrappedNumber() || !b.requiresGrad()) {
                double e = b.numel() == 1 ? b.item() : Double.NaN;
                if (b.numel() == 1) {
                    out.withGradFn(new FunctionNode("PowBackward0", new Tensor[] {a, null}, new Tensor[] {a},
                            (g, s) -> new Tensor[] {e == 0.0 ? g.mul(0.0) : g.mul(s[0].pow(e - 1.0)).mul(e), null}));
                    return out;
                }
            }
            // NOTE: PyTorch's 2 ** x also records PowBackward1 (__rpow__ makes the base a tensor).
            out.withGradFn(new FunctionNode("PowBackward1", new Tensor[] {a, b}, new Tensor[] {a, b, out},
                    (g, s) -> new Tensor[] {
                        g.mul(s[1]).mul(s[0].pow(s[1].sub(1.0))),
                        g.mul(s[2]).mul(s[0].log())}));
        }
        return out;
    }

    private static double powDouble(double x, double y) {
        return y == 2.0 ? x * x : Math.pow(x, y);
    }

    private static long powLong(long x, long y) {
        if (y < 0) {
            throw TorchException.runtime("Integers to negative integer powers are not allowed.");
        }
        long r = 1;
        for (long i = 0; i < y; i++) {
            r *= x;
        }
        return r;
    }

    public static Tensor maximum(Tensor a, Tensor b) {
        return extremum(a, b, true);
    }

    public static Tensor minimum(Tensor a, Tensor b) {
        return extremum(a, b, false);
    }

    private static Tensor extremum(Tensor a, Tensor b, boolean max) {
        DType type = resultType(a, b);
        Tensor out = max
                ? map(a, b, type, type, (x, y) -> Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.max(x, y), Math::max)
                : map(a, b, type, type, (x, y) -> Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.min(x, y), Math::min);
        if (Tensor.needsGrad(a, b)) {
            Comparison wins = max ? Comparison.GT : Comparison.LT;
            out.withGradFn(new FunctionNode(max ? "MaximumBackward0" : "MinimumBackward0", new Tensor[] {a, b},
                    new Tensor[] {a, b}, (g, s) -> {
                        // NOTE: ties split the gradient evenly, as PyTorch does.
                        Tensor aWins = compare(wins, s[0], s[1]).to(g.dtype());
                        Tensor tie = compare(Comparison.EQ, s[0], s[1]).to(g.dtype()).mul(0.5);
                        Tensor wa = aWins.add(tie);
                        return new Tensor[] {g.mul(wa), g.mul(wa.rsub(1.0))};
                    }));
        }
        return out;
    }

    // ---- unary --------------------------------------------------------------------------------

    /**
     * A unary op: forward function, whether ints become float32, its derivative, and optionally a
     * kernel loop equal to {@code f} for contiguous float input.
     */
    public record Unary(String backwardName, DoubleUnaryOperator f, boolean toFloat, Derivative derivative,
            Elementwise.UnaryKernel kernel) {
        public Unary(String backwardName, DoubleUnaryOperator f, boolean toFloat, Derivative derivative) {
            this(backwardName, f, toFloat, derivative, null);
        }

        /** d(out)/d(in) times the output gradient, from the input and the result. */
        @FunctionalInterface
        public interface Derivative {
            Tensor apply(Tensor grad, Tensor input, Tensor result);
        }
    }

    public static final Unary NEG = new Unary("NegBackward0", x -> -x, false, (g, x, r) -> g.neg(),
            Elementwise.UnaryKernel.NEG);
    public static final Unary EXP = new Unary("ExpBackward0", Math::exp, true, (g, x, r) -> g.mul(r),
            Elementwise.UnaryKernel.EXP);
    public static final Unary LOG = new Unary("LogBackward0", Math::log, true, (g, x, r) -> g.div(x));
    public static final Unary LOG1P = new Unary("Log1PBackward0", Math::log1p, true, (g, x, r) -> g.div(x.add(1.0)));
    public static final Unary SQRT = new Unary("SqrtBackward0", Math::sqrt, true, (g, x, r) -> g.div(r.mul(2.0)));
    public static final Unary ABS = new Unary("AbsBackward0", Math::abs, false, (g, x, r) -> g.mul(x.sign()));
    public static final Unary SIN = new Unary("SinBackward0", Math::sin, true, (g, x, r) -> g.mul(x.cos()));
    public static final Unary COS = new Unary("CosBackward0", Math::cos, true, (g, x, r) -> g.mul(x.sin()).neg());
    public static final Unary TANH = new Unary("TanhBackward0", Math::tanh, true,
            (g, x, r) -> g.mul(r.mul(r).rsub(1.0)), Elementwise.UnaryKernel.TANH);
    public static final Unary SIGMOID = new Unary("SigmoidBackward0", x -> 1.0 / (1.0 + Math.exp(-x)), true,
            (g, x, r) -> g.mul(r.mul(r.rsub(1.0))), Elementwise.UnaryKernel.SIGMOID);
    // NOTE: as PyTorch, ReLU keeps NaN and -0 (only values below zero become 0).
    public static final Unary RELU = new Unary("ReluBackward0", x -> x < 0 ? 0.0 : x, false,
            (g, x, r) -> reluBackward(g, r), Elementwise.UnaryKernel.RELU);
    public static final Unary SIGN = new Unary("SignBackward0", Math::signum, false, (g, x, r) -> g.mul(0.0));
    public static final Unary RECIPROCAL = new Unary("ReciprocalBackward0", x -> 1.0 / x, true,
            (g, x, r) -> g.mul(r.mul(r)).neg());
    public static final Unary FLOOR = new Unary("FloorBackward0", Math::floor, false, (g, x, r) -> g.mul(0.0));
    public static final Unary CEIL = new Unary("CeilBackward0", Math::ceil, false, (g, x, r) -> g.mul(0.0));
    public static final Unary ROUND = new Unary("RoundBackward0", Math::rint, false, (g, x, r) -> g.mul(0.0));

    public static Tensor unary(Unary op, Tensor a) {
        DType type = op.toFloat() ? floatResult(a.dtype()) : a.dtype();
        if (type == DType.BOOL && op == NEG) {
            throw TorchException.runtime("Negation, the `-` operator, on a bool tensor is not supported. If you are "
                    + "trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
        Tensor out;
        if (op.kernel() != null && a.dtype() == type && a.isContiguous() && type.isFloatingPoint()) {
            out = Tensor.zeros(a.shapeRef(), type);
            if (type == DType.FLOAT32) {
                op.kernel().apply(a.storage().f, a.storageOffset(), out.storage().f, out.numel());
            } else {
                op.kernel().apply(a.storage().d, a.storageOffset(), out.storage().d, out.numel());
            }
        } else {
            out = map(a, type, op.f());
        }
        if (Tensor.needsGrad(a)) {
            out.withGradFn(new FunctionNode(op.backwardName(), new Tensor[] {a}, new Tensor[] {a, out},
                    (g, s) -> new Tensor[] {op.derivative().apply(g, s[0], s[1])}));
        }
        return out;
    }

    /** {@code r <= 0 ? 0 : g}: ReLU's gradient from its result, in one loop when both are contiguous alike. */
    private static Tensor reluBackward(Tensor g, Tensor r) {
        if (g.dtype() != r.dtype() || !g.isFloatingPoint() || !g.isContiguous() || !r.isContiguous()
                || !Arrays.equals(g.shapeRef(), r.shapeRef())) {
            return Tensor.where(r.le(Tensor.scalar(0L)), Tensor.zeros(new int[0], g.dtype()), g);
        }
        Tensor out = Tensor.zeros(g.shapeRef(), g.dtype());
        if (g.dtype() == DType.FLOAT32) {
            Elementwise.reluBackward(g.storage().f, g.storageOffset(), r.storage().f, r.storageOffset(), out.storage().f,
                    out.numel());
        } else {
            Elementwise.reluBackward(g.storage().d, g.storageOffset(), r.storage().d, r.storageOffset(), out.storage().d,
                    out.numel());
        }
        return out;
    }

    public static Tensor clamp(Tensor a, Double min, Double max) {
        if (min == null && max == null) {
            throw TorchException.runtime("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        double lo = min == null ? Double.NEGATIVE_INFINITY : min;
        double hi = max == null ? Double.POSITIVE_INFINITY : max;
        Tensor out = map(a, a.dtype(), x -> Double.isNaN(x) ? x : Math.min(Math.max(x, lo), hi));
        if (Tensor.needsGrad(a)) {
            out.withGradFn(new FunctionNode("ClampBackward1", new Tensor[] {a}, new Tensor[] {a}, (g, s) -> {
                Tensor inside = map(s[0], g.dtype(), x -> x >= lo && x <= hi ? 1.0 : 0.0);
                return new Tensor[] {g.mul(inside)};
            }));
        }
        return out;
    }

    // ---- comparisons and logic ----------------------------------------------------------------

    /** The six comparisons; each returns a bool tensor. */
    public enum Comparison {
        EQ, NE, LT, LE, GT, GE;

        boolean test(double x, double y) {
            return switch (this) {
                case EQ -> x == y;
                case NE -> x != y;
                case LT -> x < y;
                case LE -> x <= y;
                case GT -> x > y;
                case GE -> x >= y;
            };
        }

        boolean test(long x, long y) {
            return switch (this) {
                case EQ -> x == y;
                case NE -> x != y;
                case LT -> x < y;
                case LE -> x <= y;
                case GT -> x > y;
                case GE -> x >= y;
            };
        }
    }

    public static Tensor compare(Comparison op, Tensor a, Tensor b) {
        DType type = resultType(a, b);
        return map(a, b, type, DType.BOOL, (x, y) -> op.test(x, y) ? 1.0 : 0.0, (x, y) -> op.test(x, y) ? 1L : 0L);
    }

    public static Tensor logicalNot(Tensor a) {
        return map(a, DType.BOOL, x -> x == 0.0 ? 1.0 : 0.0);
    }

    public static Tensor logical(Tensor a, Tensor b, boolean and) {
        return map(a, b, DType.FLOAT64, DType.BOOL,
                and ? (x, y) -> x != 0 && y != 0 ? 1.0 : 0.0 : (x, y) -> x != 0 || y != 0 ? 1.0 : 0.0, null);
    }

    public static Tensor where(Tensor condition, Tensor x, Tensor y) {
        if (condition.dtype() != DType.BOOL) {
            throw TorchException.runtime("where expected condition to be a boolean tensor, but got a tensor with dtype "
                    + condition.dtype().scalarTypeName());
        }
        DType type = resultType(x, y);
        int[] shape = Shapes.broadcast(Shapes.broadcast(condition.shapeRef(), x.shapeRef()), y.shapeRef());
        Tensor out = Tensor.zeros(shape, type);
        Reader rc = new Reader(condition, shape);
        Reader rx = new Reader(x, shape);
        Reader ry = new Reader(y, shape);
        Storage os = out.storage();
        for (int i = 0, n = out.numel(); i < n; i++) {
            os.setDouble(i, rc.d(i) != 0.0 ? rx.d(i) : ry.d(i));
        }
        if (Tensor.needsGrad(x, y)) {
            out.withGradFn(new FunctionNode("WhereBackward0", new Tensor[] {x, y}, new Tensor[] {condition}, (g, s) -> {
                Tensor mask = s[0].to(g.dtype());
                return new Tensor[] {g.mul(mask), g.mul(mask.rsub(1.0))};
            }));
        }
        return out;
    }

    // ---- conversion and copies ----------------------------------------------------------------

    public static Tensor toDType(Tensor a, DType dtype) {
        Tensor out = Tensor.zeros(a.shapeRef(), dtype);
        copyData(out, a);
        if (Tensor.needsGrad(a) && dtype.isFloatingPoint()) {
            DType original = a.dtype();
            out.withGradFn(new FunctionNode("ToCopyBackward0", new Tensor[] {a}, null,
                    (g, s) -> new Tensor[] {g.to(original)}));
        }
        return out;
    }

    /** Copies {@code src}'s values, broadcast and converted, into {@code dst}; no autograd. */
    public static void copyData(Tensor dst, Tensor src) {
        int[] shape = dst.shapeRef();
        int[] broadcast = Shapes.broadcast(shape, src.shapeRef());
        if (!Arrays.equals(broadcast, shape)) {
            throw TorchException.runtime("output with shape " + Shapes.str(shape)
                    + " doesn't match the broadcast shape " + Shapes.str(broadcast));
        }
        Storage ds = dst.storage();
        Storage ss = src.storage();
        int n = dst.numel();
        if (dst.isContiguous() && src.isContiguous() && ds.dtype() == ss.dtype()
                && Arrays.equals(src.shapeRef(), shape)) {
            Object from = switch (ss.dtype()) {
                case FLOAT32 -> ss.f;
                case FLOAT64 -> ss.d;
                case INT64 -> ss.l;
                case BOOL -> ss.b;
            };
            Object to = switch (ds.dtype()) {
                case FLOAT32 -> ds.f;
                case FLOAT64 -> ds.d;
                case INT64 -> ds.l;
                case BOOL -> ds.b;
            };
            System.arraycopy(from, src.storageOffset(), to, dst.storageOffset(), n);
            return;
        }
        int[] dOff = dst.isContiguous() ? null : dst.elementOffsets();
        Reader rs = new Reader(src, shape);
        boolean integral = !ss.dtype().isFloatingPoint() && !ds.dtype().isFloatingPoint();
        for (int i = 0; i < n; i++) {
            int at = dOff == null ? dst.storageOffset() + i : dOff[i];
            if (integral) {
                ds.setLong(at, rs.l(i));
            } else {
                ds.setDouble(at, rs.d(i));
            }
        }
    }

    /** {@code dst.copy_(src)}: data copy, recorded for autograd when {@code src} requires grad. */
    public static Tensor copyInto(Tensor dst, Tensor src) {
        dst.checkInPlace();
        copyData(dst, src);
        dst.markModified();
        if (Tensor.needsGrad(src)) {
            // NOTE: every element of dst is overwritten, so its old history gets no gradient.
            dst.rebaseHistory(new FunctionNode("CopyBackwards", new Tensor[] {src}, null, (g, s) -> new Tensor[] {g}));
        }
        return dst;
    }

    /**
     * Runs an in-place op: {@code op} computes the result out of place (from a copy of self when
     * autograd records it, since the backward may read self's original values, which PyTorch saves
     * too), then {@link #inPlace(Tensor, Tensor)} writes it into self.
     */
    public static Tensor inPlace(Tensor self, Tensor[] others, java.util.function.UnaryOperator<Tensor> op) {
        Tensor[] all = java.util.Arrays.copyOf(others, others.length + 1);
        all[others.length] = self;
        return inPlace(self, op.apply(Tensor.needsGrad(all) ? self.clone() : self));
    }

    /**
     * Finishes an in-place op computed out of place: checks PyTorch's casting and leaf rules, writes
     * the result into {@code self}, and moves the result's history onto it.
     */
    public static Tensor inPlace(Tensor self, Tensor result) {
        if (result.dtype().ordinal() > self.dtype().ordinal()
                && !(self.dtype().isFloatingPoint() && result.dtype().isFloatingPoint())) {
            throw TorchException.runtime("result type " + result.dtype().scalarTypeName()
                    + " can't be cast to the desired output type " + self.dtype().scalarTypeName());
        }
        self.checkInPlace();
        copyData(self, result);
        self.markModified();
        if (result.gradFn() != null) {
            self.rebaseHistory(result.gradFn());
        }
        return self;
    }
}
