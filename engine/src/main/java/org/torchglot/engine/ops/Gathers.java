package org.torchglot.engine.ops;

import java.util.ArrayList;
import java.util.List;
import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * Gather and scatter along a dim, and the ops built on them (index_select, index_add, index_copy,
 * index_fill, take, masked_select, nonzero): {@code out[i][j] = self[index[i][j]][j]} for dim 0.
 */
public final class Gathers {
    private Gathers() {
    }

    /** Called with the storage offset of the indexed element of {@code target} and the index tensor's position. */
    @FunctionalInterface
    private interface Visit {
        void at(int targetOffset, int position);
    }

    /**
     * Visits every element of {@code index} in row-major order with the offset in {@code target} it
     * points at along {@code dim} (other coordinates unchanged), checking bounds as PyTorch does.
     */
    private static void walk(String op, Tensor target, int dim, Tensor index, Visit visit) {
        if (index.dtype() != DType.INT64) {
            throw TorchException.runtime(op + "(): Expected dtype int64 for index");
        }
        int rank = Math.max(target.dim(), 1);
        int[] tShape = target.dim() == 0 ? new int[] {1} : target.shapeRef();
        int[] tStrides = target.dim() == 0 ? new int[] {1} : target.stridesRef();
        int[] iShape = index.dim() == 0 ? new int[] {1} : index.shapeRef();
        if (index.numel() > 0 && iShape.length != rank) {
            throw TorchException.runtime("Index tensor must have the same number of dimensions as "
                    + (op.startsWith("scatter") ? "self" : "input") + " tensor");
        }
        for (int k = 0; k < iShape.length && index.numel() > 0; k++) {
            if (k != dim && iShape[k] > tShape[k]) {
                throw TorchException.runtime("Size does not match at dimension " + k + " expected index "
                        + Shapes.str(index.shapeRef()) + " to be smaller than self " + Shapes.str(target.shapeRef())
                        + " apart from dimension " + dim);
            }
        }
        long[] idx = index.toLongArray();
        int[] counter = new int[iShape.length];
        for (int p = 0; p < idx.length; p++) {
            long v = idx[p];
            if (v < 0 || v >= tShape[dim]) {
                throw TorchException.runtime("index " + v + " is out of bounds for dimension " + dim + " with size "
                        + tShape[dim]);
            }
            int off = target.storageOffset();
            for (int k = 0; k < counter.length; k++) {
                off += (k == dim ? (int) v : counter[k]) * tStrides[k];
            }
            visit.at(off, p);
            for (int k = counter.length - 1; k >= 0; k--) {
                if (++counter[k] < iShape[k]) {
                    break;
                }
                counter[k] = 0;
            }
        }
    }

    private static int wrap(int dim, Tensor t) {
        return Shapes.wrapDim(dim, Math.max(t.dim(), 1));
    }

    /** The values of {@code t} in row-major order as a flat readable tensor (contiguous, same dtype). */
    private static Tensor flat(Tensor t) {
        return t.contiguous().reshape(-1);
    }

    private static void copy(Storage from, int fromOffset, Storage to, int toOffset) {
        if (from.dtype().isFloatingPoint() || to.dtype().isFloatingPoint()) {
            to.setDouble(toOffset, from.getDouble(fromOffset));
        } else {
            to.setLong(toOffset, from.getLong(fromOffset));
        }
    }

    // ---- gather and scatter -----------------------------------------------------------------------

    public static Tensor gather(Tensor self, int dim, Tensor index) {
        return gather(self, dim, index, "GatherBackward0");
    }

