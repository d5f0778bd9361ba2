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

    /** {@code dst += src} with no autograd, as gradient accumulation needs; in one loop when it can. */
    public static void addInPlace(Tensor dst, Tensor src) {
        if (dst.isContiguous() && dst.storage() != src.storage() && dst.dtype() == src.dtype()
                && Arrays.equals(Shapes.broadcast(dst.shapeRef(), src.shapeRef()), dst.shapeRef())
                && TensorIterator.arithmetic(Arith.ADD, dst, src, dst.dtype(), 1.0, dst) != null) {
            return;
        }
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            copyInto(dst, add(dst, src, 1.0));
        }
    }

    // ---- binary -------------------------------------------------------------------------------

    /**
     * A binary op: grad_fn name, forward on floats and on integers, whether integers give float32,
     * an optional kernel loop equal to {@code f}, whether backward reads the inputs, and the derivative.
     */
    public record Binary(String backwardName, DoubleBinaryOperator f, LongBinaryOperator fl, boolean toFloat,
            Arith kernel, boolean savesInputs, Derivative derivative) {
        /** The gradients of both inputs from the output gradient and the inputs (null unless saved). */
        @FunctionalInterface
        public interface Derivative {
            Tensor[] apply(Tensor grad, Tensor a, Tensor b);
        }
    }

    public static final Binary ADD = new Binary("AddBackward0", Double::sum, Long::sum, false, Arith.ADD, false,
            (g, a, b) -> new Tensor[] {g, g});
    public static final Binary SUB = new Binary("SubBackward0", (x, y) -> x - y, (x, y) -> x - y, false, Arith.SUB,
            false, (g, a, b) -> new Tensor[] {g, g.mul(-1.0)});
    /** {@code 2 - x}: PyTorch names the node after {@code __rsub__}. */
    public static final Binary RSUB = new Binary("RsubBackward1", SUB.f(), SUB.fl(), false, Arith.SUB, false,
            SUB.derivative());
    public static final Binary MUL = new Binary("MulBackward0", (x, y) -> x * y, (x, y) -> x * y, false, Arith.MUL,
            true, (g, a, b) -> new Tensor[] {g.mul(b), g.mul(a)});
    /** True division: integers divide as floats, as {@code torch.div} does by default. */
    public static final Binary DIV = new Binary("DivBackward0", (x, y) -> x / y, null, true, Arith.DIV, true,
            (g, a, b) -> new Tensor[] {g.div(b), g.neg().mul(a).div(b.mul(b))});
    public static final Binary MAXIMUM = new Binary("MaximumBackward0",
            (x, y) -> Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.max(x, y), Math::max, false, null, true,
            (g, a, b) -> extremumBackward(g, a, b, Comparison.GT));
    public static final Binary MINIMUM = new Binary("MinimumBackward0",
            (x, y) -> Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.min(x, y), Math::min, false, null, true,
            (g, a, b) -> extremumBackward(g, a, b, Comparison.LT));

    public static Tensor binary(Binary op, Tensor a, Tensor b) {
        DType common = TensorIterator.resultType(a, b);
        DType type = op.toFloat() ? TensorIterator.floatResult(common) : common;
        Tensor out = op.kernel() == null ? null : TensorIterator.arithmetic(op.kernel(), a, b, type, 1.0, null);
        if (out == null) {
            out = TensorIterator.map(a, b, type, type, op.f(), op.fl());
        }
        if (Tensor.needsGrad(a, b)) {
            out.withGradFn(new FunctionNode(op.backwardName(), new Tensor[] {a, b},
                    op.savesInputs() ? new Tensor[] {a, b} : null,
                    (g, s) -> s == null ? op.derivative().apply(g, null, null) : op.derivative().apply(g, s[0], s[1])));
        }
        return out;
    }

    /** {@code a + alpha * b}. */
    public static Tensor add(Tensor a, Tensor b, double alpha) {
        if (alpha == 1.0) {
            return binary(ADD, a, b);
        }
        DType type = TensorIterator.resultType(a, b);
        checkAlpha(type, alpha);
        Tensor out = TensorIterator.arithmetic(Arith.ADD, a, b, type, alpha, null);
        if (out == null) {
            if (type == DType.FLOAT32) {
                float fa = (float) alpha;
                // NOTE: libtorch's vectorized add computes a + alpha * b as one fused multiply-add.
                out = TensorIterator.map(a, b, type, type, (x, y) -> Math.fma(fa, (float) y, (float) x),
                        (x, y) -> x + (long) alpha * y);
            } else {
                out = TensorIterator.map(a, b, type, type, (x, y) -> x + alpha * y, (x, y) -> x + (long) alpha * y);
            }
        }
        if (Tensor.needsGrad(a, b)) {
            out.withGradFn(new FunctionNode(ADD.backwardName(), new Tensor[] {a, b}, null,
                    (g, s) -> new Tensor[] {g, g.mul(alpha)}));
        }
        return out;
    }

    /** {@code a - alpha * b}. */
    public static Tensor sub(Tensor a, Tensor b, double alpha) {
        DType type = TensorIterator.resultType(a, b);
        if (type == DType.BOOL) {
            throw TorchException.runtime("Subtraction, the `-` operator, with two bool tensors is not supported. "
                    + "Use the `^` or `logical_xor()` operator instead.");
        }
        if (alpha == 1.0) {
            return binary(a.isWrappedNumber() ? RSUB : SUB, a, b);
        }
        checkAlpha(type, alpha);
        Tensor out = TensorIterator.arithmetic(Arith.SUB, a, b, type, alpha, null);
        if (out == null) {
            if (type == DType.FLOAT32) {
                float fa = (float) -alpha;
                out = TensorIterator.map(a, b, type, type, (x, y) -> Math.fma(fa, (float) y, (float) x),
                        (x, y) -> x - (long) alpha * y);
            } else {
                out = TensorIterator.map(a, b, type, type, (x, y) -> x - alpha * y, (x, y) -> x - (long) alpha * y);
            }
        }
        if (Tensor.needsGrad(a, b)) {
            out.withGradFn(new FunctionNode(a.isWrappedNumber() ? RSUB.backwardName() : SUB.backwardName(),
                    new Tensor[] {a, b}, null, (g, s) -> new Tensor[] {g, g.mul(-alpha)}));
        }
        return out;
    }

    private static void checkAlpha(DType type, double alpha) {
        if (!type.isFloatingPoint() && alpha != Math.rint(alpha)) {
            throw TorchException.runtime("For integral input tensors, argument alpha must not be a floating point number.");
        }
    }

    public static Tensor mul(Tensor a, Tensor b) {
        return binary(MUL, a, b);
    }

    public static Tensor div(Tensor a, Tensor b) {
        return binary(DIV, a, b);
    }

    public static Tensor maximum(Tensor a, Tensor b) {
        return binary(MAXIMUM, a, b);
    }

    public static Tensor minimum(Tensor a, Tensor b) {
        return binary(MINIMUM, a, b);
    }

    /** Max and min pass the gradient to the winning input; ties split it evenly, as PyTorch does. */
    private static Tensor[] extremumBackward(Tensor g, Tensor a, Tensor b, Comparison wins) {
        Tensor aWins = compare(wins, a, b).to(g.dtype());
        Tensor tie = compare(Comparison.EQ, a, b).to(g.dtype()).mul(0.5);
        Tensor wa = aWins.add(tie);
        return new Tensor[] {g.mul(wa), g.mul(wa.rsub(1.0))};
    }

    public static Tensor floorDivide(Tensor a, Tensor b) {
        DType type = TensorIterator.resultType(a, b);
        return TensorIterator.map(a, b, type, type, (x, y) -> Math.floor(x / y), (x, y) -> {
            if (y == 0) {
                throw TorchException.runtime("ZeroDivisionError");
            }
            return Math.floorDiv(x, y);
        });
    }

    /** Python's {@code %}: the result takes the divisor's sign. */
    public static Tensor remainder(Tensor a, Tensor b) {
        DType type = TensorIterator.resultType(a, b);
        return TensorIterator.map(a, b, type, type, (x, y) -> x - Math.floor(x / y) * y, (x, y) -> {
            if (y == 0) {
                throw TorchException.runtime("ZeroDivisionError");
            }
            return Math.floorMod(x, y);
        });
    }

    public static Tensor pow(Tensor a, Tensor b) {
        DType type = TensorIterator.resultType(a, b);
        DoubleBinaryOperator f = type == DType.FLOAT32 && b.isWrappedNumber() ? Pointwise::powFloatScalar
                : Pointwise::powDouble;
        Tensor out = TensorIterator.map(a, b, type, type, f, Pointwise::powLong);
        if (Tensor.needsGrad(a, b)) {
            if (b.isWrappedNumber() || !b.requiresGrad()) {
                double e = b.numel() == 1 ? b.item() : Double.NaN;
                if (b.numel() == 1) {
                    out.withGradFn(new FunctionNode("PowBackward0", new Tensor[] {a, null}, new Tensor[] {a},
                            (g, s) -> new Tensor[] {e == 0.0 ? g.mul(0.0) : g.mul(s[0].pow(e - 1.0).mul(e)), null}));
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

    /**
     * float32 {@code x ** y} for a Python number {@code y} as libtorch computes it: squares, cubes and
     * {@code -2} by float multiplication ({@code pow_tensor_scalar_optimized_kernel}), others rounded once.
     */
    private static double powFloatScalar(double x, double y) {
        float f = (float) x;
        if (y == 2.0) {
            return f * f;
        } else if (y == 3.0) {
            return f * f * f;
        } else if (y == -2.0) {
            return 1f / (f * f);
        }
        return powDouble(x, y);
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
    public static final Unary SIN = new Unary("SinBackward0", Math::sin, true, (g, x, r) -> g.mul(x.cos()),
            Elementwise.UnaryKernel.SIN);
    public static final Unary COS = new Unary("CosBackward0", Math::cos, true, (g, x, r) -> g.mul(x.sin()).neg(),
            Elementwise.UnaryKernel.COS);
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
        DType type = op.toFloat() ? TensorIterator.floatResult(a.dtype()) : a.dtype();
        if (type == DType.BOOL && op == NEG) {
            throw TorchException.runtime("Negation, the `-` operator, on a bool tensor is not supported. If you are "
                    + "trying to invert a mask, use the `~` or `logical_not()` operator instead.");
        }
        Tensor out;
        if (op.kernel() != null && type.isFloatingPoint()) {
            // NOTE: every float input takes the kernel (some kernels, as sin's, round differently from f)
            Tensor src = a.dtype() == type && a.isContiguous() ? a : a.detach().to(type).contiguous();
            out = Tensor.zeros(a.shapeRef(), type);
            if (type == DType.FLOAT32) {
                op.kernel().apply(src.storage().f, src.storageOffset(), out.storage().f, out.numel());
            } else {
                op.kernel().apply(src.storage().d, src.storageOffset(), out.storage().d, out.numel());
            }
        } else {
            out = TensorIterator.map(a, type, op.f());
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
        Tensor out = TensorIterator.map(a, a.dtype(), x -> Double.isNaN(x) ? x : Math.min(Math.max(x, lo), hi));
        if (Tensor.needsGrad(a)) {
            out.withGradFn(new FunctionNode("ClampBackward1", new Tensor[] {a}, new Tensor[] {a}, (g, s) -> {
                Tensor inside = TensorIterator.map(s[0], g.dtype(), x -> x >= lo && x <= hi ? 1.0 : 0.0);
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
        DType type = TensorIterator.resultType(a, b);
        return TensorIterator.map(a, b, type, DType.BOOL, (x, y) -> op.test(x, y) ? 1.0 : 0.0, (x, y) -> op.test(x, y) ? 1L : 0L);
    }

    public static Tensor logicalNot(Tensor a) {
        return TensorIterator.map(a, DType.BOOL, x -> x == 0.0 ? 1.0 : 0.0);
    }

    public static Tensor logical(Tensor a, Tensor b, boolean and) {
        return TensorIterator.map(a, b, DType.FLOAT64, DType.BOOL,
                and ? (x, y) -> x != 0 && y != 0 ? 1.0 : 0.0 : (x, y) -> x != 0 || y != 0 ? 1.0 : 0.0, null);
    }

    public static Tensor where(Tensor condition, Tensor x, Tensor y) {
        if (condition.dtype() != DType.BOOL) {
            throw TorchException.runtime("where expected condition to be a boolean tensor, but got a tensor with dtype "
                    + condition.dtype().scalarTypeName());
        }
        DType type = TensorIterator.resultType(x, y);
        int[] shape = Shapes.broadcast(Shapes.broadcast(condition.shapeRef(), x.shapeRef()), y.shapeRef());
        Tensor out = Tensor.zeros(shape, type);
        TensorIterator.Reader rc = new TensorIterator.Reader(condition, shape);
        TensorIterator.Reader rx = new TensorIterator.Reader(x, shape);
        TensorIterator.Reader ry = new TensorIterator.Reader(y, shape);
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
        TensorIterator.Reader rs = new TensorIterator.Reader(src, shape);
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
