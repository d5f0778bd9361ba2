package org.torchglot.engine.ops;

import java.util.Arrays;
import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Reductions over all elements or along dims, with keepdim, and their derivatives. */
public final class Reductions {
    private Reductions() {
    }

    /** Reduces one contiguous group of values. */
    @FunctionalInterface
    private interface GroupReducer {
        double apply(double[] values, int from, int length);
    }

    /** The sorted, wrapped, distinct dims; null means all dims. */
    private static int[] normalize(int[] dims, int rank) {
        if (dims == null || dims.length == 0) {
            int[] all = new int[rank];
            for (int i = 0; i < rank; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] out = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = Shapes.wrapDim(dims[i], rank);
        }
        Arrays.sort(out);
        for (int i = 1; i < out.length; i++) {
            if (out[i] == out[i - 1]) {
                throw TorchException.runtime("dim " + out[i] + " appears multiple times in the list of dims");
            }
        }
        return out;
    }

    private static int[] reducedShape(int[] shape, int[] dims, boolean keepdim) {
        boolean[] reduced = new boolean[shape.length];
        for (int d : dims) {
            reduced[d] = true;
        }
        int[] out = new int[keepdim ? shape.length : shape.length - dims.length];
        int k = 0;
        for (int i = 0; i < shape.length; i++) {
            if (reduced[i]) {
                if (keepdim) {
                    out[k++] = 1;
                }
            } else {
                out[k++] = shape[i];
            }
        }
        return out;
    }

    /** Groups the reduced dims last (a permuted copy), then reduces each contiguous group. */
    private static Tensor reduce(Tensor t, int[] dims, boolean keepdim, DType outType, GroupReducer reducer) {
        int rank = t.dim();
        int[] perm = new int[rank];
        boolean[] reduced = new boolean[rank];
        for (int d : dims) {
            reduced[d] = true;
        }
        int k = 0;
        for (int i = 0; i < rank; i++) {
            if (!reduced[i]) {
                perm[k++] = i;
            }
        }
        int groupSize = 1;
        for (int d : dims) {
            perm[k++] = d;
            groupSize *= t.shapeRef()[d];
        }
        int[] pShape = new int[rank];
        int[] pStrides = new int[rank];
        for (int i = 0; i < rank; i++) {
            pShape[i] = t.shapeRef()[perm[i]];
            pStrides[i] = t.stridesRef()[perm[i]];
        }
        double[] values = new Tensor(t.storage(), pShape, pStrides, t.storageOffset()).toDoubleArray();
        Tensor out = Tensor.zeros(reducedShape(t.shapeRef(), dims, keepdim), outType);
        Storage os = out.storage();
        int groups = out.numel();
        for (int g = 0; g < groups; g++) {
            os.setDouble(g, reducer.apply(values, g * groupSize, groupSize));
        }
        return out;
    }

    private static double sumOf(double[] v, int from, int n) {
        double s = 0;
        for (int i = from; i < from + n; i++) {
            s += v[i];
        }
        return s;
    }

    private static DType sumType(DType t) {
        return t.isFloatingPoint() ? t : DType.INT64;
    }

