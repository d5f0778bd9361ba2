package org.torchglot.engine.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * Ordering ops: sort, topk, kthvalue, median, mode, quantile, unique, and the searches (bucketize,
 * searchsorted) and counts (histc, bincount). Values are gathered from the input through the
 * sorted positions, so gradients flow back to the elements chosen.
 */
public final class Sorting {
    private Sorting() {
    }

    /** NaN sorts above every number, as in PyTorch. */
    private static final Comparator<Double> ASCENDING = (a, b) -> Double.compare(a, b);

    private static int dimOf(Tensor t, int dim) {
        return Shapes.wrapDim(dim, Math.max(t.dim(), 1));
    }

    /** The stable sorting permutation of each row along {@code d}, as an int64 tensor shaped like t. */
    private static Tensor order(Tensor t, int d, boolean descending) {
        Tensor x = t.dim() == 0 ? t.reshape(1) : t;
        Tensor moved = x.transpose(d, -1).contiguousCopy();
        double[] v = moved.toDoubleArray();
        int n = moved.size(-1);
        long[] out = new long[v.length];
        Integer[] idx = new Integer[n];
        for (int f = 0; n > 0 && f < v.length; f += n) {
            int base = f;
            for (int i = 0; i < n; i++) {
                idx[i] = i;
            }
            Comparator<Integer> byValue = (i, j) -> ASCENDING.compare(v[base + i], v[base + j]);
            Arrays.sort(idx, descending ? byValue.reversed() : byValue);
            for (int i = 0; i < n; i++) {
                out[f + i] = idx[i];
            }
        }
        Tensor r = Tensor.of(Storage.wrap(out), moved.shape()).transpose(d, -1).contiguousCopy();
        return t.dim() == 0 ? r.reshape() : r;
    }

    /** {@code (values, indices)} sorted along dim. */
    public static Tensor[] sort(Tensor t, int dim, boolean descending) {
        int d = dimOf(t, dim);
        Tensor indices = order(t, d, descending);
        return new Tensor[] {Gathers.gather(t, d, indices, "SortBackward0"), indices};
    }

    public static Tensor argsort(Tensor t, int dim, boolean descending) {
        return order(t, dimOf(t, dim), descending);
    }

    public static Tensor[] topk(Tensor t, int k, int dim, boolean largest) {
        int d = dimOf(t, dim);
        int size = t.dim() == 0 ? 1 : t.shapeRef()[d];
        if (k < 0 || k > size) {
            throw TorchException.runtime("selected index k out of range");
        }
        Tensor indices = narrow(order(t, d, largest), d, k);
        return new Tensor[] {Gathers.gather(t, d, indices, "TopkBackward0"), indices};
    }

    private static Tensor narrow(Tensor t, int d, int length) {
        return t.dim() == 0 ? t : t.narrow(d, 0, length).contiguousCopy();
    }

    /** Picks position {@code pick(row)} of each sorted row: the kth value, a median... */
    private static Tensor[] pick(Tensor t, int dim, boolean keepdim, String backwardName, RowPick pick) {
        int d = dimOf(t, dim);
        Tensor indices = order(t, d, false);
        Tensor x = t.dim() == 0 ? t.reshape(1) : t;
        Tensor sortedIdx = t.dim() == 0 ? indices.reshape(1) : indices;
        Tensor moved = x.transpose(d, -1).contiguousCopy();
        Tensor movedIdx = sortedIdx.transpose(d, -1).contiguousCopy();
        double[] v = moved.toDoubleArray();
        long[] idx = movedIdx.toLongArray();
        int n = moved.size(-1);
        int rows = n == 0 ? 0 : v.length / n;
        long[] chosen = new long[rows];
        for (int r = 0; r < rows; r++) {
            double[] sortedRow = new double[n];
            for (int i = 0; i < n; i++) {
                sortedRow[i] = v[r * n + (int) idx[r * n + i]];
            }
            chosen[r] = idx[r * n + pick.position(sortedRow, Arrays.copyOfRange(idx, r * n, r * n + n))];
        }
        int[] keptShape = x.shape();
        keptShape[d] = 1;
        int[] movedKept = moved.shape();
        movedKept[movedKept.length - 1] = 1;
        Tensor at = Tensor.of(Storage.wrap(chosen), movedKept).transpose(d, -1).contiguousCopy().reshape(keptShape);
        Tensor values = Gathers.gather(x, d, at, backwardName);
        if (!keepdim || t.dim() == 0) {
            int[] outShape = t.dim() == 0 ? new int[0] : Shapes.remove(x.shapeRef(), d);
            values = values.reshape(outShape);
            at = at.reshape(outShape);
        }
        return new Tensor[] {values, at};
    }

