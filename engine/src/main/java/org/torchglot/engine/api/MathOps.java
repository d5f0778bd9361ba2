package org.torchglot.engine.api;

import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.ops.BinaryMath;
import org.torchglot.engine.ops.Pointwise;
import org.torchglot.engine.ops.TensorIterator;
import org.torchglot.engine.ops.UnaryMath;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;

/** Element-wise math of the table beyond {@link TensorOps}: the unary family, binary math, tests, bitwise ops. */
final class MathOps {
    private MathOps() {
    }

    static void registerAll(OpTable t) {
        unary(t);
        binary(t);
        tests(t);
    }

    private static void unary(OpTable t) {
        Object[][] family = {
            {"acos", UnaryMath.ACOS, "Inverse cosine."},
            {"asin", UnaryMath.ASIN, "Inverse sine."},
            {"atan", UnaryMath.ATAN, "Inverse tangent."},
            {"acosh", UnaryMath.ACOSH, "Inverse hyperbolic cosine."},
            {"asinh", UnaryMath.ASINH, "Inverse hyperbolic sine."},
            {"atanh", UnaryMath.ATANH, "Inverse hyperbolic tangent."},
            {"sinh", UnaryMath.SINH, "Hyperbolic sine."},
            {"cosh", UnaryMath.COSH, "Hyperbolic cosine."},
            {"tan", UnaryMath.TAN, "Tangent."},
            {"exp2", UnaryMath.EXP2, "2 ** self."},
            {"expm1", UnaryMath.EXPM1, "exp(self) - 1, accurate near 0."},
            {"log2", UnaryMath.LOG2, "Base-2 logarithm."},
            {"log10", UnaryMath.LOG10, "Base-10 logarithm."},
            {"rsqrt", UnaryMath.RSQRT, "1 / sqrt(self)."},
            {"erf", UnaryMath.ERF, "The error function."},
            {"erfc", UnaryMath.ERFC, "1 - erf(self), accurate for large self."},
            {"erfinv", UnaryMath.ERFINV, "The inverse error function."},
            {"trunc", UnaryMath.TRUNC, "Rounds towards zero."},
            {"frac", UnaryMath.FRAC, "The fractional part, self - trunc(self)."},
            {"deg2rad", UnaryMath.DEG2RAD, "Degrees to radians."},
            {"rad2deg", UnaryMath.RAD2DEG, "Radians to degrees."},
            {"sgn", UnaryMath.SGN, "The sign (for real tensors the same as sign)."},
            {"sinc", UnaryMath.SINC, "sin(pi * self) / (pi * self), 1 at 0."},
        };
        for (Object[] row : family) {
            Pointwise.Unary op = (Pointwise.Unary) row[1];
            t.register(row[0] + "(Tensor self)", (String) row[2], a -> Pointwise.unary(op, a.tensor(0)));
        }
        t.alias("arccos", "acos");
        t.alias("arcsin", "asin");
        t.alias("arctan", "atan");
        t.alias("arccosh", "acosh");
        t.alias("arcsinh", "asinh");
        t.alias("arctanh", "atanh");
        t.alias("fix", "trunc");
        t.register("lgamma(Tensor self)", "log|Gamma(self)|.", a -> Pointwise.unary(UnaryMath.LGAMMA, a.tensor(0)));
        t.register("digamma(Tensor self)", "d/dx log Gamma(x).", a -> Pointwise.unary(UnaryMath.DIGAMMA, a.tensor(0)));
        t.register("positive(Tensor self)", "self, unchanged.", a -> a.tensor(0));
        t.register("softmax(Tensor self, dim dim, ScalarType? dtype=None)", "exp(self) / sum(exp(self)) along dim.",
                a -> Functional.softmax(a.isNone(2) ? a.tensor(0) : a.tensor(0).to(a.dtype(2)), a.intValue(1)));
        t.register("log_softmax(Tensor self, dim dim, ScalarType? dtype=None)", "log(softmax(self)), computed stably.",
                a -> Functional.logSoftmax(a.isNone(2) ? a.tensor(0) : a.tensor(0).to(a.dtype(2)), a.intValue(1)));
        t.register("logit(Tensor self, float? eps=None)", "log(self / (1 - self)), self first clamped to [eps, 1 - eps].",
                a -> BinaryMath.logit(a.tensor(0), a.doubleOrNull(1)));
        t.register("nan_to_num(Tensor self, float? nan=0.0, float? posinf=None, float? neginf=None)",
                "Replaces NaN and infinities by numbers (by default 0 and the dtype's extremes).",
                a -> BinaryMath.nanToNum(a.tensor(0), a.isNone(1) ? 0.0 : a.doubleValue(1), a.doubleOrNull(2),
                        a.doubleOrNull(3)));
        t.register("clamp_min(Tensor self, TensorOrScalar min)", "max(self, min).", a -> clamp(a.tensor(0), a.tensor(1), null));
        t.register("clamp_max(Tensor self, TensorOrScalar max)", "min(self, max).", a -> clamp(a.tensor(0), null, a.tensor(1)));
    }

