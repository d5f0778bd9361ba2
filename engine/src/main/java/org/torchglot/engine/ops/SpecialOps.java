package org.torchglot.engine.ops;

import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * Element-wise special functions as tensor ops with PyTorch's gradients: {@code i0}, {@code polygamma},
 * {@code mvlgamma}, {@code igamma}, {@code igammac} and {@code frexp}.
 */
public final class SpecialOps {
    private SpecialOps() {
    }

    public static final Pointwise.Unary I0 = new Pointwise.Unary("I0Backward0", SpecialFunctions::i0, true,
            (g, x, r) -> g.mul(TensorIterator.map(x, g.dtype(), SpecialFunctions::i1)));

    /** d/dx igamma(a, x) = x^(a-1) e^-x / Gamma(a); PyTorch defines no gradient for a. */
    private static Tensor igammaDerivative(Tensor g, Tensor a, Tensor x, double sign) {
        return g.mul(TensorIterator.map(a, x, DType.FLOAT64, g.dtype(),
                (s, v) -> sign * Math.exp((s - 1) * Math.log(v) - v - SpecialMath.lgamma(s)), null));
    }

    public static final BinaryMath.Binary IGAMMA = new BinaryMath.Binary("IgammaBackward0", SpecialFunctions::igamma,
            null, (g, a, b, r) -> new Tensor[] {null, igammaDerivative(g, a, b, 1.0)});
    public static final BinaryMath.Binary IGAMMAC = new BinaryMath.Binary("IgammacBackward0",
            SpecialFunctions::igammac, null, (g, a, b, r) -> new Tensor[] {null, igammaDerivative(g, a, b, -1.0)});

    public static Tensor i0(Tensor x) {
        return Pointwise.unary(I0, x);
    }

    /** The n-th derivative of digamma; its gradient is polygamma(n + 1, x). */
    public static Tensor polygamma(long n, Tensor x) {
        if (n < 0) {
            throw TorchException.runtime("polygamma(n, x) does not support negative n.");
        }
        int order = (int) n;
        return Pointwise.unary(new Pointwise.Unary("PolygammaBackward0", v -> SpecialFunctions.polygamma(order, v),
                true, (g, in, r) -> g.mul(polygamma(n + 1, in))), x);
    }

    /** The log of the multivariate gamma function of dimension p: {@code sum_i lgamma(x - i/2) + p(p-1)/4 log(pi)}. */
    public static Tensor mvlgamma(Tensor x, long p) {
        if (p < 1) {
            throw TorchException.runtime("p has to be greater than or equal to 1");
        }
        double constant = p * (p - 1) / 4.0 * Math.log(Math.PI);
        return Pointwise.unary(new Pointwise.Unary("MvlgammaBackward0", v -> {
            double sum = 0;
            for (int i = 0; i < p; i++) {
                sum += SpecialMath.lgamma(v - i / 2.0);
            }
            return sum + constant;
        }, true, (g, in, r) -> g.mul(TensorIterator.map(in, g.dtype(), v -> {
            double sum = 0;
            for (int i = 0; i < p; i++) {
                sum += SpecialMath.digamma(v - i / 2.0);
            }
            return sum;
        }))), x);
    }

    public static Tensor igamma(Tensor a, Tensor x) {
        return BinaryMath.apply(IGAMMA, a, x);
    }

    public static Tensor igammac(Tensor a, Tensor x) {
        return BinaryMath.apply(IGAMMAC, a, x);
    }

    /**
     * {@code (mantissa, exponent)} with {@code x = mantissa * 2^exponent} and |mantissa| in [0.5, 1) (0, inf and
     * NaN keep themselves with exponent 0). The gradient flows through the mantissa: {@code grad / 2^exponent}.
     */
    public static Tensor[] frexp(Tensor x) {
        if (!x.isFloatingPoint()) {
            throw TorchException.runtime("torch.frexp() only supports floating-point dtypes");
        }
        double[] values = x.contiguousCopy().toDoubleArray();
        double[] mantissas = new double[values.length];
        long[] exponents = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
                mantissas[i] = v;
                continue;
            }
            int e = Math.getExponent(v) + 1;
            if (e < Double.MIN_EXPONENT + 1) {
                // NOTE: a subnormal's getExponent is MIN_EXPONENT - 1; scale it into the normal range first.
                e = Math.getExponent(v * 0x1p64) + 1 - 64;
            }
            exponents[i] = e;
            mantissas[i] = Math.scalb(v, -e);
        }
        Tensor exponent = Tensor.of(Storage.wrap(exponents), x.shape());
        Tensor mantissa = Recorded.op("FrexpBackward0", new Tensor[] {x}, new Tensor[] {exponent},
                () -> Tensor.of(Storage.wrap(mantissas), x.shape()).to(x.dtype()),
                (g, s) -> new Tensor[] {g.mul(TensorIterator.map(s[0], g.dtype(), e -> Math.scalb(1.0, -(int) e)))});
        return new Tensor[] {mantissa, exponent};
    }
}
