package org.torchglot.engine.ops;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * Element-wise binary math beyond the arithmetic of {@link Pointwise} (atan2, fmod, hypot...), a
 * table line each: forward, integer forward (null: the result is float), derivative, grad_fn name.
 * Also the tests ({@code isnan}, {@code isclose}), bitwise and ternary ops ({@code lerp}, {@code addcmul}).
 */
public final class BinaryMath {
    private BinaryMath() {
    }

    /** Both inputs' gradients from the output gradient, the inputs and the result. */
    @FunctionalInterface
    public interface Derivative {
        Tensor[] apply(Tensor grad, Tensor a, Tensor b, Tensor result);
    }

    /** A binary op: {@code longs} null means integer inputs give a float result. */
    public record Binary(String backwardName, DoubleBinaryOperator doubles, LongBinaryOperator longs,
            Derivative derivative) {
    }

    /** {@code f(a, b)} element-wise into the gradient's dtype: a derivative factor. */
    private static Tensor factor(Tensor a, Tensor b, DType type, DoubleBinaryOperator f) {
        return TensorIterator.map(a, b, DType.FLOAT64, type, f, null);
    }

    public static final Binary ATAN2 = new Binary("Atan2Backward0", Math::atan2, null, (g, a, b, r) -> new Tensor[] {
        g.mul(factor(a, b, g.dtype(), (y, x) -> x / (x * x + y * y))),
        g.mul(factor(a, b, g.dtype(), (y, x) -> -y / (x * x + y * y)))});
    public static final Binary FMOD = new Binary("FmodBackward1", (x, y) -> x % y, (x, y) -> {
        if (y == 0) {
            throw TorchException.runtime("ZeroDivisionError");
        }
        return x % y;
    }, (g, a, b, r) -> new Tensor[] {g, g.mul(factor(a, b, g.dtype(), (x, y) -> -truncate(x / y)))});
    public static final Binary HYPOT = new Binary("HypotBackward0", Math::hypot, null, (g, a, b, r) -> new Tensor[] {
        g.mul(a).div(r), g.mul(b).div(r)});
    public static final Binary COPYSIGN = new Binary("CopysignBackward0", Math::copySign, null,
            (g, a, b, r) -> new Tensor[] {
                g.mul(factor(a, b, g.dtype(), (x, y) -> x == 0 ? 0.0 : Math.signum(x) * Math.copySign(1.0, y))), null});
    public static final Binary LOGADDEXP = new Binary("LogaddexpBackward0", BinaryMath::logaddexp, null,
            (g, a, b, r) -> new Tensor[] {g.mul(a.sub(r).exp()), g.mul(b.sub(r).exp())});
    public static final Binary LOGADDEXP2 = new Binary("Logaddexp2Backward0",
            (x, y) -> logaddexp(x * Math.log(2), y * Math.log(2)) / Math.log(2), null,
            (g, a, b, r) -> new Tensor[] {
                g.mul(factor(a, r, g.dtype(), (x, o) -> Math.pow(2, x - o))),
                g.mul(factor(b, r, g.dtype(), (y, o) -> Math.pow(2, y - o)))});
    public static final Binary XLOGY = new Binary("XlogyBackward0",
            (x, y) -> Double.isNaN(y) ? Double.NaN : x == 0 ? 0.0 : x * Math.log(y), null,
            (g, a, b, r) -> new Tensor[] {
                g.mul(factor(a, b, g.dtype(), (x, y) -> x == 0 && !Double.isNaN(y) ? 0.0 : Math.log(y))),
                g.mul(factor(a, b, g.dtype(), (x, y) -> x / y))});
    public static final Binary FMAX = new Binary("FmaxBackward0", (x, y) -> Double.isNaN(x) ? y : Double.isNaN(y) ? x
            : Math.max(x, y), Math::max, (g, a, b, r) -> chosen(g, a, b, true));
    public static final Binary FMIN = new Binary("FminBackward0", (x, y) -> Double.isNaN(x) ? y : Double.isNaN(y) ? x
            : Math.min(x, y), Math::min, (g, a, b, r) -> chosen(g, a, b, false));

    private static double truncate(double v) {
        return v < 0 ? Math.ceil(v) : Math.floor(v);
    }

    private static double logaddexp(double x, double y) {
        if (x == y && Double.isInfinite(x)) {
            return x;
        }
        double m = Math.max(x, y);
        return m + Math.log1p(Math.exp(-Math.abs(x - y)));
    }

    /** fmax/fmin's gradient goes to the operand chosen (the first when equal or the other is NaN). */
    private static Tensor[] chosen(Tensor g, Tensor a, Tensor b, boolean max) {
        Tensor pickA = factor(a, b, g.dtype(), (x, y) -> Double.isNaN(y) || (!Double.isNaN(x) && (max ? x >= y : x <= y))
                ? 1.0 : 0.0);
        return new Tensor[] {g.mul(pickA), g.mul(pickA.rsub(1.0))};
    }