    /** {@link #gather} recorded under another name, for the ops whose values PyTorch picks this way (sort, topk). */
    static Tensor gather(Tensor self, int dim, Tensor index, String backwardName) {
        int d = wrap(dim, self);
        Tensor out = Tensor.zeros(index.shapeRef(), self.dtype());
        Storage src = self.storage();
        Storage dst = out.storage();
        walk("gather", self, d, index, (off, p) -> copy(src, off, dst, p));
        if (Tensor.needsGrad(self)) {
            int[] shape = self.shape();
            out.withGradFn(new FunctionNode(backwardName, new Tensor[] {self}, new Tensor[] {index},
                    (g, s) -> new Tensor[] {scatterAdd(Tensor.zeros(shape, g.dtype()), d, s[0], g)}));
        }
        return out;
    }

    /** How scatter combines a source value with the value already there. */
    public enum Reduce {
        REPLACE, SUM, PROD, MEAN, AMAX, AMIN;

        static Reduce named(String name) {
            return switch (name) {
                case "sum", "add" -> SUM;
                case "prod", "multiply" -> PROD;
                case "mean" -> MEAN;
                case "amax" -> AMAX;
                case "amin" -> AMIN;
                default -> throw TorchException.runtime("reduce argument must be either sum, prod, mean, amax or amin, "
                        + "got " + name);
            };
        }
    }

    /** The forward of every scatter: a copy of self with src's values combined in at index. */
    private static Tensor scatterValues(Tensor self, int d, Tensor index, Tensor src, Reduce reduce, boolean includeSelf) {
        Tensor out = self.contiguousCopy().detach();
        Storage os = out.storage();
        Tensor source = src.numel() == 1 && src.dim() == 0 ? src : src;
        Storage ss = source.storage();
        int[] sOff = source.dim() == 0 ? null : source.elementOffsets();
        int[] sShape = source.shapeRef();
        int[] iShape = index.shapeRef();
        // NOTE: index walks in its own row-major order; src is read at the same coordinates.
        int[] srcAt = source.dim() == 0 ? null : offsetsAt(source, iShape, sShape);
        int[] counts = reduce == Reduce.MEAN || !includeSelf ? new int[out.numel()] : null;
        boolean floating = out.isFloatingPoint();
        walk("scatter", out, d, index, (off, p) -> {
            int from = srcAt == null ? source.storageOffset() : srcAt[p];
            double v = ss.getDouble(from);
            boolean first = counts != null && !includeSelf && counts[off] == 0;
            if (counts != null) {
                counts[off]++;
            }
            switch (reduce) {
                case REPLACE -> copy(ss, from, os, off);
                case SUM, MEAN -> {
                    if (first) {
                        copy(ss, from, os, off);
                    } else if (floating) {
                        os.setDouble(off, os.getDouble(off) + v);
                    } else {
                        os.setLong(off, os.getLong(off) + ss.getLong(from));
                    }
                }
                case PROD -> os.setDouble(off, first ? v : os.getDouble(off) * v);
                case AMAX -> os.setDouble(off, first ? v : Math.max(os.getDouble(off), v));
                case AMIN -> os.setDouble(off, first ? v : Math.min(os.getDouble(off), v));
            }
        });
        if (reduce == Reduce.MEAN) {
            for (int i = 0; i < counts.length; i++) {
                int n = counts[i] + (includeSelf ? 1 : 0);
                if (counts[i] > 0) {
                    if (floating) {
                        os.setDouble(i, os.getDouble(i) / n);
                    } else {
                        os.setLong(i, Math.floorDiv(os.getLong(i), n));
                    }
                }
            }
        }
        return out;
    }

    /** Storage offsets of {@code t}'s elements at the coordinates of a row-major walk over {@code walkShape}. */
    private static int[] offsetsAt(Tensor t, int[] walkShape, int[] tShape) {
        for (int k = 0; k < walkShape.length; k++) {
            if (k >= tShape.length || walkShape[k] > tShape[k]) {
                throw TorchException.runtime("Expected index " + Shapes.str(walkShape) + " to be smaller than src "
                        + Shapes.str(tShape) + " apart from dimension");
            }
        }
        int[] offsets = new int[Shapes.numel(walkShape)];
        int[] counter = new int[walkShape.length];
        int[] strides = t.stridesRef();
        for (int p = 0; p < offsets.length; p++) {
            int off = t.storageOffset();
            for (int k = 0; k < counter.length; k++) {
                off += counter[k] * strides[k];
            }
            offsets[p] = off;
            for (int k = counter.length - 1; k >= 0; k--) {
                if (++counter[k] < walkShape[k]) {
                    break;
                }
                counter[k] = 0;
            }
        }
        return offsets;
    }