    /** Which position of a sorted row (with its original positions) to pick. */
    @FunctionalInterface
    private interface RowPick {
        int position(double[] sortedRow, long[] originalPositions);
    }

    public static Tensor[] kthvalue(Tensor t, int k, int dim, boolean keepdim) {
        int size = t.dim() == 0 ? 1 : t.shapeRef()[dimOf(t, dim)];
        if (k < 1 || k > size) {
            throw TorchException.runtime("kthvalue(): selected number k out of range for dimension " + dimOf(t, dim));
        }
        return pick(t, dim, keepdim, "KthvalueBackward0", (row, pos) -> k - 1);
    }

    /** The lower median of each row; a NaN in the row is the median, as in PyTorch. */
    public static Tensor[] median(Tensor t, int dim, boolean keepdim, boolean ignoreNan) {
        return pick(t, dim, keepdim, "MedianBackward1", (row, pos) -> medianPosition(row, ignoreNan));
    }

    private static int medianPosition(double[] sortedRow, boolean ignoreNan) {
        int valid = 0;
        while (valid < sortedRow.length && !Double.isNaN(sortedRow[valid])) {
            valid++;
        }
        if (valid < sortedRow.length && !ignoreNan) {
            return valid;
        }
        return valid == 0 ? 0 : (valid - 1) / 2;
    }

    /** The median of all elements, as a 0-dim tensor. */
    public static Tensor median(Tensor t, boolean ignoreNan) {
        Tensor flat = t.reshape(-1);
        if (flat.numel() == 0) {
            return Tensor.scalar(Double.NaN).to(t.dtype());
        }
        return pick(flat, 0, false, ignoreNan ? "NanmedianBackward0" : "MedianBackward0",
                (row, pos) -> medianPosition(row, ignoreNan))[0];
    }

    /** The most frequent value of each row (the smallest of equally frequent ones) and its last position. */
    public static Tensor[] mode(Tensor t, int dim, boolean keepdim) {
        return pick(t, dim, keepdim, "ModeBackward0", (row, pos) -> {
            int best = 0;
            int bestCount = 0;
            for (int i = 0; i < row.length;) {
                int j = i;
                while (j < row.length && Double.compare(row[j], row[i]) == 0) {
                    j++;
                }
                if (j - i > bestCount) {
                    bestCount = j - i;
                    best = i;
                }
                i = j;
            }
            // NOTE: PyTorch reports the last position of the mode in the input.
            int last = best;
            for (int i = best; i < best + bestCount; i++) {
                if (pos[i] > pos[last]) {
                    last = i;
                }
            }
            return last;
        });
    }

