package org.torchglot.engine.api;

import org.torchglot.engine.ops.BinaryMath;
import org.torchglot.engine.ops.Reductions;
import org.torchglot.engine.ops.Scans;
import org.torchglot.engine.ops.Sorting;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Reductions and cumulative ops of the table beyond {@link TensorOps}: amax, logsumexp, median, cumsum... */
final class ReductionOps {
    private ReductionOps() {
    }

    static void registerAll(OpTable t) {
        reductions(t);
        orderStatistics(t);
        scans(t);
        statistics(t);
    }

    /** {@code std}/{@code var} divide by N - correction; unbiased=False is correction 0. */
    static double correction(Args a, int unbiasedIndex, int correctionIndex) {
        return a.isNone(correctionIndex) ? (a.bool(unbiasedIndex) ? 1 : 0) : a.doubleValue(correctionIndex);
    }

    private static int[] dims(Args a, int i) {
        return a.isNone(i) ? null : a.ints(i);
    }

    private static void reductions(OpTable t) {
        t.register("std_mean(Tensor self, dim[]? dim=None, bool unbiased=True, bool keepdim=False, *, "
                + "Scalar? correction=None) -> (Tensor, Tensor)", "(std, mean) in one call.", a -> {
                    Tensor x = a.tensor(0);
                    int[] ds = dims(a, 1);
                    Tensor mean = ds == null ? (a.bool(3) ? x.mean(allDims(x), true) : x.mean()) : x.mean(ds, a.bool(3));
                    return new Object[] {Reductions.var(x, ds, correction(a, 2, 4), a.bool(3), true), mean};
                });
        t.register("var_mean(Tensor self, dim[]? dim=None, bool unbiased=True, bool keepdim=False, *, "
                + "Scalar? correction=None) -> (Tensor, Tensor)", "(var, mean) in one call.", a -> {
                    Tensor x = a.tensor(0);
                    int[] ds = dims(a, 1);
                    Tensor mean = ds == null ? (a.bool(3) ? x.mean(allDims(x), true) : x.mean()) : x.mean(ds, a.bool(3));
                    return new Object[] {Reductions.var(x, ds, correction(a, 2, 4), a.bool(3), false), mean};
                });
        t.register("amax(Tensor self, dim[] dim=[], bool keepdim=False)", "The largest values over dims (all if none).",
                a -> Reductions.amaxAmin(a.tensor(0), a.ints(1), a.bool(2), true));
        t.register("amin(Tensor self, dim[] dim=[], bool keepdim=False)", "The smallest values over dims (all if none).",
                a -> Reductions.amaxAmin(a.tensor(0), a.ints(1), a.bool(2), false));
        t.register("aminmax(Tensor self, *, dim? dim=None, bool keepdim=False) -> (Tensor min, Tensor max)",
                "(amin, amax) in one call.", a -> {
                    int[] ds = a.isNone(1) ? new int[0] : new int[] {a.intValue(1)};
                    return new Object[] {Reductions.amaxAmin(a.tensor(0), ds, a.bool(2), false),
                        Reductions.amaxAmin(a.tensor(0), ds, a.bool(2), true)};
                });
        t.register("logsumexp(Tensor self, dim[] dim, bool keepdim=False)", "log(sum(exp(self))) over dims, stably.",
                a -> Reductions.logsumexp(a.tensor(0), a.ints(1), a.bool(2)));
        t.register("nansum(Tensor self, dim[]? dim=None, bool keepdim=False, *, ScalarType? dtype=None)",
                "Sum treating NaN as zero.", a -> {
                    Tensor x = withoutNan(a.tensor(0));
                    Tensor s = a.isNone(1) ? x.sum() : x.sum(a.ints(1), a.bool(2));
                    return a.isNone(3) ? s : s.to(a.dtype(3));
                });
        t.register("nanmean(Tensor self, dim[]? dim=None, bool keepdim=False, *, ScalarType? dtype=None)",
                "Mean of the non-NaN elements.", a -> {
                    Tensor self = a.isNone(3) ? a.tensor(0) : a.tensor(0).to(a.dtype(3));
                    if (!self.isFloatingPoint()) {
                        throw TorchException.runtime("nanmean(): expected input to have floating point dtype but got "
                                + self.dtype().scalarTypeName());
                    }
                    Tensor valid = BinaryMath.isnan(self).logicalNot();
                    int[] ds = a.isNone(1) ? allDims(self) : a.ints(1);
                    return withoutNan(self).sum(ds, a.bool(2)).div(valid.sum(ds, a.bool(2)));
                });
        t.register("count_nonzero(Tensor self, dim[]? dim=None)", "How many elements are not zero.", a -> {
            Tensor nz = a.tensor(0).ne(Tensor.scalar(0L));
            return a.isNone(1) ? nz.sum() : nz.sum(a.ints(1), false);
        });
        t.register("dist(Tensor self, Tensor other, Scalar p=2)", "The p-norm of self - other.",
                a -> pNorm(a.tensor(0).sub(a.tensor(1)), a.doubleValue(2), null, false));
    }

