package org.torchglot.engine.api;

import java.util.ArrayList;
import java.util.List;
import org.torchglot.engine.ops.MatrixExp;
import org.torchglot.engine.ops.NumericalGradient;
import org.torchglot.engine.ops.SpecialOps;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * The special functions of the table (Bessel, polygamma, multivariate and incomplete gamma, frexp, matrix_exp)
 * and numerical differentiation ({@code gradient}).
 */
final class SpecialMathOps {
    private SpecialMathOps() {
    }

    static void registerAll(OpTable t) {
        t.register("i0(Tensor self)", "The modified Bessel function of the first kind of order 0.",
                a -> SpecialOps.i0(a.tensor(0)));
        t.register("polygamma(int n, Tensor self|input@input)", "The n-th derivative of digamma.",
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
        t.register("gradient(Tensor input, *, any spacing=None, dim[]? dim=None, int edge_order=1) -> Tensor[]",
                "Central differences of input along each dim (one-sided at the ends); spacing is a step, a step "
                + "per dim, or coordinate tensors.", a -> {
                    Tensor input = a.tensor(0);
                    int[] dims = a.isNone(2) ? allDims(input.dim()) : a.ints(2);
                    return NumericalGradient.gradient(input, spacing(a.any(1), dims.length, !a.isNone(2)),
                            dims, a.intValue(3)).toArray();
                });
    }

    private static int[] allDims(int n) {
        int[] dims = new int[n];
        for (int i = 0; i < n; i++) {
            dims[i] = i;
        }
        return dims;
    }

    /** gradient's spacing as one step (a Double) or one coordinate tensor per dim. */
    private static List<Object> spacing(Object spacing, int count, boolean dimGiven) {
        if (spacing == null || spacing instanceof Number) {
            double h = spacing == null ? 1.0 : ((Number) spacing).doubleValue();
            return java.util.Collections.nCopies(count, h);
        }
        List<?> items = spacing instanceof List<?> l ? l : List.of(spacing);
        if (items.size() == 1 && !dimGiven) {
            items = java.util.Collections.nCopies(count, items.get(0));
        }
        if (items.size() != count) {
            throw TorchException.runtime("torch.gradient expected spacing to be unspecified, a scalar or it's spacing "
                    + "and dim arguments to have the same length, but got a spacing argument of length " + items.size()
                    + " and a dim argument of length " + count + ".");
        }
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            out.add(item instanceof Tensor t && t.dim() == 0 ? (Object) t.item() : item);
        }
        return out;
    }
}