    /**
     * Quantiles {@code q} (a number or 1-D tensor in [0, 1]) along dim (null: of all elements): sorted
     * values picked by gather at each row's rank, so gradients reach the elements used. With
     * {@code ignoreNan} each row ranks only its numbers (nanquantile); else a NaN makes the row's result NaN.
     */
    public static Tensor quantile(Tensor t, Tensor q, Integer dim, boolean keepdim, String interpolation,
            boolean ignoreNan) {
        String op = ignoreNan ? "nanquantile" : "quantile";
        if (!t.isFloatingPoint()) {
            throw TorchException.runtime(op + "() input tensor must be either float or double dtype");
        }
        if (q.dim() > 1) {
            throw TorchException.runtime(op + "() q must be a scalar or 1D tensor");
        }
        double[] qs = q.toDoubleArray();
        for (double v : qs) {
            if (!(v >= 0 && v <= 1)) {
                throw TorchException.runtime(q.dim() == 0 ? op + "() q must be in the range [0, 1] but got " + v
                        : op + "() q values must be in the range [0, 1]");
            }
        }
        if (!List.of("linear", "lower", "higher", "midpoint", "nearest").contains(interpolation)) {
            throw TorchException.runtime(op + "() interpolation must be one of linear, lower, higher, midpoint or "
                    + "nearest. Got " + interpolation);
        }
        Tensor x = dim == null ? t.reshape(-1) : t;
        int d = dim == null ? 0 : dimOf(t, dim);
        Tensor sorted = sort(x, d, false)[0];
        int n = x.dim() == 0 ? 1 : x.shapeRef()[d];
        List<Ranks> ranks = new ArrayList<>();
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Tensor nans = BinaryMath.isnan(x).to(DType.FLOAT64).sum(new int[] {d}, true);
            Tensor count = ignoreNan ? nans.rsub((double) n) : Tensor.zeros(nans.shapeRef(), DType.FLOAT64).add(n);
            Tensor undefined = ignoreNan ? count.eq(Tensor.scalar(0.0)) : nans.gt(Tensor.scalar(0.0));
            for (double qv : qs) {
                Tensor rank = count.sub(1.0).mul(qv).clamp(0.0, null);
                boolean nearest = interpolation.equals("nearest");
                Tensor lower = nearest ? rank.round() : rank.floor();
                Tensor upper = nearest ? rank.round() : rank.ceil();
                ranks.add(new Ranks(lower.to(DType.INT64), upper.to(DType.INT64), rank.sub(rank.floor()).to(t.dtype()),
                        undefined));
            }
        }
        List<Tensor> values = new ArrayList<>();
        for (Ranks r : ranks) {
            Tensor a = Gathers.gather(sorted, d, r.lower());
            Tensor b = Gathers.gather(sorted, d, r.upper());
            Tensor value = switch (interpolation) {
                case "linear" -> a.add(b.sub(a).mul(r.fraction()));
                case "higher" -> b;
                case "midpoint" -> a.add(b).mul(0.5);
                default -> a;
            };
            value = Tensor.where(r.undefined(), Tensor.scalar(Double.NaN).to(t.dtype()), value);
            if (!keepdim) {
                value = value.squeeze(d);
            } else if (dim == null) {
                int[] ones = new int[t.dim()];
                Arrays.fill(ones, 1);
                value = value.reshape(ones);
            }
            values.add(value);
        }
        return q.dim() == 0 ? values.get(0) : Tensor.stack(values, 0);
    }

    /** Per row: the sorted positions to read, the fraction between them, and whether the result is NaN. */
    private record Ranks(Tensor lower, Tensor upper, Tensor fraction, Tensor undefined) {
    }

    // ---- unique -------------------------------------------------------------------------------------

    /** Sorted distinct values, with the inverse positions and counts. */
    public static Tensor[] unique(Tensor t) {
        double[] v = t.toDoubleArray();
        TreeMap<Double, Integer> slots = new TreeMap<>(ASCENDING);
        for (double x : v) {
            slots.put(x, 0);
        }
        int k = 0;
        for (var e : slots.entrySet()) {
            e.setValue(k++);
        }
        long[] inverse = new long[v.length];
        long[] counts = new long[slots.size()];
        for (int i = 0; i < v.length; i++) {
            int slot = slots.get(v[i]);
            inverse[i] = slot;
            counts[slot]++;
        }
        Tensor values = Tensor.zeros(new int[] {slots.size()}, t.dtype());
        int i = 0;
        for (double x : slots.keySet()) {
            values.storage().setDouble(i++, x);
        }
        if (t.dtype() == DType.INT64) {
            long[] longs = t.toLongArray();
            for (int j = 0; j < longs.length; j++) {
                values.storage().l[(int) inverse[j]] = longs[j];
            }
        }
        return new Tensor[] {values, Tensor.of(Storage.wrap(inverse), t.shape()),
            Tensor.of(Storage.wrap(counts), counts.length)};
    }

    /** Keeps the first of each run of equal values, with the inverse positions and run lengths. */
    public static Tensor[] uniqueConsecutive(Tensor t) {
        Tensor flat = t.reshape(-1);
        int n = flat.numel();
        long[] inverse = new long[n];
        List<Integer> firsts = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        double[] v = flat.toDoubleArray();
        for (int i = 0; i < n; i++) {
            if (i == 0 || Double.compare(v[i], v[i - 1]) != 0) {
                firsts.add(i);
                counts.add(0L);
            }
            counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
            inverse[i] = firsts.size() - 1;
        }
        long[] at = firsts.stream().mapToLong(Integer::longValue).toArray();
        Tensor values = Gathers.gather(flat.detach(), 0, Tensor.of(Storage.wrap(at), at.length));
        return new Tensor[] {values, Tensor.of(Storage.wrap(inverse), t.shape()),
            Tensor.of(Storage.wrap(counts.stream().mapToLong(Long::longValue).toArray()), counts.size())};
    }

    // ---- searches and counts --------------------------------------------------------------------------

    /** How many of {@code sorted[from, from + n)} are below {@code x} (or at most x when {@code right}). */
    private static long search(double[] sorted, int from, int n, double x, boolean right) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double s = sorted[from + mid];
            boolean goRight = right ? !(x < s) : s < x;
            if (goRight) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    public static Tensor searchsorted(Tensor sortedSequence, Tensor values, boolean right, boolean int32) {
        double[] seq = sortedSequence.toDoubleArray();
        double[] v = values.toDoubleArray();
        int n = sortedSequence.dim() == 0 ? 1 : sortedSequence.size(-1);
        boolean oneRow = sortedSequence.dim() <= 1;
        int perRow = values.dim() == 0 ? 1 : values.size(-1);
        if (!oneRow) {
            int[] lead = Arrays.copyOf(sortedSequence.shapeRef(), sortedSequence.dim() - 1);
            int[] valueLead = values.dim() == 0 ? new int[0] : Arrays.copyOf(values.shapeRef(), values.dim() - 1);
            if (!Arrays.equals(lead, valueLead)) {
                throw TorchException.runtime("torch.searchsorted(): boundaries tensor should be 1 dimension or the first "
                        + "N-1 dimensions of boundaries tensor and input value tensor must match, but we got boundaries "
                        + "tensor " + Shapes.str(sortedSequence.shapeRef()) + " and input value tensor "
                        + Shapes.str(values.shapeRef()));
            }
        }
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            int row = oneRow ? 0 : i / perRow;
            out[i] = search(seq, row * n, n, v[i], right);
        }
        Tensor r = Tensor.of(Storage.wrap(out), values.shape());
        return r;
    }

    public static Tensor histc(Tensor t, int bins, double min, double max) {
        if (!t.isFloatingPoint()) {
            throw TorchException.runtime("\"histogram_cpu\" not implemented for '" + t.dtype().scalarTypeName() + "'");
        }
        if (bins <= 0) {
            throw TorchException.runtime("torch.histc: bins must be > 0, but got " + bins + " for bins");
        }
        double[] v = t.toDoubleArray();
        double lo = min;
        double hi = max;
        if (lo == hi && v.length > 0) {
            lo = Arrays.stream(v).min().getAsDouble();
            hi = Arrays.stream(v).max().getAsDouble();
        }
        if (lo == hi) {
            lo -= 1;
            hi += 1;
        }
        if (lo > hi) {
            throw TorchException.runtime("torch.histc: max must be larger than min");
        }
        Tensor out = Tensor.zeros(new int[] {bins}, t.dtype());
        for (double x : v) {
            if (x < lo || x > hi || Double.isNaN(x)) {
                continue;
            }
            int b = (int) ((x - lo) * bins / (hi - lo));
            b = Math.min(b, bins - 1);
            out.storage().setDouble(b, out.storage().getDouble(b) + 1);
        }
        return out;
    }

    public static Tensor bincount(Tensor t, Tensor weights, int minlength) {
        if (t.dim() != 1 || t.isFloatingPoint()) {
            throw TorchException.runtime("bincount only supports 1-d non-negative integral inputs.");
        }
        if (minlength < 0) {
            throw TorchException.runtime("minlength should be >= 0");
        }
        long[] v = t.toLongArray();
        long top = -1;
        for (long x : v) {
            if (x < 0) {
                throw TorchException.runtime("bincount only supports 1-d non-negative integral inputs.");
            }
            top = Math.max(top, x);
        }
        int size = (int) Math.max(top + 1, minlength);
        if (weights != null && (weights.dim() != 1 || weights.numel() != v.length)) {
            throw TorchException.runtime("weights should be 1-d and have the same length as input");
        }
        Tensor out = Tensor.zeros(new int[] {size}, weights == null ? DType.INT64
                : weights.isFloatingPoint() ? weights.dtype() : DType.FLOAT64);
        double[] w = weights == null ? null : weights.toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            int b = (int) v[i];
            if (w == null) {
                out.storage().l[b]++;
            } else {
                out.storage().setDouble(b, out.storage().getDouble(b) + w[i]);
            }
        }
        return out;
    }
}
