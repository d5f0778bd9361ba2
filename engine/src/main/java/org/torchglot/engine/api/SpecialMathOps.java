package org.torchglot.engine.api;

import org.torchglot.engine.ops.MatrixExp;
import org.torchglot.engine.ops.SpecialOps;
import org.torchglot.engine.tensor.Tensor;

/** The special functions of the table: Bessel, polygamma, multivariate and incomplete gamma, frexp, matrix_exp. */
final class SpecialMathOps {
    private SpecialMathOps() {
    }

    static void registerAll(OpTable t) {
        t.register("i0(Tensor self)", "The modified Bessel function of the first kind of order 0.",
                a -> SpecialOps.i0(a.tensor(0)));
        t.register("polygamma(int n, Tensor self|input)", "The n-th derivative of digamma.",
                a -> SpecialOps.polygamma(a.longValue(0), a.tensor(1)));
        t.register("polygamma_(Tensor self, int n)", "In-place polygamma(n, self).", a -> {
            Tensor self = a.tensor(0);
            Tensor input = self.requiresGrad() ? self.clone() : self;
            return org.torchglot.engine.ops.Pointwise.inPlace(self, SpecialOps.polygamma(a.longValue(1), input));
        });
        t.register("mvlgamma(Tensor self, int p)", "The log of the multivariate gamma function of dimension p.",
                a -> SpecialOps.mvlgamma(a.tensor(0), a.longValue(1)));
        t.register("igamma(Tensor self, Tensor other)", "The regularized lower incomplete gamma function P(self, other).",
                a -> SpecialOps.igamma(a.tensor(0), a.tensor(1)));
        t.register("igammac(Tensor self, Tensor other)",
                "The regularized upper incomplete gamma function Q(self, other) = 1 - P(self, other).",
                a -> SpecialOps.igammac(a.tensor(0), a.tensor(1)));
        t.register("frexp(Tensor self) -> (Tensor mantissa, Tensor exponent)",
                "Mantissa in [0.5, 1) and integer exponent with self = mantissa * 2 ** exponent.", a -> {
                    Tensor[] r = SpecialOps.frexp(a.tensor(0));
                    return new Object[] {r[0], r[1]};
                });
        t.register("matrix_exp(Tensor self)", "The matrix exponential of each square matrix.",
                a -> MatrixExp.matrixExp(a.tensor(0)));
    }
}