    /**
     * Sum (or mean) over {@code dims} as {@link #reduce} with {@link #sumOf} computes it, adding in the
     * same order, but read straight from storage: {@code dims} must be leading (column sums, as
     * undoing a broadcast needs) or trailing (row sums, or everything) dims of a contiguous float tensor.
     */
    private static Tensor sumOrMean(Tensor t, int[] dims, boolean keepdim, boolean mean) {
        DType type = t.dtype();
        boolean leading = dims.length > 0 && dims[dims.length - 1] == dims.length - 1;
        int group = 1;
        for (int d : dims) {
            group *= t.shapeRef()[d];
        }
        // NOTE: as TensorIterator drops size-1 dims, a sum that leaves one value is a whole-run sum
        boolean trailing = dims.length > 0 && (dims[0] == t.dim() - dims.length || group == t.numel());
        if (!t.isContiguous() || !type.isFloatingPoint() || t.numel() == 0 || !(leading || trailing)) {
            GroupReducer reducer = mean ? (v, f, len) -> sumOf(v, f, len) / len : Reductions::sumOf;
            return reduce(t, dims, keepdim, sumType(type), reducer);
        }
        int groups = t.numel() / group;
        double[] sums = new double[groups];
        Storage in = t.storage();
        int off = t.storageOffset();
        if (trailing) {
            for (int g = 0; g < groups; g++) {
                sums[g] = type != DType.FLOAT32 ? sumRun(in.d, off + g * group, group)
                        : groups > 1 || group < PARALLEL_GRAIN ? CascadeSum.sum(in.f, off + g * group, group)
                        : sumRun(in.f, off + g * group, group);
            }
        } else if (type == DType.FLOAT32) {
            CascadeSum.columnSums(in.f, off, group, groups, sums);
        } else {
            for (int r = 0; r < group; r++) {
                addRow(in.d, off + r * groups, sums);
            }
        }
        Tensor out = Tensor.zeros(reducedShape(t.shapeRef(), dims, keepdim), type);
        for (int g = 0; g < groups; g++) {
            // NOTE: libtorch's mean is the sum divided in the tensor's dtype (float32 twice rounded otherwise)
            double m = type == DType.FLOAT32 ? (float) sums[g] / (float) group : sums[g] / group;
            out.storage().setDouble(g, mean ? m : sums[g]);
        }
        return out;
    }

    /**
     * libtorch splits a whole-tensor reduction this large across its threads, so the sum's order depends on
     * the machine's thread count; beyond it a float32 sum is accumulated in double here.
     */
    private static final int PARALLEL_GRAIN = 32768;

    private static double sumRun(float[] v, int from, int n) {
        double s = 0;
        for (int i = from; i < from + n; i++) {
            s += v[i];
        }
        return s;
    }

    private static double sumRun(double[] v, int from, int n) {
        double s = 0;
        for (int i = from; i < from + n; i++) {
            s += v[i];
        }
        return s;
    }

    private static void addRow(double[] v, int from, double[] sums) {
        for (int j = 0; j < sums.length; j++) {
            sums[j] += v[from + j];
        }
    }

    // ---- sum and mean -------------------------------------------------------------------------

    public static Tensor sum(Tensor t) {
        Tensor out = sumOrMean(t, normalize(null, t.dim()), false, false);
        int[] inputShape = t.shape();
        if (Tensor.needsGrad(t)) {
            out.withGradFn(new FunctionNode("SumBackward0", new Tensor[] {t}, null,
                    (g, s) -> new Tensor[] {g.expand(inputShape)}));
        }
        return out;
    }

    public static Tensor sum(Tensor t, int[] dims, boolean keepdim) {
        int[] ds = normalize(dims, t.dim());
        Tensor out = sumOrMean(t, ds, keepdim, false);
        int[] inputShape = t.shape();
        if (Tensor.needsGrad(t)) {
            out.withGradFn(new FunctionNode("SumBackward1", new Tensor[] {t}, null,
                    (g, s) -> new Tensor[] {unreduce(g, ds, keepdim).expand(inputShape)}));
        }
        return out;
    }

    /** Puts the reduced dims back as size-1 dims so a gradient broadcasts over them. */
    private static Tensor unreduce(Tensor g, int[] dims, boolean keepdim) {
        if (keepdim) {
            return g;
        }
        Tensor out = g;
        for (int d : dims) {
            out = out.unsqueeze(d);
        }
        return out;
    }

    private static void checkMeanType(Tensor t, String op) {
        if (!t.isFloatingPoint()) {
            throw TorchException.runtime(op + "(): could not infer output dtype. Input dtype must be either a floating "
                    + "point or complex dtype. Got: " + t.dtype().scalarTypeName());
        }
    }

    public static Tensor mean(Tensor t) {
        checkMeanType(t, "mean");
        int n = t.numel();
        Tensor out = sumOrMean(t, normalize(null, t.dim()), false, true);
        int[] inputShape = t.shape();
        if (Tensor.needsGrad(t)) {
            out.withGradFn(new FunctionNode("MeanBackward0", new Tensor[] {t}, null,
                    (g, s) -> new Tensor[] {g.expand(inputShape).div((double) n)}));
        }
        return out;
    }