    private static void checkSameDtype(String op, Tensor self, Tensor src) {
        if (!src.isWrappedNumber() && self.dtype() != src.dtype()) {
            throw TorchException.runtime(op + "(): Expected self.dtype to be equal to src.dtype");
        }
    }

    /** {@code scatter(self, dim, index, src)}: src (a tensor or a number) written at index. */
    public static Tensor scatter(Tensor self, int dim, Tensor index, Tensor src, String reduce) {
        int d = wrap(dim, self);
        checkSameDtype("scatter", self, src);
        if (reduce != null) {
            Reduce r = switch (reduce) {
                case "add" -> Reduce.SUM;
                case "multiply" -> Reduce.PROD;
                default -> throw TorchException.runtime("reduce argument must be either add or multiply.");
            };
            return scatterValues(self, d, index, src, r, true);
        }
        boolean value = src.isWrappedNumber();
        Tensor[] inputs = {self, value ? null : src};
        return Recorded.op(value ? "ScatterBackward1" : "ScatterBackward0", inputs, new Tensor[] {index},
                () -> scatterValues(self, d, index, src, Reduce.REPLACE, true), (g, s) -> new Tensor[] {
                    scatterValues(g, d, s[0], Tensor.scalar(0.0).to(g.dtype()), Reduce.REPLACE, true),
                    value ? null : gather(g, d, s[0])});
    }

    public static Tensor scatterAdd(Tensor self, int dim, Tensor index, Tensor src) {
        int d = wrap(dim, self);
        checkSameDtype("scatter", self, src);
        Tensor[] inputs = {self, src};
        return Recorded.op("ScatterAddBackward0", inputs, new Tensor[] {index},
                () -> scatterValues(self, d, index, src, Reduce.SUM, true),
                (g, s) -> new Tensor[] {g, gather(g, d, s[0])});
    }

    public static Tensor scatterReduce(Tensor self, int dim, Tensor index, Tensor src, String reduce, boolean includeSelf) {
        int d = wrap(dim, self);
        checkSameDtype("scatter", self, src);
        Reduce r = Reduce.named(reduce);
        Tensor[] inputs = {self, src};
        return Recorded.op("ScatterReduceBackward0", inputs, new Tensor[] {self, index, src},
                () -> scatterValues(self, d, index, src, r, includeSelf), (g, s) -> {
                    Tensor out = scatterValues(s[0], d, s[1], s[2], r, includeSelf);
                    return switch (r) {
                        case SUM -> new Tensor[] {includeSelf ? g : maskTouched(g, d, s[1]), gather(g, d, s[1])};
                        case MEAN -> {
                            Tensor ones = Tensor.onesLike(s[2]);
                            Tensor counts = scatterValues(Tensor.zeros(s[0].shapeRef(), g.dtype())
                                    .add(includeSelf ? 1.0 : 0.0), d, s[1], ones, Reduce.SUM, true);
                            counts = counts.maximum(Tensor.scalar(1.0).to(g.dtype()));
                            Tensor gm = g.div(counts);
                            yield new Tensor[] {includeSelf ? gm : maskTouched(gm, d, s[1]), gather(gm, d, s[1])};
                        }
                        case AMAX, AMIN -> {
                            // NOTE: as PyTorch, the gradient is shared evenly among the values equal to the result.
                            Tensor selfHit = s[0].eq(out).to(g.dtype());
                            if (!includeSelf) {
                                selfHit = maskTouched(selfHit, d, s[1]);
                            }
                            Tensor srcHit = s[2].eq(gather(out, d, s[1])).to(g.dtype());
                            Tensor count = scatterValues(selfHit, d, s[1], srcHit, Reduce.SUM, true);
                            Tensor share = g.div(count);
                            yield new Tensor[] {share.mul(selfHit), gather(share, d, s[1]).mul(srcHit)};
                        }
                        case PROD -> new Tensor[] {includeSelf ? g.mul(out).div(s[0]) : maskTouched(g, d, s[1]),
                            gather(g.mul(out), d, s[1]).div(s[2])};
                        case REPLACE -> throw new IllegalStateException();
                    };
                });
    }