    /** clamp with number bounds keeps the scalar kernel (ClampBackward1); tensor bounds broadcast. */
    static Tensor clamp(Tensor self, Tensor min, Tensor max) {
        boolean numbers = (min == null || min.isWrappedNumber()) && (max == null || max.isWrappedNumber());
        boolean promotes = !self.isFloatingPoint()
                && (min != null && min.isFloatingPoint() || max != null && max.isFloatingPoint());
        if (numbers && !promotes) {
            return self.clamp(min == null ? null : min.item(), max == null ? null : max.item());
        }
        return BinaryMath.clamp(self, min, max);
    }

    private static void binary(OpTable t) {
        Object[][] family = {
            {"atan2(Tensor self, Tensor other)", BinaryMath.ATAN2, "atan(self / other) in the right quadrant."},
            {"fmod(Tensor self, TensorOrScalar other)", BinaryMath.FMOD, "C's remainder: takes the dividend's sign."},
            {"hypot(Tensor self, Tensor other)", BinaryMath.HYPOT, "sqrt(self ** 2 + other ** 2)."},
            {"copysign(Tensor self, TensorOrScalar other)", BinaryMath.COPYSIGN, "|self| with the sign of other."},
            {"logaddexp(Tensor self, Tensor other)", BinaryMath.LOGADDEXP, "log(exp(self) + exp(other)), stably."},
            {"logaddexp2(Tensor self, Tensor other)", BinaryMath.LOGADDEXP2, "log2(2 ** self + 2 ** other), stably."},
            {"xlogy(Tensor self, TensorOrScalar other)", BinaryMath.XLOGY, "self * log(other), 0 where self is 0."},
            {"fmax(Tensor self, Tensor other)", BinaryMath.FMAX, "Element-wise maximum ignoring NaN."},
            {"fmin(Tensor self, Tensor other)", BinaryMath.FMIN, "Element-wise minimum ignoring NaN."},
        };
        for (Object[] row : family) {
            BinaryMath.Binary op = (BinaryMath.Binary) row[1];
            t.register((String) row[0], (String) row[2], a -> BinaryMath.apply(op, a.tensor(0), a.tensor(1)));
        }
        t.alias("arctan2", "atan2");
        t.register("float_power(Tensor self, TensorOrScalar exponent)", "self ** exponent in float64.",
                a -> a.tensor(0).to(DType.FLOAT64).pow(a.tensor(1).to(DType.FLOAT64)));
        t.register("lerp(Tensor self, Tensor end, TensorOrScalar weight)", "self + weight * (end - self).",
                a -> BinaryMath.lerp(a.tensor(0), a.tensor(1), a.tensor(2)));
        t.register("addcmul(Tensor self, Tensor tensor1, Tensor tensor2, *, Scalar value=1)",
                "self + value * tensor1 * tensor2.",
                a -> BinaryMath.addcmul(a.tensor(0), a.tensor(1), a.tensor(2), a.doubleValue(3)));
        t.register("addcdiv(Tensor self, Tensor tensor1, Tensor tensor2, *, Scalar value=1)",
                "self + value * tensor1 / tensor2.",
                a -> BinaryMath.addcdiv(a.tensor(0), a.tensor(1), a.tensor(2), a.doubleValue(3)));
        t.register("gcd(Tensor self, Tensor other)", "Greatest common divisor of integers.",
                a -> BinaryMath.bitwise("gcd", a.tensor(0), a.tensor(1), MathOps::gcd));
        t.register("lcm(Tensor self, Tensor other)", "Least common multiple of integers.",
                a -> BinaryMath.bitwise("lcm", a.tensor(0), a.tensor(1), (x, y) -> {
                    long g = gcd(x, y);
                    return g == 0 ? 0 : Math.abs(x / g * y);
                }));
        t.register("ldexp(Tensor self, Tensor other)", "self * 2 ** other.",
                a -> a.tensor(0).mul(Tensor.scalar(2.0).pow(a.tensor(1).to(DType.FLOAT64)).to(
                        a.tensor(0).isFloatingPoint() ? a.tensor(0).dtype() : DType.FLOAT32)));
        t.register("nextafter(Tensor self, Tensor other)", "The next representable number after self towards other.",
                a -> {
                    Tensor x = a.tensor(0);
                    boolean single = x.dtype() == DType.FLOAT32;
                    return TensorIterator.map(x, a.tensor(1), x.dtype(), x.dtype(), (v, w) -> single
                            ? Math.nextAfter((float) v, w) : Math.nextAfter(v, w), null);
                });
        t.register("heaviside(Tensor self, Tensor values)", "0 below zero, 1 above, values at zero.",
                a -> BinaryMath.heaviside(a.tensor(0), a.tensor(1)));
    }