    private static void statistics(OpTable t) {
        t.register("cov(Tensor self, *, int correction=1, Tensor? fweights=None, Tensor? aweights=None)",
                "Covariance matrix of variables in rows, observations in columns.", a -> {
                    if (!a.isNone(2) || !a.isNone(3)) {
                        throw TorchException.runtime("cov(): fweights and aweights are not supported yet");
                    }
                    Tensor x = a.tensor(0);
                    if (x.dim() > 2) {
                        throw TorchException.runtime("cov(): expected input to have two or fewer dimensions but got an "
                                + "input with " + x.dim() + " dimensions");
                    }
                    Tensor m = x.dim() < 2 ? x.reshape(1, -1) : x;
                    m = m.isFloatingPoint() ? m : m.to(DType.FLOAT32);
                    int n = m.size(1);
                    Tensor centered = m.sub(m.mean(new int[] {1}, true));
                    Tensor c = centered.mm(centered.t()).div((double) Math.max(0, n - a.intValue(1)));
                    return x.dim() < 2 ? c.reshape() : c;
                });
        t.register("corrcoef(Tensor self)", "Pearson correlation coefficients of variables in rows.", a -> {
            Tensor x = a.tensor(0);
            Tensor c = (Tensor) OpTable.standard().call("cov", new Object[] {x}, null, Convention.ZERO_BASED);
            if (c.dim() == 0) {
                return c.div(c);
            }
            Tensor d = org.torchglot.engine.ops.Views.diagonal(c, 0, 0, 1).sqrt();
            return c.div(d.unsqueeze(1)).div(d.unsqueeze(0)).clamp(-1.0, 1.0);
        });
        t.register("trapezoid(Tensor y, Tensor? x=None, *, Scalar? dx=None, dim dim=-1)",
                "The integral of y by the trapezoidal rule, at points x (or spacing dx).",
                a -> trapezoid(a.tensor(0), a.isNone(1) ? null : a.tensor(1), a.isNone(2) ? 1.0 : a.doubleValue(2),
                        a.intValue(3), false));
        t.alias("trapz", "trapezoid");
        t.register("cumulative_trapezoid(Tensor y, Tensor? x=None, *, Scalar? dx=None, dim dim=-1)",
                "Running integrals of y by the trapezoidal rule.",
                a -> trapezoid(a.tensor(0), a.isNone(1) ? null : a.tensor(1), a.isNone(2) ? 1.0 : a.doubleValue(2),
                        a.intValue(3), true));
        t.register("frobenius_norm(Tensor self, dim[] dim=[], bool keepdim=False)", "sqrt of the sum of squares.",
                a -> pNorm(a.tensor(0), 2.0, a.ints(1).length == 0 ? null : a.ints(1), a.bool(2)));
        t.register("renorm(Tensor self, Scalar p, dim dim, Scalar maxnorm)",
                "Each slice along dim with p-norm above maxnorm scaled down to maxnorm.", a -> {
                    Tensor x = a.tensor(0);
                    int d = org.torchglot.engine.tensor.Shapes.wrapDim(a.intValue(2), x.dim());
                    int[] others = java.util.stream.IntStream.range(0, x.dim()).filter(i -> i != d).toArray();
                    Tensor norms = pNorm(x, a.doubleValue(1), others, true);
                    double maxnorm = a.doubleValue(3);
                    Tensor factor = Tensor.where(norms.gt(Tensor.scalar(maxnorm)),
                            norms.add(1e-7).reciprocal().mul(maxnorm), Tensor.scalar(1.0).to(x.dtype()));
                    return x.mul(factor);
                });
        t.register("histogram(Tensor self, TensorOrScalar bins=100, *, any range=None, Tensor? weight=None, "
                + "bool density=False) -> (Tensor hist, Tensor bin_edges)", "Counts in bins and the bins' edges.",
                a -> histogram(a.tensor(0), a.tensor(1), a.any(2), a.isNone(3) ? null : a.tensor(3), a.bool(4)));
    }