    /** {@code g} with zeros where index points: those elements of self were replaced. */
    private static Tensor maskTouched(Tensor g, int d, Tensor index) {
        return scatterValues(g, d, index, Tensor.scalar(0.0).to(g.dtype()), Reduce.REPLACE, true);
    }

    // ---- index_* along one dim ----------------------------------------------------------------------

    /**
     * A full index for gather/scatter from a 1-D index along {@code dim}: shape {@code like} with
     * {@code dim} of size {@code index.numel()}, holding {@code index[i]} at position i of dim.
     */
    private static Tensor spread(String op, Tensor index, int[] like, int dim) {
        if (index.dim() > 1) {
            throw TorchException.index(op + "(): Index is supposed to be a vector");
        }
        if (index.dtype() != DType.INT64) {
            throw TorchException.index(op + "(): Expected dtype int64 for index");
        }
        int[] shape = like.length == 0 ? new int[] {index.numel()} : like.clone();
        shape[dim] = index.numel();
        int[] view = new int[shape.length];
        java.util.Arrays.fill(view, 1);
        view[dim] = index.numel();
        return index.reshape(view).expand(shape).contiguousCopy();
    }

    private static void checkIndexRange(Tensor index, int size) {
        for (long v : index.toLongArray()) {
            if (v < -size || v >= size) {
                throw TorchException.index("index out of range in self");
            }
        }
    }

