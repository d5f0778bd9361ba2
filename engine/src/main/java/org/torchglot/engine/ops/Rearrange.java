package org.torchglot.engine.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * Ops that move, repeat, split or mask elements without arithmetic: flip, roll, rot90, tril/triu,
 * diag, movedim, tile, repeat_interleave, tensor_split, the stacks, meshgrid and combinations.
 */
public final class Rearrange {
    private Rearrange() {
    }

    private static Tensor longs(long[] values) {
        return Tensor.of(Storage.wrap(values), values.length);
    }

    private static int[] wrapDims(int[] dims, int rank) {
        int[] out = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = Shapes.wrapDim(dims[i], Math.max(rank, 1));
            for (int j = 0; j < i; j++) {
                if (out[j] == out[i]) {
                    throw TorchException.runtime("dim " + out[i] + " appears multiple times in the list of dims");
                }
            }
        }
        return out;
    }

    /** Positions {@code (i + shift) mod n} for each output position: a rolled or reversed axis. */
    private static Tensor positions(int n, boolean reverse, int shift) {
        long[] idx = new long[n];
        for (int i = 0; i < n; i++) {
            idx[i] = reverse ? n - 1 - i : Math.floorMod(i - shift, n);
        }
        return longs(idx);
    }

    public static Tensor flip(Tensor t, int[] dims) {
        int[] ds = wrapDims(dims, t.dim());
        return Recorded.op("FlipBackward0", new Tensor[] {t}, null, () -> {
            Tensor r = t;
            for (int d : ds) {
                r = t.dim() == 0 ? r : Gathers.indexSelect(r, d, positions(t.shapeRef()[d], true, 0));
            }
            return r == t ? t.clone() : r;
        }, (g, s) -> new Tensor[] {flip(g, ds)});
    }

    public static Tensor roll(Tensor t, int[] shifts, int[] dims) {
        if (dims.length == 0) {
            if (shifts.length != 1) {
                throw TorchException.runtime("shifts and dimensions must align. shifts: " + shifts.length + ", dims:0");
            }
            return roll(t.reshape(-1), shifts, new int[] {0}).reshape(t.shapeRef());
        }
        if (shifts.length != dims.length) {
            throw TorchException.runtime("shifts and dimensions must align. shifts: " + shifts.length + ", dims:"
                    + dims.length);
        }
        int[] ds = wrapDims(dims, t.dim());
        int[] back = Arrays.stream(shifts).map(x -> -x).toArray();
        return Recorded.op("RollBackward0", new Tensor[] {t}, null, () -> {
            Tensor r = t;
            for (int i = 0; i < ds.length; i++) {
                r = Gathers.indexSelect(r, ds[i], positions(t.shapeRef()[ds[i]], false, shifts[i]));
            }
            return r;
        }, (g, s) -> new Tensor[] {roll(g, back, ds)});
    }

    public static Tensor rot90(Tensor t, int k, int[] dims) {
        if (dims.length != 2) {
            throw TorchException.runtime("expected total rotation dims == 2, but got dims = " + dims.length);
        }
        if (t.dim() < 2) {
            throw TorchException.runtime("expected total dims >= 2, but got total dims = " + t.dim());
        }
        int[] ds = wrapDims(dims, t.dim());
        return switch (Math.floorMod(k, 4)) {
            case 1 -> flip(t, new int[] {ds[1]}).transpose(ds[0], ds[1]);
            case 2 -> flip(t, ds);
            case 3 -> flip(t, new int[] {ds[0]}).transpose(ds[0], ds[1]);
            default -> t.clone();
        };
    }

    /** Keeps the lower (upper) triangle {@code j - i <= diagonal} ({@code >=}) of the last two dims. */
    public static Tensor triangle(Tensor t, int diagonal, boolean lower) {
        if (t.dim() < 2) {
            throw TorchException.runtime((lower ? "tril" : "triu") + ": input tensor must have at least 2 dimensions");
        }
        int rows = t.size(-2);
        int cols = t.size(-1);
        boolean[] keep = new boolean[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                keep[i * cols + j] = lower ? j - i <= diagonal : j - i >= diagonal;
            }
        }
        Tensor mask = Tensor.of(Storage.wrap(keep), rows, cols);
        return Recorded.op(lower ? "TrilBackward0" : "TriuBackward0", new Tensor[] {t}, null,
                () -> Pointwise.where(mask, t, Tensor.zeros(new int[0], t.dtype())),
                (g, s) -> new Tensor[] {triangle(g, diagonal, lower)});
    }

    /** Writes {@code values} along the diagonal {@code offset} of {@code (dim1, dim2)} of a new zero tensor. */
    public static Tensor diagEmbed(Tensor t, int offset, int dim1, int dim2) {
        int rank = t.dim() + 1;
        int d1 = Shapes.wrapDim(dim1, rank);
        int d2 = Shapes.wrapDim(dim2, rank);
        if (d1 == d2) {
            throw TorchException.runtime("diagonal dimensions cannot be identical " + dim1 + ", " + dim2);
        }
        int n = t.size(-1) + Math.abs(offset);
        int[] rest = Arrays.copyOf(t.shapeRef(), t.dim() - 1);
        int[] shape = new int[rank];
        int k = 0;
        for (int i = 0; i < rank; i++) {
            shape[i] = i == d1 || i == d2 ? n : rest[k++];
        }
        return Recorded.op("DiagEmbedBackward0", new Tensor[] {t}, null, () -> {
            Tensor out = Tensor.zeros(shape, t.dtype());
            Pointwise.copyData(Views.diagonal(out, offset, d1, d2), t);
            return out;
        }, (g, s) -> new Tensor[] {Views.diagonal(g, offset, d1, d2)});
    }

    /** {@code diag}: a 1-D tensor becomes a matrix with it on a diagonal; a matrix gives its diagonal. */
    public static Tensor diag(Tensor t, int diagonal) {
        if (t.dim() == 1) {
            return diagEmbed(t, diagonal, 0, 1);
        }
        if (t.dim() != 2) {
            throw TorchException.runtime("diag(): Supports 1D or 2D tensors. Got " + t.dim() + "D");
        }
        return Views.diagonal(t, diagonal, 0, 1).clone();
    }

    public static Tensor trace(Tensor t) {
        if (t.dim() != 2) {
            throw TorchException.runtime("trace: expected a matrix, but got tensor with dim " + t.dim());
        }
        int[] shape = t.shape();
        return Recorded.op("TraceBackward0", new Tensor[] {t}, null, () -> Views.diagonal(t, 0, 0, 1).sum(),
                (g, s) -> {
                    Tensor out = Tensor.zeros(shape, g.dtype());
                    Pointwise.copyData(Views.diagonal(out, 0, 0, 1), g);
                    return new Tensor[] {out};
                });
    }

    public static Tensor movedim(Tensor t, int[] source, int[] destination) {
        if (source.length != destination.length) {
            throw TorchException.runtime("movedim: Invalid source or destination dims: source (" + Arrays.toString(source)
                    + " dims) should contain the same number of dims as destination (" + Arrays.toString(destination)
                    + " dims)");
        }
        int rank = t.dim();
        int[] src = wrapDims(source, rank);
        int[] dst = wrapDims(destination, rank);
        int[] perm = new int[rank];
        Arrays.fill(perm, -1);
        boolean[] used = new boolean[rank];
        for (int i = 0; i < src.length; i++) {
            perm[dst[i]] = src[i];
            used[src[i]] = true;
        }
        int next = 0;
        for (int i = 0; i < rank; i++) {
            if (perm[i] < 0) {
                while (used[next]) {
                    next++;
                }
                perm[i] = next++;
            }
        }
        return t.permute(perm);
    }

    public static Tensor tile(Tensor t, int[] dims) {
        int rank = Math.max(dims.length, t.dim());
        int[] reps = new int[rank];
        Arrays.fill(reps, 1);
        System.arraycopy(dims, 0, reps, rank - dims.length, dims.length);
        return t.repeat(reps);
    }

    /** Each element (or slice along dim) repeated {@code repeats} times, or {@code repeats[i]} times. */
    public static Tensor repeatInterleave(Tensor t, Tensor repeats, Integer dim) {
        Tensor x = dim == null ? t.reshape(-1) : t;
        int d = dim == null ? 0 : Shapes.wrapDim(dim, Math.max(t.dim(), 1));
        int n = x.dim() == 0 ? 1 : x.shapeRef()[d];
        long[] counts = repeats.toLongArray();
        if (counts.length != 1 && counts.length != n) {
            throw TorchException.runtime("repeats must have the same size as input along dim, but got repeats.size(0) = "
                    + counts.length + " and input.size(" + d + ") = " + n);
        }
        List<Long> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long c = counts.length == 1 ? counts[0] : counts[i];
            if (c < 0) {
                throw TorchException.runtime("repeats can not be negative");
            }
            for (long j = 0; j < c; j++) {
                idx.add((long) i);
            }
        }
        return Gathers.indexSelect(x, d, longs(idx.stream().mapToLong(Long::longValue).toArray()));
    }

    /** Views split at the given positions along dim. */
    public static List<Tensor> splitAt(Tensor t, long[] points, int dim) {
        int d = Shapes.wrapDim(dim, t.dim());
        int size = t.shapeRef()[d];
        List<Tensor> out = new ArrayList<>();
        long start = 0;
        for (int i = 0; i <= points.length; i++) {
            long end = i < points.length ? points[i] : size;
            long s = Math.min(Math.max(start, 0), size);
            long e = Math.min(Math.max(end, s), size);
            out.add(t.narrow(d, (int) s, (int) (e - s)));
            start = end;
        }
        return out;
    }

    /** {@code tensor_split} by a number of sections (the first {@code size % sections} one longer). */
    public static List<Tensor> tensorSplit(Tensor t, int sections, int dim) {
        if (sections <= 0) {
            throw TorchException.runtime("number of sections must be larger than 0, got " + sections);
        }
        int size = t.shapeRef()[Shapes.wrapDim(dim, t.dim())];
        long[] points = new long[sections - 1];
        long at = 0;
        for (int i = 0; i < sections - 1; i++) {
            at += size / sections + (i < size % sections ? 1 : 0);
            points[i] = at;
        }
        return splitAt(t, points, dim);
    }

    public static List<Tensor> splitWithSizes(Tensor t, int[] sizes, int dim) {
        int d = Shapes.wrapDim(dim, t.dim());
        int total = Arrays.stream(sizes).sum();
        if (total != t.shapeRef()[d]) {
            throw TorchException.runtime("split_with_sizes expects split_sizes to sum exactly to " + t.shapeRef()[d]
                    + " (input tensor's size at dimension " + d + "), but got split_sizes=" + Arrays.toString(sizes));
        }
        List<Tensor> out = new ArrayList<>();
        int at = 0;
        for (int s : sizes) {
            out.add(t.narrow(d, at, s));
            at += s;
        }
        return out;
    }

    public static List<Tensor> unbind(Tensor t, int dim) {
        int d = Shapes.wrapDim(dim, t.dim());
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < t.shapeRef()[d]; i++) {
            out.add(t.select(d, i));
        }
        return out;
    }

    /** {@code atleast_1d/2d/3d}: a view with dims added as numpy adds them. */
    public static Tensor atLeast(Tensor t, int rank) {
        return switch (t.dim()) {
            case 0 -> t.reshape(rank == 1 ? new int[] {1} : rank == 2 ? new int[] {1, 1} : new int[] {1, 1, 1});
            case 1 -> rank == 1 ? t : rank == 2 ? t.unsqueeze(0) : t.unsqueeze(0).unsqueeze(2);
            case 2 -> rank == 3 ? t.unsqueeze(2) : t;
            default -> t;
        };
    }

    private static List<Tensor> atLeastAll(List<Tensor> tensors, int rank) {
        return tensors.stream().map(x -> atLeast(x, rank)).toList();
    }

    public static Tensor hstack(List<Tensor> tensors) {
        List<Tensor> ts = atLeastAll(tensors, 1);
        return Tensor.cat(ts, ts.get(0).dim() == 1 ? 0 : 1);
    }

    public static Tensor vstack(List<Tensor> tensors) {
        return Tensor.cat(atLeastAll(tensors, 2), 0);
    }

    public static Tensor dstack(List<Tensor> tensors) {
        return Tensor.cat(atLeastAll(tensors, 3), 2);
    }

    public static Tensor columnStack(List<Tensor> tensors) {
        return Tensor.cat(tensors.stream().map(x -> x.dim() <= 1 ? x.reshape(x.numel(), 1) : x).toList(), 1);
    }

    public static List<Tensor> meshgrid(List<Tensor> tensors, String indexing) {
        boolean xy = indexing.equals("xy");
        if (!xy && !indexing.equals("ij")) {
            throw TorchException.runtime("torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: "
                    + indexing);
        }
        int n = tensors.size();
        int[] shape = new int[n];
        for (int i = 0; i < n; i++) {
            if (tensors.get(i).dim() > 1) {
                throw TorchException.runtime("torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: "
                        + tensors.get(i));
            }
            shape[i] = tensors.get(i).numel();
        }
        if (xy && n >= 2) {
            int tmp = shape[0];
            shape[0] = shape[1];
            shape[1] = tmp;
        }
        List<Tensor> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int at = xy && n >= 2 && i < 2 ? 1 - i : i;
            int[] view = new int[n];
            Arrays.fill(view, 1);
            view[at] = shape[at];
            out.add(tensors.get(i).reshape(view).expand(shape));
        }
        return out;
    }

    public static Tensor cartesianProd(List<Tensor> tensors) {
        if (tensors.size() == 1) {
            return tensors.get(0);
        }
        List<Tensor> grids = meshgrid(tensors, "ij").stream().map(g -> g.flatten()).toList();
        return Tensor.stack(grids, 1);
    }

    public static Tensor combinations(Tensor t, int r, boolean withReplacement) {
        if (t.dim() != 1) {
            throw TorchException.runtime("Expect a 1D vector, but got shape " + Shapes.str(t.shapeRef()));
        }
        if (r < 0) {
            throw TorchException.runtime("Expect a non-negative number, but got " + r);
        }
        if (r == 0) {
            return Tensor.zeros(new int[] {0}, t.dtype());
        }
        List<long[]> combos = new ArrayList<>();
        collect(t.numel(), r, withReplacement, 0, new long[r], 0, combos);
        List<Tensor> columns = new ArrayList<>();
        for (int k = 0; k < r; k++) {
            long[] col = new long[combos.size()];
            for (int i = 0; i < col.length; i++) {
                col[i] = combos.get(i)[k];
            }
            columns.add(Gathers.indexSelect(t, 0, longs(col)));
        }
        return Tensor.stack(columns, 1);
    }

    private static void collect(int n, int r, boolean again, int from, long[] current, int depth, List<long[]> out) {
        if (depth == r) {
            out.add(current.clone());
            return;
        }
        for (int i = from; i < n; i++) {
            current[depth] = i;
            collect(n, r, again, again ? i : i + 1, current, depth + 1, out);
        }
    }

    public static Tensor blockDiag(List<Tensor> tensors) {
        int rows = 0;
        int cols = 0;
        DType type = DType.BOOL;
        List<Tensor> mats = new ArrayList<>();
        for (Tensor t : tensors) {
            if (t.dim() > 2) {
                throw TorchException.runtime("torch.block_diag: Input tensors must have 2 or fewer dimensions. Input "
                        + mats.size() + " has " + t.dim() + " dimensions");
            }
            Tensor m = t.dim() == 2 ? t : t.reshape(1, t.numel());
            mats.add(m);
            rows += m.size(0);
            cols += m.size(1);
            type = DType.promote(type, t.dtype());
        }
        List<Tensor> rowBlocks = new ArrayList<>();
        int left = 0;
        for (Tensor m : mats) {
            Tensor before = Tensor.zeros(new int[] {m.size(0), left}, type);
            Tensor after = Tensor.zeros(new int[] {m.size(0), cols - left - m.size(1)}, type);
            rowBlocks.add(Tensor.cat(List.of(before, m.to(type), after), 1));
            left += m.size(1);
        }
        return rowBlocks.isEmpty() ? Tensor.zeros(new int[] {rows, cols}, type) : Tensor.cat(rowBlocks, 0);
    }

    /** The n-th forward difference along dim, with optional values put before and after. */
    public static Tensor diff(Tensor t, int n, int dim, Tensor prepend, Tensor append) {
        if (t.dim() == 0) {
            throw TorchException.runtime("diff expects input to be at least one-dimensional");
        }
        int d = Shapes.wrapDim(dim, t.dim());
        Tensor x = t;
        if (prepend != null || append != null) {
            List<Tensor> parts = new ArrayList<>();
            if (prepend != null) {
                parts.add(prepend);
            }
            parts.add(t);
            if (append != null) {
                parts.add(append);
            }
            x = Tensor.cat(parts, d);
        }
        for (int i = 0; i < n && x.shapeRef()[d] > 0; i++) {
            int len = x.shapeRef()[d] - 1;
            x = x.dtype() == DType.BOOL ? BinaryMath.logicalXor(x.narrow(d, 1, len), x.narrow(d, 0, len))
                    : x.narrow(d, 1, len).sub(x.narrow(d, 0, len));
        }
        return x;
    }

    /** {@code tril_indices}/{@code triu_indices}: a 2 x N tensor of the triangle's coordinates. */
    public static Tensor triangleIndices(int rows, int cols, int offset, boolean lower, DType dtype) {
        List<long[]> at = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (lower ? j - i <= offset : j - i >= offset) {
                    at.add(new long[] {i, j});
                }
            }
        }
        long[] flat = new long[2 * at.size()];
        for (int k = 0; k < at.size(); k++) {
            flat[k] = at.get(k)[0];
            flat[at.size() + k] = at.get(k)[1];
        }
        Tensor out = Tensor.of(Storage.wrap(flat), 2, at.size());
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            return out.to(dtype);
        }
    }

    /** {@code Tensor.unfold}: windows of {@code size} every {@code step} along dim, as a new last dim. */
    public static Tensor unfold(Tensor t, int dim, int size, int step) {
        int d = Shapes.wrapDim(dim, Math.max(t.dim(), 1));
        int length = t.dim() == 0 ? 1 : t.shapeRef()[d];
        if (size > length) {
            throw TorchException.runtime("maximum size for tensor at dimension " + d + " is " + length + " but size is "
                    + size);
        }
        if (step <= 0) {
            throw TorchException.runtime("step is " + step + " but must be > 0");
        }
        List<Tensor> windows = new ArrayList<>();
        for (int start = 0; start + size <= length; start += step) {
            windows.add(t.narrow(d, start, size));
        }
        return movedim(Tensor.stack(windows, d), new int[] {d + 1}, new int[] {-1});
    }
}
