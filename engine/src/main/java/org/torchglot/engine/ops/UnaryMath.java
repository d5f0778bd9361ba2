package org.torchglot.engine.ops;

import java.util.function.DoubleUnaryOperator;
import org.torchglot.engine.ops.Pointwise.Unary;
import org.torchglot.engine.tensor.Tensor;

/** The rest of PyTorch's element-wise unary math, a table line each as in {@link Pointwise}. */
public final class UnaryMath {
    private static final double LN2 = Math.log(2.0);
    private static final double LN10 = Math.log(10.0);
    private static final double SQRT_PI = Math.sqrt(Math.PI);

    private UnaryMath() {
    }

    /** {@code g * f(x)}: a derivative that is a function of the input alone. */
    private static Tensor times(Tensor g, Tensor x, DoubleUnaryOperator f) {
        return g.mul(TensorIterator.map(x, g.dtype(), f));
    }

    public static final Unary ACOS = new Unary("AcosBackward0", Math::acos, true,
            (g, x, r) -> times(g, x, v -> -1.0 / Math.sqrt(1 - v * v)));
    public static final Unary ASIN = new Unary("AsinBackward0", Math::asin, true,
            (g, x, r) -> times(g, x, v -> 1.0 / Math.sqrt(1 - v * v)));
    public static final Unary ATAN = new Unary("AtanBackward0", Math::atan, true,
            (g, x, r) -> times(g, x, v -> 1.0 / (1 + v * v)));
    public static final Unary ACOSH = new Unary("AcoshBackward0", v -> Math.log(v + Math.sqrt(v * v - 1)), true,
            (g, x, r) -> times(g, x, v -> 1.0 / Math.sqrt(v * v - 1)));
    public static final Unary ASINH = new Unary("AsinhBackward0", UnaryMath::asinh, true,
            (g, x, r) -> times(g, x, v -> 1.0 / Math.sqrt(v * v + 1)));
    public static final Unary ATANH = new Unary("AtanhBackward0", v -> 0.5 * Math.log1p(2 * v / (1 - v)), true,
            (g, x, r) -> times(g, x, v -> 1.0 / (1 - v * v)));
    public static final Unary SINH = new Unary("SinhBackward0", Math::sinh, true,
            (g, x, r) -> times(g, x, Math::cosh));
    public static final Unary COSH = new Unary("CoshBackward0", Math::cosh, true,
            (g, x, r) -> times(g, x, Math::sinh));
    public static final Unary TAN = new Unary("TanBackward0", Math::tan, true,
            (g, x, r) -> times(g, r, v -> 1 + v * v));
    public static final Unary EXP2 = new Unary("Exp2Backward0", v -> Math.pow(2.0, v), true,
            (g, x, r) -> g.mul(r).mul(LN2));
    public static final Unary EXPM1 = new Unary("Expm1Backward0", Math::expm1, true,
            (g, x, r) -> g.mul(r.add(1.0)));
    public static final Unary LOG2 = new Unary("Log2Backward0", v -> Math.log(v) / LN2, true,
            (g, x, r) -> g.div(x.mul(LN2)));
    public static final Unary LOG10 = new Unary("Log10Backward0", Math::log10, true,
            (g, x, r) -> g.div(x.mul(LN10)));
    public static final Unary RSQRT = new Unary("RsqrtBackward0", v -> 1.0 / Math.sqrt(v), true,
            (g, x, r) -> g.mul(r.pow(3.0)).mul(-0.5));
    public static final Unary ERF = new Unary("ErfBackward0", SpecialMath::erf, true,
            (g, x, r) -> times(g, x, v -> 2.0 / SQRT_PI * Math.exp(-v * v)));
    public static final Unary ERFC = new Unary("ErfcBackward0", SpecialMath::erfc, true,
            (g, x, r) -> times(g, x, v -> -2.0 / SQRT_PI * Math.exp(-v * v)));
    public static final Unary ERFINV = new Unary("ErfinvBackward0", SpecialMath::erfinv, true,
            (g, x, r) -> times(g, r, v -> SQRT_PI / 2.0 * Math.exp(v * v)));
    public static final Unary TRUNC = new Unary("TruncBackward0", v -> v < 0 ? Math.ceil(v) : Math.floor(v), false,
            (g, x, r) -> g.mul(0.0));
    public static final Unary FRAC = new Unary("FracBackward0", v -> v - (v < 0 ? Math.ceil(v) : Math.floor(v)), false,
            (g, x, r) -> g);
    public static final Unary DEG2RAD = new Unary("Deg2RadBackward0", v -> v * (Math.PI / 180.0), true,
            (g, x, r) -> g.mul(Math.PI / 180.0));
    public static final Unary RAD2DEG = new Unary("Rad2DegBackward0", v -> v * (180.0 / Math.PI), true,
            (g, x, r) -> g.mul(180.0 / Math.PI));
    public static final Unary SGN = new Unary("SgnBackward0", Math::signum, false, (g, x, r) -> g.mul(0.0));
    public static final Unary SINC = new Unary("SincBackward0", UnaryMath::sinc, true,
            (g, x, r) -> times(g, x, v -> {
                if (v == 0) {
                    return 0.0;
                }
                double px = Math.PI * v;
                return (Math.cos(px) * px - Math.sin(px)) / (px * v);
            }));

    public static final Unary ANGLE = new Unary("AngleBackward0", v -> Double.isNaN(v) ? v : v < 0 ? Math.PI : 0.0,
            true, (g, x, r) -> g.mul(0.0));
    public static final Unary LGAMMA = new Unary("LgammaBackward0", SpecialMath::lgamma, true,
            (g, x, r) -> times(g, x, SpecialMath::digamma));
    public static final Unary DIGAMMA = new Unary("DigammaBackward0", SpecialMath::digamma, true,
            (g, x, r) -> times(g, x, SpecialMath::trigamma));

    private static double asinh(double v) {
        double a = Math.abs(v);
        return Math.copySign(Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a))), v);
    }

    private static double sinc(double v) {
        if (v == 0) {
            return 1.0;
        }
        double px = Math.PI * v;
        return Math.sin(px) / px;
    }
}
