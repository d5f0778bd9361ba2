package org.torchglot.engine.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.function.Function;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;

/**
 * Finite-difference gradient check in float64, like {@code torch.autograd.gradcheck}: the
 * autograd gradient of {@code sum(f(x) * w)} for fixed random weights {@code w} must match central
 * differences for every element of every input.
 */
public final class GradCheck {
    private static final double EPS = 1e-6;
    private static final double TOLERANCE = 1e-5;

    private GradCheck() {
    }

    public static void check(String what, Function<Tensor[], Tensor> f, Tensor... inputs) {
        Tensor[] leaves = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            leaves[i] = inputs[i].to(DType.FLOAT64).contiguousCopy().requiresGrad_(true);
        }
        Tensor out = f.apply(leaves);
        Tensor weights = weightsLike(out);
        out.mul(weights).sum().backward();
        for (int i = 0; i < leaves.length; i++) {
            Tensor leaf = leaves[i];
            assertNotNull(leaf.grad(), what + ": input " + i + " got no gradient");
            double[] analytic = leaf.grad().toDoubleArray();
            double[] data = leaf.storage().d;
            for (int k = 0; k < data.length; k++) {
                double saved = data[k];
                data[k] = saved + EPS;
                double plus = objective(f, leaves, weights);
                data[k] = saved - EPS;
                double minus = objective(f, leaves, weights);
                data[k] = saved;
                double numeric = (plus - minus) / (2 * EPS);
                assertEquals(numeric, analytic[k], TOLERANCE * Math.max(1, Math.abs(numeric)),
                        what + ": d/d input" + i + "[" + k + "]");
            }
        }
    }

    private static double objective(Function<Tensor[], Tensor> f, Tensor[] leaves, Tensor weights) {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            return f.apply(leaves).mul(weights).sum().item();
        }
    }

    /** Deterministic, distinct weights so every output element matters differently. */
    private static Tensor weightsLike(Tensor out) {
        Tensor w = Tensor.zeros(out.shape(), DType.FLOAT64);
        for (int i = 0; i < w.numel(); i++) {
            w.storage().d[i] = 0.5 + 0.37 * ((i * 7919) % 13) / 13.0;
        }
        return w;
    }
}