    private static Tensor trapezoid(Tensor y, Tensor x, double dx, int dim, boolean cumulative) {
        int d = org.torchglot.engine.tensor.Shapes.wrapDim(dim, y.dim());
        int n = y.shapeRef()[d];
        if (n == 0) {
            return cumulative ? y.narrow(d, 0, 0) : y.sum(new int[] {d}, false);
        }
        Tensor pairs = y.narrow(d, 1, n - 1).add(y.narrow(d, 0, n - 1)).mul(0.5);
        Tensor widths;
        if (x == null) {
            widths = Tensor.scalar(dx);
        } else {
            int xd = x.dim() == 1 ? 0 : d;
            int m = x.shapeRef()[xd];
            widths = x.narrow(xd, 1, m - 1).sub(x.narrow(xd, 0, m - 1));
            if (x.dim() == 1 && y.dim() > 1) {
                int[] view = new int[y.dim()];
                java.util.Arrays.fill(view, 1);
                view[d] = m - 1;
                widths = widths.reshape(view);
            }
        }
        Tensor areas = pairs.mul(widths);
        return cumulative ? org.torchglot.engine.ops.Scans.cumsum(areas, d, null) : areas.sum(new int[] {d}, false);
    }

    private static Object histogram(Tensor x, Tensor bins, Object range, Tensor weight, boolean density) {
        if (!x.isFloatingPoint()) {
            throw TorchException.runtime("torch.histogram: input tensor and bins tensors should have the same dtype, "
                    + "but got input " + x.dtype().scalarTypeName());
        }
        double[] v = x.toDoubleArray();
        double[] edges;
        if (bins.isWrappedNumber() || bins.dim() == 0) {
            int count = (int) bins.item();
            double lo = v.length == 0 ? 0 : java.util.Arrays.stream(v).min().getAsDouble();
            double hi = v.length == 0 ? 0 : java.util.Arrays.stream(v).max().getAsDouble();
            if (range instanceof java.util.List<?> bounds && bounds.size() == 2) {
                lo = ((Number) bounds.get(0)).doubleValue();
                hi = ((Number) bounds.get(1)).doubleValue();
            }
            if (lo == hi) {
                lo -= 0.5;
                hi += 0.5;
            }
            edges = new double[count + 1];
            for (int i = 0; i <= count; i++) {
                edges[i] = lo + (hi - lo) * i / count;
            }
        } else {
            edges = bins.toDoubleArray();
        }
        int count = edges.length - 1;
        double[] w = weight == null ? null : weight.toDoubleArray();
        double[] hist = new double[count];
        for (int i = 0; i < v.length; i++) {
            double value = v[i];
            if (value < edges[0] || value > edges[count] || Double.isNaN(value)) {
                continue;
            }
            int b = java.util.Arrays.binarySearch(edges, value);
            b = b >= 0 ? Math.min(b, count - 1) : -b - 2;
            hist[b] += w == null ? 1 : w[i];
        }
        if (density) {
            double total = java.util.Arrays.stream(hist).sum();
            for (int b = 0; b < count; b++) {
                hist[b] /= total * (edges[b + 1] - edges[b]);
            }
        }
        Tensor h = Tensor.zeros(new int[] {count}, x.dtype());
        Tensor e = Tensor.zeros(new int[] {count + 1}, x.dtype());
        for (int b = 0; b < count; b++) {
            h.storage().setDouble(b, hist[b]);
        }
        for (int b = 0; b <= count; b++) {
            e.storage().setDouble(b, edges[b]);
        }
        return new Object[] {h, e};
    }

    private static Tensor withoutNan(Tensor x) {
        return x.isFloatingPoint() ? Tensor.where(BinaryMath.isnan(x), Tensor.zeros(new int[0], x.dtype()), x) : x;
    }

    static int[] allDims(Tensor x) {
        int[] out = new int[x.dim()];
        for (int i = 0; i < out.length; i++) {
            out[i] = i;
        }
        return out;
    }

