package org.torchglot.engine.ops;

import java.util.function.Consumer;
import org.torchglot.engine.random.Distributions;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * The in-place samplers {@code cauchy_}, {@code exponential_}, {@code geometric_}, {@code log_normal_},
 * {@code random_}, {@code bernoulli_} and the samplers {@code torch.poisson} and {@code torch.binomial}, drawing
 * libtorch's CPU stream ({@link Distributions}) in the tensor's element order.
 */
public final class RandomFills {
    private RandomFills() {
    }

    private static Generator orDefault(Generator g) {
        return g != null ? g : Generator.getDefault();
    }

    private static void checkFloat(Tensor t, String kernel) {
        if (!t.isFloatingPoint()) {
            throw TorchException.runtime("\"" + kernel + "\" not implemented for '" + t.dtype().scalarTypeName() + "'");
        }
    }

    /** A number as C++'s {@code operator<<} prints it in libtorch's messages: {@code -1}, {@code 0.5}. */
    private static String cpp(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** Draws {@code t.numel()} values with {@code sampler} and writes them into {@code t} in row-major order. */
    private static Tensor fill(Tensor t, Consumer<double[]> sampler) {
        t.checkInPlace();
        double[] values = new double[t.numel()];
        sampler.accept(values);
        Pointwise.copyData(t, Tensor.of(Storage.wrap(values), t.shape()));
        return t;
    }

    public static Tensor cauchy(Tensor t, double median, double sigma, Generator g) {
        checkFloat(t, "cauchy_cpu");
        return fill(t, out -> Distributions.cauchy(orDefault(g), out, median, sigma));
    }

    public static Tensor exponential(Tensor t, double lambd, Generator g) {
        if (!(lambd >= 0.0)) {
            throw TorchException.runtime("exponential_ expects lambda >= 0.0, but found lambda=" + cpp(lambd));
        }
        checkFloat(t, "exponential_cpu");
        return fill(t, out -> Distributions.exponential(orDefault(g), out, lambd));
    }

    public static Tensor geometric(Tensor t, double p, Generator g) {
        if (!(p > 0 && p < 1)) {
            throw TorchException.runtime("geometric_ expects p to be in (0, 1), but got p=" + cpp(p));
        }
        return fill(t, out -> Distributions.geometric(orDefault(g), out, p));
    }

    public static Tensor logNormal(Tensor t, double mean, double std, Generator g) {
        if (!(std > 0.0)) {
            throw TorchException.runtime("log_normal_ expects std > 0.0, but found std=" + cpp(std));
        }
        checkFloat(t, "log_normal_cpu");
        return fill(t, out -> Distributions.logNormal(orDefault(g), out, mean, std));
    }

    /**
     * {@code random_(from, to)}: integers in [from, to); {@code random_(to)} starts at 0; {@code random_()} takes
     * every integer the dtype holds exactly (up to 2^24 for float32, 2^53 for float64, 2^63 - 1 for int64).
     */
    public static Tensor random(Tensor t, Long from, Long to, Generator g) {
        if (from != null && to == null) {
            to = from;
            from = 0L;
        }
        if (to == null) {
            t.checkInPlace();
            if (t.isFloatingPoint()) {
                return fill(t, out -> Distributions.randomFull(orDefault(g), out, t.dtype() == DType.FLOAT32));
            }
            long[] values = new long[t.numel()];
            Distributions.randomFull(orDefault(g), values, t.dtype() == DType.BOOL);
            Pointwise.copyData(t, Tensor.of(Storage.wrap(values), t.shape()));
            return t;
        }
        if (from >= to) {
            throw TorchException.runtime("random_ expects 'from' to be less than 'to', but got from=" + from
                    + " >= to=" + to);
        }
        t.checkInPlace();
        long[] values = new long[t.numel()];
        orDefault(g).randint(from, to, values);
        Pointwise.copyData(t, Tensor.of(Storage.wrap(values), t.shape()));
        return t;
    }

    /**
     * {@code bernoulli_(p)}: a number p compares a double uniform per element; a tensor of probabilities
     * (broadcast to self) a float uniform, or a double one for float64 probabilities.
     */
    public static Tensor bernoulli(Tensor t, Tensor p, Generator g) {
        t.checkInPlace();
        if (p.isWrappedNumber()) {
            double prob = p.item();
            double[] values = new double[t.numel()];
            orDefault(g).bernoulli(prob, values);
            Pointwise.copyData(t, Tensor.of(Storage.wrap(values), t.shape()));
            return t;
        }
        Tensor probs = p.isFloatingPoint() ? p : p.to(DType.FLOAT32);
        Pointwise.copyData(t, Sampling.bernoulli(probs.expand(t.shape()), g));
        return t;
    }

    /** {@code torch.poisson(input)}: a Poisson count for each rate, in the input's dtype. */
    public static Tensor poisson(Tensor rates, Generator g) {
        checkFloat(rates, "poisson_cpu");
        double[] r = rates.contiguousCopy().toDoubleArray();
        double[] values = new double[r.length];
        try {
            Distributions.poisson(orDefault(g), r, values, SpecialMath::lgamma);
        } catch (IllegalArgumentException e) {
            throw TorchException.runtime(e.getMessage());
        }
        // NOTE: PyTorch records PoissonBackward0, whose gradient is zero.
        return Recorded.op("PoissonBackward0", new Tensor[] {rates}, null,
                () -> Tensor.of(Storage.wrap(values), rates.shape()).to(rates.dtype()), (grad, s) -> new Tensor[] {grad.mul(0.0)});
    }

    /** {@code torch.binomial(count, prob)}: successes in count trials of probability prob, in count's dtype. */
    public static Tensor binomial(Tensor count, Tensor prob, Generator g) {
        checkFloat(count, "binomial_cpu");
        if (prob.dtype() != count.dtype()) {
            throw TorchException.runtime("expected scalar type " + count.dtype().scalarTypeName()
                    + " but found " + prob.dtype().scalarTypeName());
        }
        double[] c = count.contiguousCopy().toDoubleArray();
        double[] p = prob.expand(count.shape()).contiguousCopy().toDoubleArray();
        double[] values = new double[c.length];
        Distributions.binomial(orDefault(g), c, p, values, count.dtype() == DType.FLOAT32);
        return Tensor.of(Storage.wrap(values), count.shape()).to(count.dtype());
    }
}