    private static long gcd(long x, long y) {
        x = Math.abs(x);
        y = Math.abs(y);
        while (y != 0) {
            long r = x % y;
            x = y;
            y = r;
        }
        return x;
    }

    private static void tests(OpTable t) {
        t.register("isin(TensorOrScalar elements, TensorOrScalar test_elements, *, bool assume_unique=False, "
                + "bool invert=False)", "True where an element is among test_elements.", a -> {
                    java.util.Set<Double> set = new java.util.HashSet<>();
                    for (double v : a.tensor(1).toDoubleArray()) {
                        set.add(v == 0.0 ? 0.0 : v);
                    }
                    boolean invert = a.bool(3);
                    return BinaryMath.test(a.tensor(0), v -> set.contains(v == 0.0 ? 0.0 : v) != invert ? 1 : 0);
                });
        t.alias("greater_equal", "ge");
        t.alias("less_equal", "le");
        t.alias("not_equal", "ne");
        t.register("isnan(Tensor self)", "True where NaN.", a -> BinaryMath.isnan(a.tensor(0)));
        t.register("isinf(Tensor self)", "True where infinite.", a -> BinaryMath.isinf(a.tensor(0)));
        t.register("isfinite(Tensor self)", "True where neither NaN nor infinite.", a -> BinaryMath.isfinite(a.tensor(0)));
        t.register("isposinf(Tensor self)", "True where +inf.",
                a -> BinaryMath.test(a.tensor(0), v -> v == Double.POSITIVE_INFINITY ? 1 : 0));
        t.register("isneginf(Tensor self)", "True where -inf.",
                a -> BinaryMath.test(a.tensor(0), v -> v == Double.NEGATIVE_INFINITY ? 1 : 0));
        t.register("isreal(Tensor self)", "True everywhere (real tensors only).",
                a -> BinaryMath.test(a.tensor(0), v -> 1));
        t.register("signbit(Tensor self)", "True where the sign bit is set (also for -0.0).",
                a -> BinaryMath.test(a.tensor(0), v -> Double.doubleToRawLongBits(v) < 0 ? 1 : 0));
        t.register("isclose(Tensor self, Tensor other, float rtol=1e-05, float atol=1e-08, bool equal_nan=False)",
                "True where |self - other| <= atol + rtol * |other|.",
                a -> BinaryMath.isclose(a.tensor(0), a.tensor(1), a.doubleValue(2), a.doubleValue(3), a.bool(4)));
        t.register("logical_xor(Tensor self, Tensor other)", "Element-wise exclusive or.",
                a -> BinaryMath.logicalXor(a.tensor(0), a.tensor(1)));
        t.register("bitwise_and(Tensor self, TensorOrScalar other)", "Bitwise and of integer or bool tensors.",
                a -> BinaryMath.bitwise("bitwise_and", a.tensor(0), a.tensor(1), (x, y) -> x & y));
        t.register("bitwise_or(Tensor self, TensorOrScalar other)", "Bitwise or of integer or bool tensors.",
                a -> BinaryMath.bitwise("bitwise_or", a.tensor(0), a.tensor(1), (x, y) -> x | y));
        t.register("bitwise_xor(Tensor self, TensorOrScalar other)", "Bitwise exclusive or of integer or bool tensors.",
                a -> BinaryMath.bitwise("bitwise_xor", a.tensor(0), a.tensor(1), (x, y) -> x ^ y));
        t.register("bitwise_not(Tensor self)", "Bitwise not of an integer or bool tensor.",
                a -> BinaryMath.bitwiseNot(a.tensor(0)));
        t.register("bitwise_left_shift(Tensor self, TensorOrScalar other)", "self << other for integers.",
                a -> BinaryMath.bitwise("lshift", a.tensor(0), a.tensor(1), (x, y) -> x << y));
        t.register("bitwise_right_shift(Tensor self, TensorOrScalar other)", "self >> other for integers.",
                a -> BinaryMath.bitwise("rshift", a.tensor(0), a.tensor(1), (x, y) -> x >> y));
    }
}