    public static Tensor apply(Binary op, Tensor a, Tensor b) {
        DType type = TensorIterator.resultType(a, b);
        if (op.longs() == null && !type.isFloatingPoint()) {
            type = DType.FLOAT32;
        }
        if (type == DType.BOOL) {
            type = DType.INT64;
        }
        DType computeType = type;
        Tensor out = TensorIterator.map(a, b, computeType, type, op.doubles(), op.longs());
        if (Tensor.needsGrad(a, b)) {
            out.withGradFn(new FunctionNode(op.backwardName(), new Tensor[] {a, b}, new Tensor[] {a, b, out},
                    (g, s) -> op.derivative().apply(g, s[0], s[1], s[2])));
        }
        return out;
    }

    // ---- tests ----------------------------------------------------------------------------------

    /** A bool tensor of {@code test(x)}; integer and bool inputs are never NaN or infinite. */
    public static Tensor test(Tensor x, DoubleUnaryOperator test) {
        return TensorIterator.map(x, DType.BOOL, test);
    }

    public static Tensor isnan(Tensor x) {
        return test(x, v -> Double.isNaN(v) ? 1 : 0);
    }

    public static Tensor isinf(Tensor x) {
        return test(x, v -> Double.isInfinite(v) ? 1 : 0);
    }

    public static Tensor isfinite(Tensor x) {
        return test(x, v -> Double.isFinite(v) ? 1 : 0);
    }

