package org.torchglot.engine.api;

import org.torchglot.engine.ops.BinaryMath;
import org.torchglot.engine.ops.Reductions;
import org.torchglot.engine.ops.Scans;
import org.torchglot.engine.ops.Sorting;
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
                        a.string(4)));
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