    /** Negative positions count from the end, as index_select, index_add and index_copy allow. */
    private static Tensor wrapNegative(Tensor index, int size) {
        long[] v = index.toLongArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] < 0 ? v[i] + size : v[i];
        }
        return Tensor.of(Storage.wrap(v), index.shape());
    }

    public static Tensor indexSelect(Tensor self, int dim, Tensor index) {
        return indexSelect(self, dim, index, "IndexSelectBackward0");
    }

    /** {@link #indexSelect} recorded under another name (flip, roll, repeat_interleave pick whole slices too). */
    static Tensor indexSelect(Tensor self, int dim, Tensor index, String backwardName) {
        int d = wrap(dim, self);
        int size = self.dim() == 0 ? 1 : self.shapeRef()[d];
        checkIndexRange(index, size);
        Tensor idx = wrapNegative(index, size);
        Tensor full = spread("index_select", idx, self.shapeRef(), d);
        Tensor[] inputs = {self};
        int[] outShape = self.dim() == 0 ? new int[0] : full.shape();
        return Recorded.op(backwardName, inputs, new Tensor[] {full}, () -> gather(self, d, full).reshape(outShape),
                (g, s) -> new Tensor[] {scatterAdd(Tensor.zeros(self.shapeRef(), g.dtype()), d, s[0],
                        g.reshape(s[0].shapeRef()))});
    }

    public static Tensor indexAdd(Tensor self, int dim, Tensor index, Tensor source, double alpha) {
        int d = wrap(dim, self);
        checkIndexRange(index, self.dim() == 0 ? 1 : self.shapeRef()[d]);
        Tensor full = spread("index_add", wrapNegative(index, self.dim() == 0 ? 1 : self.shapeRef()[d]),
                source.shapeRef(), d);
        Tensor[] inputs = {self, source};
        return Recorded.op("IndexAddBackward0", inputs, new Tensor[] {full},
                () -> scatterValues(self, d, full, alpha == 1.0 ? source : source.mul(alpha), Reduce.SUM, true),
                (g, s) -> new Tensor[] {g, gather(g, d, s[0]).mul(alpha)});
    }

    public static Tensor indexCopy(Tensor self, int dim, Tensor index, Tensor source) {
        int d = wrap(dim, self);
        checkSameDtype("index_copy", self, source);
        Tensor full = spread("index_copy", wrapNegative(index, self.dim() == 0 ? 1 : self.shapeRef()[d]),
                source.shapeRef(), d);
        Tensor[] inputs = {self, source};
        return Recorded.op("IndexCopyBackward0", inputs, new Tensor[] {full},
                () -> scatterValues(self, d, full, source, Reduce.REPLACE, true),
                (g, s) -> new Tensor[] {maskTouched(g, d, s[0]), gather(g, d, s[0])});
    }

    public static Tensor indexFill(Tensor self, int dim, Tensor index, Tensor value) {
        int d = wrap(dim, self);
        int[] like = self.shape();
        if (like.length > 0) {
            like[d] = 1;
        }
        Tensor full = spread("index_fill", wrapNegative(index, self.dim() == 0 ? 1 : self.shapeRef()[d]), like, d);
        Tensor v = value.to(self.dtype());
        return Recorded.op("IndexFillBackward0", new Tensor[] {self}, new Tensor[] {full},
                () -> scatterValues(self, d, expandIndex(full, self.shapeRef(), d), v, Reduce.REPLACE, true),
                (g, s) -> new Tensor[] {maskTouched(g, d, expandIndex(s[0], g.shapeRef(), d))});
    }

    /** A spread index made full-size along every dim but {@code dim}. */
    private static Tensor expandIndex(Tensor full, int[] shape, int dim) {
        if (shape.length == 0) {
            return full;
        }
        int[] target = shape.clone();
        target[dim] = full.shapeRef()[dim];
        return full.expand(target).contiguousCopy();
    }

    /** {@code index_reduce}: source's slices combined into self's slices at index along dim. */
    public static Tensor indexReduce(Tensor self, int dim, Tensor index, Tensor source, String reduce, boolean includeSelf) {
        int d = wrap(dim, self);
        if (reduce.equals("sum")) {
            throw TorchException.runtime("index_reduce(): Expected reduce to be one of prod, mean, amax or amin but got "
                    + reduce + ".");
        }
        Tensor full = spread("index_reduce", wrapNegative(index, self.dim() == 0 ? 1 : self.shapeRef()[d]),
                source.shapeRef(), d);
        return scatterReduce(self, d, full, source, reduce, includeSelf);
    }

    // ---- take, masked_select, nonzero --------------------------------------------------------------

    public static Tensor take(Tensor self, Tensor index) {
        int n = self.numel();
        checkTakeRange(index, n);
        Tensor idx = wrapNegative(index, n).reshape(-1);
        return Recorded.op("TakeBackward0", new Tensor[] {self}, new Tensor[] {idx},
                () -> gather(flat(self), 0, idx).reshape(index.shapeRef()),
                (g, s) -> new Tensor[] {scatterAdd(Tensor.zeros(new int[] {n}, g.dtype()), 0, s[0], g.reshape(-1))
                        .reshape(self.shapeRef())});
    }

    private static void checkTakeRange(Tensor index, int n) {
        for (long v : index.toLongArray()) {
            if (v < -n || v >= n) {
                throw TorchException.index("out of range: tried to access index " + v + " on a tensor of " + n
                        + " elements.");
            }
        }
    }

    /** The row-major positions of non-zero elements. */
    private static long[] nonzeroFlat(Tensor t) {
        double[] v = t.toDoubleArray();
        long[] out = new long[v.length];
        int n = 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0) {
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    public static Tensor maskedSelect(Tensor self, Tensor mask) {
        if (mask.dtype() != DType.BOOL) {
            throw TorchException.runtime("masked_select: expected BoolTensor for mask");
        }
        int[] shape = Shapes.broadcast(self.shapeRef(), mask.shapeRef());
        long[] positions = nonzeroFlat(mask.expand(shape));
        Tensor idx = Tensor.of(Storage.wrap(positions), positions.length);
        return Recorded.op("MaskedSelectBackward0", new Tensor[] {self}, new Tensor[] {idx},
                () -> gather(flat(self.expand(shape)), 0, idx),
                (g, s) -> new Tensor[] {scatterAdd(Tensor.zeros(new int[] {Shapes.numel(shape)}, g.dtype()), 0, s[0], g)
                        .reshape(shape)});
    }

    /** {@code nonzero}: an int64 tensor with one row of coordinates per non-zero element. */
    public static Tensor nonzero(Tensor t) {
        long[] flatPositions = nonzeroFlat(t);
        int rank = t.dim();
        long[] out = new long[flatPositions.length * rank];
        int[] strides = Shapes.contiguousStrides(t.shapeRef());
        for (int i = 0; i < flatPositions.length; i++) {
            long rest = flatPositions[i];
            for (int k = 0; k < rank; k++) {
                out[i * rank + k] = rest / strides[k];
                rest %= strides[k];
            }
        }
        return Tensor.of(Storage.wrap(out), flatPositions.length, rank);
    }

    /** {@code nonzero(as_tuple=True)}: one int64 tensor of positions per dim. */
    public static List<Tensor> nonzeroTuple(Tensor t) {
        Tensor rows = nonzero(t.dim() == 0 ? t.reshape(1) : t);
        List<Tensor> out = new ArrayList<>();
        for (int k = 0; k < rows.size(1); k++) {
            out.add(rows.select(1, k).contiguousCopy().detach());
        }
        return out;
    }

    // ---- put and the scatters into views -------------------------------------------------------------

    /** {@code put}: source's values written (or added) at flat positions of a copy of self. */
    public static Tensor put(Tensor self, Tensor index, Tensor source, boolean accumulate) {
        int n = self.numel();
        checkTakeRange(index, n);
        if (index.numel() != source.numel()) {
            throw TorchException.runtime("put_(): Expected source and index to have the same number of elements, but got "
                    + "source.numel() = " + source.numel() + ", index.numel() = " + index.numel());
        }
        Tensor idx = wrapNegative(index, n).reshape(-1);
        Tensor flatSelf = self.reshape(-1);
        Tensor flatSource = source.reshape(-1);
        Tensor out = accumulate ? scatterAdd(flatSelf, 0, idx, flatSource) : scatter(flatSelf, 0, idx, flatSource, null);
        return out.reshape(self.shapeRef());
    }

    /** The flat positions of self's elements, shaped like self: index it to find where a view's elements live. */
    public static Tensor positions(Tensor self) {
        long[] v = new long[self.numel()];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return Tensor.of(Storage.wrap(v), self.shape());
    }

    /** {@code masked_scatter}: where mask holds, source's values in order. */
    public static Tensor maskedScatter(Tensor self, Tensor mask, Tensor source) {
        if (mask.dtype() != DType.BOOL) {
            throw TorchException.runtime("masked_scatter_ only supports boolean masks, but got mask with dtype "
                    + mask.dtype().scalarTypeName());
        }
        long[] at = nonzeroFlat(mask.expand(self.shapeRef()));
        if (at.length > source.numel()) {
            throw TorchException.runtime("masked_scatter: expected source to have at least as many elements as ones in "
                    + "mask");
        }
        Tensor idx = Tensor.of(Storage.wrap(at), at.length);
        return put(self, idx, source.reshape(-1).narrow(0, 0, at.length), false);
    }
}