    public static Tensor isclose(Tensor a, Tensor b, double rtol, double atol, boolean equalNan) {
        if (a.dtype() != b.dtype()) {
            throw TorchException.runtime(a.dtype().scalarTypeName() + " did not match " + b.dtype().scalarTypeName());
        }
        return TensorIterator.map(a, b, DType.FLOAT64, DType.BOOL, (x, y) -> {
            if (x == y) {
                return 1;
            }
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return equalNan && Double.isNaN(x) && Double.isNaN(y) ? 1 : 0;
            }
            if (Double.isInfinite(x) || Double.isInfinite(y)) {
                return 0;
            }
            return Math.abs(x - y) <= atol + rtol * Math.abs(y) ? 1 : 0;
        }, null);
    }

    public static Tensor logicalXor(Tensor a, Tensor b) {
        return TensorIterator.map(a, b, DType.FLOAT64, DType.BOOL, (x, y) -> (x != 0) != (y != 0) ? 1 : 0, null);
    }

    /** Bitwise and/or/xor of integer or bool tensors. */
    public static Tensor bitwise(String name, Tensor a, Tensor b, LongBinaryOperator f) {
        DType type = TensorIterator.resultType(a, b);
        if (type.isFloatingPoint()) {
            throw TorchException.runtime("\"" + name + "_cpu\" not implemented for '" + type.scalarTypeName() + "'");
        }
        return TensorIterator.map(a, b, type, type, null, f);
    }

    public static Tensor bitwiseNot(Tensor a) {
        if (a.isFloatingPoint()) {
            throw TorchException.runtime("\"bitwise_not_cpu\" not implemented for '" + a.dtype().scalarTypeName() + "'");
        }
        return a.dtype() == DType.BOOL ? Pointwise.logicalNot(a) : TensorIterator.map(a, a, DType.INT64, DType.INT64, null,
                (x, y) -> ~x);
    }

    // ---- ops with parameters ----------------------------------------------------------------------

    public static Tensor nanToNum(Tensor x, double nan, Double posinf, Double neginf) {
        if (!x.isFloatingPoint()) {
            return x.clone();
        }
        double max = x.dtype() == DType.FLOAT32 ? Float.MAX_VALUE : Double.MAX_VALUE;
        double pos = posinf == null ? max : posinf;
        double neg = neginf == null ? -max : neginf;
        return Recorded.op("NanToNumBackward0", new Tensor[] {x}, new Tensor[] {x},
                () -> TensorIterator.map(x, x.dtype(), v -> Double.isNaN(v) ? nan : v == Double.POSITIVE_INFINITY ? pos
                        : v == Double.NEGATIVE_INFINITY ? neg : v),
                (g, s) -> new Tensor[] {g.mul(isfinite(s[0]).to(g.dtype()))});
    }

    public static Tensor logit(Tensor x, Double eps) {
        DType type = x.isFloatingPoint() ? x.dtype() : DType.FLOAT32;
        double lo = eps == null ? Double.NEGATIVE_INFINITY : eps;
        double hi = eps == null ? Double.POSITIVE_INFINITY : 1 - eps;
        return Recorded.op("LogitBackward0", new Tensor[] {x}, new Tensor[] {x},
                () -> TensorIterator.map(x, type, v -> {
                    double z = eps == null ? v : Math.min(Math.max(v, lo), hi);
                    return Math.log(z / (1 - z));
                }),
                (g, s) -> new Tensor[] {g.mul(TensorIterator.map(s[0], g.dtype(),
                        v -> v < lo || v > hi ? 0.0 : 1.0 / (v * (1 - v))))});
    }

    /** {@code clamp} with tensor bounds (either may be null); gradients go where each bound is chosen. */
    public static Tensor clamp(Tensor x, Tensor min, Tensor max) {
        if (min == null && max == null) {
            throw TorchException.runtime("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        Tensor[] inputs = {x, min, max};
        DType type = min == null ? TensorIterator.resultType(x, max) : max == null ? TensorIterator.resultType(x, min)
                : TensorIterator.resultType(x, min, max);
        String name = min != null && max != null ? "ClampBackward0" : max == null ? "ClampMinBackward1"
                : "ClampMaxBackward1";
        return Recorded.op(name, inputs, inputs, () -> {
            Tensor r = x;
            if (min != null) {
                r = Pointwise.where(Pointwise.compare(Pointwise.Comparison.LT, r, min), min, r);
            }
            if (max != null) {
                r = Pointwise.where(Pointwise.compare(Pointwise.Comparison.GT, r, max), max, r);
            }
            return r.to(type);
        }, (g, s) -> {
            // NOTE: as min(max(x, min), max): max wins where it is below x or below min.
            Tensor zero = Tensor.zeros(new int[0], g.dtype());
            Tensor toMax = s[2] == null ? null : s[0].gt(s[2]);
            if (toMax != null && s[1] != null) {
                toMax = toMax.logicalOr(s[1].gt(s[2]));
            }
            Tensor toMin = s[1] == null ? null : s[0].lt(s[1]);
            if (toMin != null && toMax != null) {
                toMin = toMin.logicalAnd(toMax.logicalNot());
            }
            Tensor toSelf = toMin == null ? toMax.logicalNot()
                    : toMax == null ? toMin.logicalNot() : toMin.logicalOr(toMax).logicalNot();
            return new Tensor[] {Tensor.where(toSelf, g, zero),
                toMin == null ? null : Tensor.where(toMin, g, zero),
                toMax == null ? null : Tensor.where(toMax, g, zero)};
        });
    }

    /** {@code input + weight * (end - input)}. */
    public static Tensor lerp(Tensor input, Tensor end, Tensor weight) {
        Tensor[] inputs = {input, end, weight};
        String name = weight.isWrappedNumber() ? "LerpBackward0" : "LerpBackward1";
        return Recorded.op(name, inputs, inputs, () -> input.add(end.sub(input).mul(weight)),
                (g, s) -> new Tensor[] {g.mul(s[2].rsub(1.0)), g.mul(s[2]),
                    s[2].isWrappedNumber() ? null : g.mul(s[1].sub(s[0]))});
    }

    /** {@code input + value * t1 * t2}. */
    public static Tensor addcmul(Tensor input, Tensor t1, Tensor t2, double value) {
        Tensor[] inputs = {input, t1, t2};
        return Recorded.op("AddcmulBackward0", inputs, inputs, () -> input.add(t1.mul(t2).mul(value)),
                (g, s) -> new Tensor[] {g, g.mul(s[2]).mul(value), g.mul(s[1]).mul(value)});
    }

    /** {@code input + value * t1 / t2}. */
    public static Tensor addcdiv(Tensor input, Tensor t1, Tensor t2, double value) {
        if (!t1.isFloatingPoint() && !t2.isFloatingPoint()) {
            throw TorchException.runtime("Integer division with addcdiv is no longer supported, and in a future "
                    + " release addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv "
                    + "behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2)).to(input.dtype) "
                    + "for integer inputs and as (input + value * tensor1 / tensor2) for float inputs. The future "
                    + "addcdiv behavior is just the latter implementation: (input + value * tensor1 / tensor2), for all "
                    + "dtypes.");
        }
        Tensor[] inputs = {input, t1, t2};
        return Recorded.op("AddcdivBackward0", inputs, inputs, () -> input.add(t1.div(t2).mul(value)),
                (g, s) -> new Tensor[] {g, g.div(s[2]).mul(value), g.mul(s[1]).div(s[2].mul(s[2])).mul(-value)});
    }

    public static Tensor heaviside(Tensor x, Tensor values) {
        if (x.dtype() != values.dtype()) {
            throw TorchException.runtime("heaviside is not yet implemented for tensors with different dtypes");
        }
        return TensorIterator.map(x, values, x.dtype(), x.dtype(), (v, h) -> v == 0 ? h : v > 0 ? 1 : 0,
                (v, h) -> v == 0 ? h : v > 0 ? 1 : 0);
    }

    static int[] broadcastAll(Tensor... tensors) {
        int[] shape = new int[0];
        for (Tensor t : tensors) {
            shape = Shapes.broadcast(shape, t.shapeRef());
        }
        return shape;
    }
}