    public static Tensor mean(Tensor t, int[] dims, boolean keepdim) {
        checkMeanType(t, "mean");
        int[] ds = normalize(dims, t.dim());
        int count = 1;
        for (int d : ds) {
            count *= t.shapeRef()[d];
        }
        Tensor out = sumOrMean(t, ds, keepdim, true);
        int[] inputShape = t.shape();
        double n = count;
        if (Tensor.needsGrad(t)) {
            out.withGradFn(new FunctionNode("MeanBackward1", new Tensor[] {t}, null,
                    (g, s) -> new Tensor[] {unreduce(g, ds, keepdim).expand(inputShape).div(n)}));
        }
        return out;
    }

    /** Undoes broadcasting: sums {@code grad} down to {@code target}. */
    public static Tensor sumTo(Tensor grad, int[] target) {
        int[] shape = grad.shapeRef();
        if (Arrays.equals(shape, target)) {
            return grad;
        }
        int lead = shape.length - target.length;
        int[] dims = new int[shape.length];
        int k = 0;
        for (int i = 0; i < shape.length; i++) {
            if (i < lead || (target[i - lead] == 1 && shape[i] != 1)) {
                dims[k++] = i;
            }
        }
        Tensor out = k == 0 ? grad : sum(grad, Arrays.copyOf(dims, k), true);
        return out.reshape(target);
    }

    // ---- product ------------------------------------------------------------------------------

    private static double prodOf(double[] v, int from, int n) {
        double p = 1;
        for (int i = from; i < from + n; i++) {
            p *= v[i];
        }
        return p;
    }

    public static Tensor prod(Tensor t) {
        Tensor out = reduce(t, normalize(null, t.dim()), false, sumType(t.dtype()), Reductions::prodOf);
        if (Tensor.needsGrad(t)) {
            out.withGradFn(new FunctionNode("ProdBackward0", new Tensor[] {t}, new Tensor[] {t},
                    (g, s) -> new Tensor[] {productOfOthers(s[0].flatten(), 0).reshape(s[0].shape()).mul(g)}));
        }
        return out;
    }

    public static Tensor prod(Tensor t, int dim, boolean keepdim) {
        int d = Shapes.wrapDim(dim, t.dim());
        Tensor out = reduce(t, new int[] {d}, keepdim, sumType(t.dtype()), Reductions::prodOf);
        if (Tensor.needsGrad(t)) {
            out.withGradFn(new FunctionNode("ProdBackward1", new Tensor[] {t}, new Tensor[] {t},
                    (g, s) -> new Tensor[] {productOfOthers(s[0], d).mul(unreduce(g, new int[] {d}, keepdim))}));
        }
        return out;
    }

    /** For each element, the product of the other elements along {@code dim} (zero-safe). */
    private static Tensor productOfOthers(Tensor x, int dim) {
        Tensor moved = x.transpose(dim, -1).contiguousCopy();
        double[] v = moved.toDoubleArray();
        int n = moved.size(-1);
        double[] out = new double[v.length];
        for (int base = 0; base < v.length; base += n) {
            double prefix = 1;
            for (int i = 0; i < n; i++) {
                out[base + i] = prefix;
                prefix *= v[base + i];
            }
            double suffix = 1;
            for (int i = n - 1; i >= 0; i--) {
                out[base + i] *= suffix;
                suffix *= v[base + i];
            }
        }
        Tensor r = Tensor.zeros(moved.shapeRef(), x.dtype());
        for (int i = 0; i < out.length; i++) {
            r.storage().setDouble(i, out[i]);
        }
        return r.transpose(dim, -1);
    }

    // ---- max and min --------------------------------------------------------------------------

    public static Tensor extreme(Tensor t, boolean max) {
        if (t.numel() == 0) {
            throw TorchException.runtime((max ? "max" : "min") + "(): Expected reduction dim to be specified for input."
                    + "numel() == 0. Specify the reduction dim with the 'dim' argument.");
        }
        Tensor out = reduce(t, normalize(null, t.dim()), false, t.dtype(), (v, f, n) -> {
            double best = v[f];
            for (int i = f; i < f + n; i++) {
                if (Double.isNaN(v[i])) {
                    return Double.NaN;
                }
                best = max ? Math.max(best, v[i]) : Math.min(best, v[i]);
            }
            return best;
        });
        if (Tensor.needsGrad(t)) {
            out.withGradFn(new FunctionNode(max ? "MaxBackward1" : "MinBackward1", new Tensor[] {t},
                    new Tensor[] {t, out}, (g, s) -> {
                        Tensor mask = s[0].eq(s[1]).to(g.dtype());
                        return new Tensor[] {mask.mul(g.div(mask.sum()))};
                    }));
        }
        return out;
    }