    /** The vector p-norm over dims (null: all), for every p including 0 and inf. */
    static Tensor pNorm(Tensor x, double p, int[] dims, boolean keepdim) {
        Tensor abs = x.abs();
        int[] ds = dims == null ? allDims(x) : dims;
        if (p == Double.POSITIVE_INFINITY) {
            return Reductions.amaxAmin(abs, ds, keepdim, true);
        }
        if (p == Double.NEGATIVE_INFINITY) {
            return Reductions.amaxAmin(abs, ds, keepdim, false);
        }
        if (p == 0) {
            return abs.ne(Tensor.scalar(0.0)).to(x.dtype()).sum(ds, keepdim);
        }
        Tensor s = (p == 1 ? abs : abs.pow(p)).sum(ds, keepdim);
        return p == 1 ? s : p == 2 ? s.sqrt() : s.pow(1.0 / p);
    }

    private static void orderStatistics(OpTable t) {
        t.register("median(Tensor self, dim? dim=None, bool keepdim=False) -> (Tensor values, IndexTensor indices)",
                "The lower median of all elements, or (values, indices) along a dim.", a -> a.isNone(1)
                        ? Sorting.median(a.tensor(0), false) : pair(Sorting.median(a.tensor(0), a.intValue(1), a.bool(2), false)));
        t.register("nanmedian(Tensor self, dim? dim=None, bool keepdim=False) -> (Tensor values, IndexTensor indices)",
                "The median ignoring NaN, or (values, indices) along a dim.", a -> a.isNone(1)
                        ? Sorting.median(a.tensor(0), true) : pair(Sorting.median(a.tensor(0), a.intValue(1), a.bool(2), true)));
        t.register("mode(Tensor self, dim dim=-1, bool keepdim=False) -> (Tensor values, IndexTensor indices)",
                "The most frequent value along a dim and where it last occurs.",
                a -> pair(Sorting.mode(a.tensor(0), a.intValue(1), a.bool(2))));
        t.register("kthvalue(Tensor self, int k, dim dim=-1, bool keepdim=False) -> (Tensor values, IndexTensor indices)",
                "The k-th smallest value along a dim and its position.",
                a -> pair(Sorting.kthvalue(a.tensor(0), a.intValue(1), a.intValue(2), a.bool(3))));
        t.register("quantile(Tensor self, TensorOrScalar q, dim? dim=None, bool keepdim=False, *, "
                + "str interpolation='linear')", "The q-th quantiles along a dim (or of all elements).",
                a -> Sorting.quantile(a.tensor(0), a.tensor(1).to(a.tensor(0).dtype()), a.intOrNull(2), a.bool(3),
                        a.string(4), false));
        t.register("nanquantile(Tensor self, TensorOrScalar q, dim? dim=None, bool keepdim=False, *, "
                + "str interpolation='linear')", "The q-th quantiles ignoring NaN along a dim (or of all elements).",
                a -> Sorting.quantile(a.tensor(0), a.tensor(1).to(a.tensor(0).dtype()), a.intOrNull(2), a.bool(3),
                        a.string(4), true));
    }

    private static void scans(OpTable t) {
        t.register("cumsum(Tensor self, dim dim, *, ScalarType? dtype=None)", "Running sums along a dim.",
                a -> Scans.cumsum(a.tensor(0), a.intValue(1), a.isNone(2) ? null : a.dtype(2)));
        t.register("cumprod(Tensor self, dim dim, *, ScalarType? dtype=None)", "Running products along a dim.",
                a -> Scans.cumprod(a.tensor(0), a.intValue(1), a.isNone(2) ? null : a.dtype(2)));
        t.register("cummax(Tensor self, dim dim) -> (Tensor values, IndexTensor indices)",
                "Running maxima along a dim and their positions.", a -> pair(Scans.cumExtreme(a.tensor(0), a.intValue(1), true)));
        t.register("cummin(Tensor self, dim dim) -> (Tensor values, IndexTensor indices)",
                "Running minima along a dim and their positions.", a -> pair(Scans.cumExtreme(a.tensor(0), a.intValue(1), false)));
        t.register("logcumsumexp(Tensor self, dim dim)", "Running log(sum(exp(self))) along a dim.",
                a -> Scans.logcumsumexp(a.tensor(0), a.intValue(1)));
    }

    static Object pair(Tensor[] r) {
        return new Object[] {r[0], r[1]};
    }
}