    /** Index of the first best element of each group. */
    private static int bestIndex(double[] v, int from, int n, boolean max) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            double x = v[from + i];
            double b = v[from + best];
            if (Double.isNaN(b)) {
                break;
            }
            if (Double.isNaN(x) || (max ? x > b : x < b)) {
                best = i;
            }
        }
        return best;
    }

    /** {@code (values, indices)} of {@code max(dim)}/{@code min(dim)}. */
    public static Tensor[] extremeDim(Tensor t, int dim, boolean keepdim, boolean max) {
        int d = Shapes.wrapDim(dim, t.dim());
        if (t.dim() > 0 && t.shapeRef()[d] == 0) {
            throw TorchException.index((max ? "max" : "min") + "(): Expected reduction dim " + d
                    + " to have non-zero size.");
        }
        int[] dims = t.dim() == 0 ? new int[0] : new int[] {d};
        Tensor indices = reduce(t, dims, keepdim, DType.INT64, (v, f, n) -> bestIndex(v, f, n, max));
        Tensor values = reduce(t, dims, keepdim, t.dtype(), (v, f, n) -> v[f + bestIndex(v, f, n, max)]);
        if (Tensor.needsGrad(t)) {
            int[] inputShape = t.shape();
            values.withGradFn(new FunctionNode(max ? "MaxBackward0" : "MinBackward0", new Tensor[] {t},
                    new Tensor[] {indices}, (g, s) -> new Tensor[] {
                        scatterAlongDim(unreduce(g, dims, keepdim), unreduce(s[0], dims, keepdim), inputShape, d)}));
        }
        return new Tensor[] {values, indices};
    }

    /** Zeros of {@code shape} with {@code src} written at {@code index} positions along {@code dim}. */
    static Tensor scatterAlongDim(Tensor src, Tensor index, int[] shape, int dim) {
        Tensor out = Tensor.zeros(shape, src.dtype());
        if (shape.length == 0) {
            out.storage().setDouble(0, src.item());
            return out;
        }
        int[] srcShape = index.shapeRef();
        double[] values = src.expand(srcShape).toDoubleArray();
        long[] idx = index.toLongArray();
        int[] outStrides = out.stridesRef();
        int[] counter = new int[srcShape.length];
        for (int i = 0; i < idx.length; i++) {
            int off = 0;
            for (int k = 0; k < counter.length; k++) {
                off += (k == dim ? (int) idx[i] : counter[k]) * outStrides[k];
            }
            out.storage().setDouble(off, out.storage().getDouble(off) + values[i]);
            for (int k = counter.length - 1; k >= 0; k--) {
                if (++counter[k] < srcShape[k]) {
                    break;
                }
                counter[k] = 0;
            }
        }
        return out;
    }

    public static Tensor argExtreme(Tensor t, Integer dim, boolean keepdim, boolean max) {
        if (dim == null) {
            return reduce(t, normalize(null, t.dim()), false, DType.INT64, (v, f, n) -> bestIndex(v, f, n, max));
        }
        return extremeDim(t.detach(), dim, keepdim, max)[1];
    }

    // ---- variance and standard deviation ------------------------------------------------------

    public static Tensor var(Tensor t, int[] dims, boolean unbiased, boolean keepdim, boolean sqrt) {
        return var(t, dims, unbiased ? 1 : 0, keepdim, sqrt);
    }

    /** Variance (or its square root) dividing by {@code N - correction}. */
    public static Tensor var(Tensor t, int[] dims, double correction, boolean keepdim, boolean sqrt) {
        checkMeanType(t, sqrt ? "std" : "var");
        int[] ds = normalize(dims, t.dim());
        GroupReducer variance = (v, f, n) -> {
            double mean = sumOf(v, f, n) / n;
            double ss = 0;
            for (int i = f; i < f + n; i++) {
                ss += (v[i] - mean) * (v[i] - mean);
            }
            double var = ss / Math.max(0, n - correction);
            return sqrt ? Math.sqrt(var) : var;
        };
        Tensor out = reduce(t, ds, keepdim, t.dtype(), variance);
        if (Tensor.needsGrad(t)) {
            int count = 1;
            for (int d : ds) {
                count *= t.shapeRef()[d];
            }
            double denominator = count - correction;
            out.withGradFn(new FunctionNode(sqrt ? "StdBackward0" : "VarBackward0", new Tensor[] {t},
                    new Tensor[] {t, out}, (g, s) -> {
                        Tensor centered = s[0].sub(s[0].mean(ds, true));
                        Tensor gb = unreduce(g, ds, keepdim);
                        Tensor grad = sqrt
                                ? centered.mul(gb).div(unreduce(s[1], ds, keepdim).mul(denominator))
                                : centered.mul(gb).mul(2.0 / denominator);
                        return new Tensor[] {grad};
                    }));
        }
        return out;
    }

    public static Tensor allAny(Tensor t, boolean all) {
        return allAny(t, null, false, all);
    }

    /** {@code all}/{@code any} over dims (null: every dim); bool result, as PyTorch's for every input dtype but uint8. */
    public static Tensor allAny(Tensor t, int[] dims, boolean keepdim, boolean all) {
        return reduce(t, normalize(dims, t.dim()), keepdim, DType.BOOL, (v, f, n) -> {
            for (int i = f; i < f + n; i++) {
                if ((v[i] != 0) != all) {
                    return all ? 0 : 1;
                }
            }
            return all ? 1 : 0;
        });
    }

    // ---- amax, amin, logsumexp ----------------------------------------------------------------

    /** The largest (smallest) values over dims; ties share the gradient evenly, as PyTorch's amax. */
    public static Tensor amaxAmin(Tensor t, int[] dims, boolean keepdim, boolean max) {
        int[] ds = normalize(dims, t.dim());
        for (int d : ds) {
            if (t.shapeRef()[d] == 0) {
                throw TorchException.index((max ? "amax" : "amin") + "(): Expected reduction dim " + d
                        + " to have non-zero size.");
            }
        }
        Tensor out = reduce(t, ds, keepdim, t.dtype(), (v, f, n) -> {
            double best = v[f];
            for (int i = f; i < f + n; i++) {
                if (Double.isNaN(v[i])) {
                    return Double.NaN;
                }
                best = max ? Math.max(best, v[i]) : Math.min(best, v[i]);
            }
            return best;
        });
        if (Tensor.needsGrad(t)) {
            out.withGradFn(new FunctionNode(max ? "AmaxBackward0" : "AminBackward0", new Tensor[] {t},
                    new Tensor[] {t, out}, (g, s) -> {
                        Tensor mask = s[0].eq(unreduce(s[1], ds, keepdim)).to(g.dtype());
                        return new Tensor[] {mask.mul(unreduce(g, ds, keepdim)).div(mask.sum(ds, true))};
                    }));
        }
        return out;
    }

    /** {@code log(sum(exp(x)))} over dims, computed stably around each group's maximum. */
    public static Tensor logsumexp(Tensor t, int[] dims, boolean keepdim) {
        int[] ds = normalize(dims, t.dim());
        DType type = t.isFloatingPoint() ? t.dtype() : DType.FLOAT32;
        Tensor out = reduce(t, ds, keepdim, type, (v, f, n) -> {
            double m = Double.NEGATIVE_INFINITY;
            for (int i = f; i < f + n; i++) {
                m = Math.max(m, v[i]);
            }
            if (Double.isInfinite(m)) {
                return m;
            }
            double sum = 0;
            for (int i = f; i < f + n; i++) {
                sum += Math.exp(v[i] - m);
            }
            return m + Math.log(sum);
        });
        if (Tensor.needsGrad(t)) {
            out.withGradFn(new FunctionNode("LogsumexpBackward0", new Tensor[] {t}, new Tensor[] {t, out},
                    (g, s) -> new Tensor[] {unreduce(g, ds, keepdim).mul(s[0].sub(unreduce(s[1], ds, keepdim)).exp())}));
        }
        return out;
    }
}
