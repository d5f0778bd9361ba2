package org.torchglot.engine.api;

import java.util.ArrayList;
import java.util.List;
import org.torchglot.engine.ops.Contractions;
import org.torchglot.engine.ops.Gathers;
import org.torchglot.engine.ops.Rearrange;
import org.torchglot.engine.ops.Sorting;
import org.torchglot.engine.ops.Views;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * Shape, indexing, ordering and product ops of the table beyond {@link TensorOps}: flip, gather,
 * scatter, sort, topk, einsum, the stacks and splits.
 */
final class ShapeOps {
    private ShapeOps() {
    }

    static void registerAll(OpTable t) {
        rearranging(t);
        splitting(t);
        indexing(t);
        ordering(t);
        products(t);
        scattersIntoViews(t);
        more(t);
    }

    private static Object pair(Tensor[] r) {
        return new Object[] {r[0], r[1]};
    }

    private static void rearranging(OpTable t) {
        t.register("flip(Tensor self, dim[] dims)", "Reverses the order along dims.",
                a -> Rearrange.flip(a.tensor(0), a.ints(1)));
        t.register("fliplr(Tensor self)", "Reverses the columns (dim 1).", a -> {
            if (a.tensor(0).dim() < 2) {
                throw TorchException.runtime("Input must be >= 2-d.");
            }
            return Rearrange.flip(a.tensor(0), new int[] {1});
        });
        t.register("flipud(Tensor self)", "Reverses the rows (dim 0).", a -> {
            if (a.tensor(0).dim() < 1) {
                throw TorchException.runtime("Input must be >= 1-d.");
            }
            return Rearrange.flip(a.tensor(0), new int[] {0});
        });
        t.register("roll(Tensor self, int[] shifts, dim[] dims=[])", "Rotates elements along dims (the flattened tensor if none).",
                a -> Rearrange.roll(a.tensor(0), a.ints(1), a.ints(2)));
        t.register("rot90(Tensor self, int k=1, dim[] dims=[0, 1])", "Rotates by 90 degrees k times in the plane of dims.",
                a -> Rearrange.rot90(a.tensor(0), a.intValue(1), a.ints(2)));
        t.register("tril(Tensor self, int diagonal=0)", "The lower triangle; the rest zero.",
                a -> Rearrange.triangle(a.tensor(0), a.intValue(1), true));
        t.register("triu(Tensor self, int diagonal=0)", "The upper triangle; the rest zero.",
                a -> Rearrange.triangle(a.tensor(0), a.intValue(1), false));
        t.register("tril_indices(int row, int col, int offset=0, *, ScalarType? dtype=None, any device=None)",
                "Coordinates of the lower triangle, a 2 x N tensor.", a -> Rearrange.triangleIndices(a.intValue(0),
                        a.intValue(1), a.intValue(2), true, a.dtypeOr(3, DType.INT64)));
        t.register("triu_indices(int row, int col, int offset=0, *, ScalarType? dtype=None, any device=None)",
                "Coordinates of the upper triangle, a 2 x N tensor.", a -> Rearrange.triangleIndices(a.intValue(0),
                        a.intValue(1), a.intValue(2), false, a.dtypeOr(3, DType.INT64)));
        t.register("diag(Tensor self, int diagonal=0)", "A vector on a matrix's diagonal, or a matrix's diagonal.",
                a -> Rearrange.diag(a.tensor(0), a.intValue(1)));
        t.register("diagonal(Tensor self, int offset=0, dim dim1=0, dim dim2=1)", "A diagonal as a view.",
                a -> Views.diagonal(a.tensor(0), a.intValue(1), a.intValue(2), a.intValue(3)));
        t.register("diag_embed(Tensor self, int offset=0, dim dim1=-2, dim dim2=-1)",
                "Matrices with the last dim on their diagonal.",
                a -> Rearrange.diagEmbed(a.tensor(0), a.intValue(1), a.intValue(2), a.intValue(3)));
        t.register("diagflat(Tensor self, int offset=0)", "A matrix with the flattened input on a diagonal.",
                a -> Rearrange.diag(a.tensor(0).flatten(), a.intValue(1)));
        t.register("trace(Tensor self)", "Sum of a matrix's diagonal.", a -> Rearrange.trace(a.tensor(0)));
        t.register("movedim(Tensor self, dim[] source, dim[] destination)", "Moves dims to new positions.",
                a -> Rearrange.movedim(a.tensor(0), a.ints(1), a.ints(2)));
        t.alias("moveaxis", "movedim");
        t.alias("swapdims", "transpose");
        t.register("tile(Tensor self, int[] dims)", "Repeats the tensor, dims counted from the right.",
                a -> Rearrange.tile(a.tensor(0), a.ints(1)));
        t.register("repeat_interleave(Tensor self, TensorOrScalar repeats, dim? dim=None, *, int? output_size=None)",
                "Repeats each element (or slice along dim) repeats times.",
                a -> Rearrange.repeatInterleave(a.tensor(0), a.tensor(1), a.intOrNull(2)));
        t.register("broadcast_to(Tensor self, int[] size)", "Expands to a broadcast shape (no copy).",
                a -> a.tensor(0).expand(a.ints(1)));
        t.register("broadcast_tensors(Tensor... tensors) -> Tensor[]", "Expands tensors to their common shape.", a -> {
            List<Tensor> ts = a.tensors(0);
            int[] shape = new int[0];
            for (Tensor x : ts) {
                shape = Shapes.broadcast(shape, x.shapeRef());
            }
            int[] target = shape;
            return ts.stream().map(x -> x.expand(target)).toList();
        });
        t.register("broadcast_shapes(any... shapes) -> any", "The shape tensors of these shapes broadcast to.", a -> {
            int[] shape = new int[0];
            for (Object s : (List<?>) a.any(0)) {
                shape = Shapes.broadcast(shape, Conversions.toInts("broadcast_shapes", s));
            }
            return shape;
        });
        t.register("atleast_1d(any... tensors@self) -> any", "Views with at least 1 dim.", a -> atLeast(a, 1));
        t.register("atleast_2d(any... tensors@self) -> any", "Views with at least 2 dims.", a -> atLeast(a, 2));
        t.register("atleast_3d(any... tensors@self) -> any", "Views with at least 3 dims.", a -> atLeast(a, 3));
        t.register("ravel(Tensor self)", "The flattened tensor.", a -> a.tensor(0).reshape(-1));
        t.register("unflatten(Tensor self, dim dim, int[] sizes)", "Splits one dim into several.", a -> {
            Tensor x = a.tensor(0);
            int d = Shapes.wrapDim(a.intValue(1), x.dim());
            int[] sizes = Shapes.inferSize(a.ints(2), x.shapeRef()[d]);
            int[] shape = new int[x.dim() - 1 + sizes.length];
            System.arraycopy(x.shapeRef(), 0, shape, 0, d);
            System.arraycopy(sizes, 0, shape, d, sizes.length);
            System.arraycopy(x.shapeRef(), d + 1, shape, d + sizes.length, x.dim() - d - 1);
            return x.view(shape);
        });
        t.register("hstack(Tensor[] tensors)", "Concatenates column-wise (along dim 1, or 0 for vectors).",
                a -> Rearrange.hstack(a.tensors(0)));
        t.register("vstack(Tensor[] tensors)", "Concatenates row-wise, vectors as rows.", a -> Rearrange.vstack(a.tensors(0)));
        t.alias("row_stack", "vstack");
        t.register("dstack(Tensor[] tensors)", "Concatenates along dim 2.", a -> Rearrange.dstack(a.tensors(0)));
        t.register("column_stack(Tensor[] tensors)", "Stacks vectors as columns.", a -> Rearrange.columnStack(a.tensors(0)));
        t.alias("concatenate", "cat");
        t.register("block_diag(Tensor... tensors)", "A block diagonal matrix of the inputs.",
                a -> Rearrange.blockDiag(a.tensors(0)));
        t.register("meshgrid(Tensor... tensors, str? indexing=None) -> Tensor[]",
                "Coordinate grids from 1-D tensors ('ij' indexing unless 'xy').",
                a -> Rearrange.meshgrid(a.tensors(0), a.isNone(1) ? "ij" : a.string(1)));
        t.register("cartesian_prod(Tensor... tensors)", "All combinations of the inputs' elements, one per row.",
                a -> Rearrange.cartesianProd(a.tensors(0)));
        t.register("combinations(Tensor self, int r=2, bool with_replacement=False)",
                "The r-length combinations of a vector's elements, one per row.",
                a -> Rearrange.combinations(a.tensor(0), a.intValue(1), a.bool(2)));
        t.register("diff(Tensor self, int n=1, dim dim=-1, Tensor? prepend=None, Tensor? append=None)",
                "The n-th forward difference along a dim.", a -> Rearrange.diff(a.tensor(0), a.intValue(1),
                        a.intValue(2), a.isNone(3) ? null : a.tensor(3), a.isNone(4) ? null : a.tensor(4)));
    }

    private static Object atLeast(Args a, int rank) {
        List<?> items = (List<?>) a.any(0);
        if (items.size() == 1 && items.get(0) instanceof Tensor x) {
            return Rearrange.atLeast(x, rank);
        }
        List<?> tensors = items.size() == 1 && items.get(0) instanceof List<?> l ? l : items;
        List<Tensor> out = new ArrayList<>();
        for (Object o : tensors) {
            if (!(o instanceof Tensor x)) {
                throw TorchException.type("atleast_" + rank + "d(): expected Tensor, got " + Conversions.describe(o));
            }
            out.add(Rearrange.atLeast(x, rank));
        }
        return out;
    }

    private static void splitting(OpTable t) {
        t.register("tensor_split(Tensor self, any sections, dim dim=0) -> Tensor[]",
                "Views split into n near-equal sections or at the given positions.",
                a -> tensorSplit(a.tensor(0), a.any(1), a.intValue(2)));
        t.register("hsplit(Tensor self, any sections) -> Tensor[]", "tensor_split along dim 1 (0 for vectors).",
                a -> tensorSplit(a.tensor(0), a.any(1), a.tensor(0).dim() == 1 ? 0 : 1));
        t.register("vsplit(Tensor self, any sections) -> Tensor[]", "tensor_split along dim 0.",
                a -> tensorSplit(a.tensor(0), a.any(1), 0));
        t.register("dsplit(Tensor self, any sections) -> Tensor[]", "tensor_split along dim 2.",
                a -> tensorSplit(a.tensor(0), a.any(1), 2));
        t.register("split_with_sizes(Tensor self, int[] split_sizes, dim dim=0) -> Tensor[]", "Pieces of the given sizes.",
                a -> Rearrange.splitWithSizes(a.tensor(0), a.ints(1), a.intValue(2)));
        t.register("unbind(Tensor self, dim dim=0) -> Tensor[]", "The slices along a dim, that dim removed.",
                a -> Rearrange.unbind(a.tensor(0), a.intValue(1)));
    }

    private static List<Tensor> tensorSplit(Tensor x, Object spec, int dim) {
        if (spec instanceof Number n) {
            return Rearrange.tensorSplit(x, n.intValue(), dim);
        }
        if (spec instanceof Tensor s && s.dim() == 0) {
            return Rearrange.tensorSplit(x, (int) s.itemLong(), dim);
        }
        int[] points = Conversions.toInts("tensor_split", spec);
        return Rearrange.splitAt(x, java.util.Arrays.stream(points).asLongStream().toArray(), dim);
    }

    private static void indexing(OpTable t) {
        t.register("gather(Tensor self, dim dim, IndexTensor index, *, bool sparse_grad=False)",
                "Picks values along a dim: out[i][j] = self[index[i][j]][j] for dim 0.",
                a -> Gathers.gather(a.tensor(0), a.intValue(1), a.tensor(2)));
        t.register("take_along_dim(Tensor self, IndexTensor indices, dim? dim=None)",
                "gather with broadcasting (of the flattened tensor when dim is None).", a -> {
                    Tensor x = a.tensor(0);
                    Tensor idx = a.tensor(1);
                    if (a.isNone(2)) {
                        return Gathers.gather(x.reshape(-1), 0, idx.reshape(-1));
                    }
                    int d = Shapes.wrapDim(a.intValue(2), x.dim());
                    int[] xs = x.shape();
                    int[] is = idx.shape();
                    xs[d] = 1;
                    is[d] = 1;
                    int[] common = Shapes.broadcast(xs, is);
                    int[] xt = common.clone();
                    xt[d] = x.shapeRef()[d];
                    int[] it = common.clone();
                    it[d] = idx.shapeRef()[d];
                    return Gathers.gather(x.expand(xt), d, idx.expand(it));
                });
        t.register("scatter(Tensor self, dim dim, IndexTensor index, TensorOrScalar src, *, str? reduce=None)",
                "A copy with src's values written at index along a dim.",
                a -> Gathers.scatter(a.tensor(0), a.intValue(1), a.tensor(2), a.tensor(3), a.isNone(4) ? null : a.string(4)));
        t.register("scatter_add(Tensor self, dim dim, IndexTensor index, Tensor src)",
                "A copy with src's values added at index along a dim.",
                a -> Gathers.scatterAdd(a.tensor(0), a.intValue(1), a.tensor(2), a.tensor(3)));
        t.register("scatter_reduce(Tensor self, dim dim, IndexTensor index, Tensor src, str reduce, *, "
                + "bool include_self=True)", "A copy with src's values combined at index ('sum', 'prod', 'mean', "
                        + "'amax', 'amin').", a -> Gathers.scatterReduce(a.tensor(0), a.intValue(1), a.tensor(2),
                                a.tensor(3), a.string(4), a.bool(5)));
        t.register("index_select(Tensor self, dim dim, IndexTensor index)", "The slices at index along a dim.",
                a -> Gathers.indexSelect(a.tensor(0), a.intValue(1), a.tensor(2)));
        t.register("index_add(Tensor self, dim dim, IndexTensor index, Tensor source, *, Scalar alpha=1)",
                "A copy with alpha * source's slices added at index along a dim.",
                a -> Gathers.indexAdd(a.tensor(0), a.intValue(1), a.tensor(2), a.tensor(3), a.doubleValue(4)));
        t.register("index_copy(Tensor self, dim dim, IndexTensor index, Tensor source)",
                "A copy with source's slices written at index along a dim.",
                a -> Gathers.indexCopy(a.tensor(0), a.intValue(1), a.tensor(2), a.tensor(3)));
        t.register("index_fill(Tensor self, dim dim, IndexTensor index, TensorOrScalar value)",
                "A copy with the slices at index along a dim set to value.",
                a -> Gathers.indexFill(a.tensor(0), a.intValue(1), a.tensor(2), a.tensor(3)));
        t.register("take(Tensor self, IndexTensor index)", "Elements of the flattened tensor at index.",
                a -> Gathers.take(a.tensor(0), a.tensor(1)));
        t.register("masked_select(Tensor self, Tensor mask)", "The elements where mask holds, as a vector.",
                a -> Gathers.maskedSelect(a.tensor(0), a.tensor(1)));
        t.register("nonzero(Tensor self, *, bool as_tuple@as_list=False) -> IndexTensor",
                "Positions of non-zero elements: one row each, or one tensor per dim with as_tuple.",
                a -> a.bool(1) ? Gathers.nonzeroTuple(a.tensor(0)) : Gathers.nonzero(a.tensor(0)));
        t.register("argwhere(Tensor self) -> IndexTensor", "Positions of non-zero elements, one row each.",
                a -> Gathers.nonzero(a.tensor(0)));
    }

    private static void scattersIntoViews(OpTable t) {
        t.register("put(Tensor self, IndexTensor index, Tensor source, bool accumulate=False)",
                "A copy with source's values written (or added) at positions of the flattened tensor.",
                a -> Gathers.put(a.tensor(0), a.tensor(1), a.tensor(2), a.bool(3)));
        t.register("index_put(Tensor self, any indices, TensorOrScalar values, bool accumulate=False)",
                "A copy with values written (or added) at self[indices] (a tuple of index tensors).", a -> {
                    Tensor self = a.tensor(0);
                    List<?> items = a.any(1) instanceof List<?> l ? l : List.of(a.any(1));
                    org.torchglot.engine.tensor.Index[] index = new org.torchglot.engine.tensor.Index[items.size()];
                    for (int i = 0; i < index.length; i++) {
                        Object item = items.get(i);
                        index[i] = item == null ? org.torchglot.engine.tensor.Index.all()
                                : org.torchglot.engine.tensor.Index.select((Tensor) item);
                    }
                    Tensor at = Gathers.positions(self).index(index);
                    return Gathers.put(self, at, a.tensor(2).to(self.dtype()).expand(at.shapeRef()), a.bool(3));
                });
        t.register("masked_scatter(Tensor self, Tensor mask, Tensor source)",
                "A copy with source's values, in order, where mask holds.",
                a -> Gathers.maskedScatter(a.tensor(0), a.tensor(1), a.tensor(2)));
        t.register("diagonal_scatter(Tensor self, Tensor src, int offset=0, dim dim1=0, dim dim2=1)",
                "A copy with src written on a diagonal.", a -> intoView(a.tensor(0), a.tensor(1),
                        Views.diagonal(Gathers.positions(a.tensor(0)), a.intValue(2), a.intValue(3), a.intValue(4))));
        t.register("select_scatter(Tensor self, Tensor src, dim dim, index index)",
                "A copy with src written at one position along a dim.", a -> intoView(a.tensor(0), a.tensor(1),
                        Gathers.positions(a.tensor(0)).select(a.intValue(2), a.intValue(3))));
        t.register("slice_scatter(Tensor self, Tensor src, dim dim=0, int? start=None, int? end=None, int step=1)",
                "A copy with src written into a slice along a dim.", a -> intoView(a.tensor(0), a.tensor(1),
                        Views.slice(Gathers.positions(a.tensor(0)), a.intValue(2), a.isNone(3) ? 0 : a.longValue(3),
                                a.isNone(4) ? Long.MAX_VALUE : a.longValue(4), a.longValue(5))));
        t.register("index_reduce(Tensor self, dim dim, IndexTensor index, Tensor source, str reduce, *, "
                + "bool include_self=True)", "A copy with source's slices combined at index ('prod', 'mean', 'amax', "
                        + "'amin').", a -> Gathers.indexReduce(a.tensor(0), a.intValue(1), a.tensor(2), a.tensor(3),
                                a.string(4), a.bool(5)));
        t.register("fill_diagonal_(Tensor self, Scalar fill_value, bool wrap=False)",
                "Fills the main diagonal in place (past a tall matrix's square part too with wrap).", a -> {
                    Tensor self = a.tensor(0);
                    if (self.dim() < 2) {
                        throw TorchException.runtime("dimensions must larger than 1");
                    }
                    int n = self.shapeRef()[0];
                    for (int s : self.shapeRef()) {
                        if (self.dim() > 2 && s != n) {
                            throw TorchException.runtime("all dimensions of input must be of equal length");
                        }
                        n = Math.min(n, s);
                    }
                    int step = 0;
                    int[] strides = Shapes.contiguousStrides(self.shapeRef());
                    for (int s : strides) {
                        step += s;
                    }
                    int limit = a.bool(2) && self.dim() == 2 ? self.numel() : n * step - step + 1;
                    List<Long> at = new ArrayList<>();
                    for (long p = 0; p < limit; p += step) {
                        at.add(p);
                    }
                    long[] flat = at.stream().mapToLong(Long::longValue).toArray();
                    Tensor idx = Tensor.of(org.torchglot.engine.tensor.Storage.wrap(flat), flat.length);
                    Tensor values = Tensor.scalar(a.doubleValue(1)).to(self.dtype()).expand(flat.length);
                    return org.torchglot.engine.ops.Pointwise.inPlace(self, Gathers.put(self, idx, values, false));
                });
    }

    /** A copy of self with src written where a view of self's positions points. */
    private static Tensor intoView(Tensor self, Tensor src, Tensor positions) {
        if (!java.util.Arrays.equals(positions.shapeRef(), src.shapeRef())) {
            throw TorchException.runtime("expected src to have a size equal to the slice of self. src size = "
                    + Shapes.str(src.shapeRef()) + ", slice size = " + Shapes.str(positions.shapeRef()));
        }
        return Gathers.put(self, positions.contiguous(), src, false);
    }

    private static void ordering(OpTable t) {
        t.register("sort(Tensor self, dim dim=-1, bool descending=False, *, bool? stable=False) "
                + "-> (Tensor values, IndexTensor indices)", "Sorted values along a dim and their positions (stable).",
                a -> pair(Sorting.sort(a.tensor(0), a.intValue(1), a.bool(2))));
        t.register("argsort(Tensor self, dim dim=-1, bool descending=False, *, bool stable=False) -> IndexTensor",
                "The positions that sort a dim.", a -> Sorting.argsort(a.tensor(0), a.intValue(1), a.bool(2)));
        t.register("msort(Tensor self)", "Sorted along dim 0.", a -> Sorting.sort(a.tensor(0), 0, false)[0]);
        t.register("topk(Tensor self, int k, dim dim=-1, bool largest=True, bool sorted=True) "
                + "-> (Tensor values, IndexTensor indices)", "The k largest (or smallest) values along a dim and their positions.",
                a -> pair(Sorting.topk(a.tensor(0), a.intValue(1), a.intValue(2), a.bool(3))));
        t.register("unique(Tensor self, bool sorted=True, bool return_inverse=False, bool return_counts=False, "
                + "dim? dim=None) -> any", "The distinct values, sorted; with return_inverse and return_counts a tuple.",
                a -> {
                    if (!a.isNone(4)) {
                        throw TorchException.runtime("unique(dim=...) is not supported yet; call it without dim");
                    }
                    return uniqueResult(Sorting.unique(a.tensor(0)), a.bool(2), a.bool(3));
                });
        t.register("unique_consecutive(Tensor self, bool return_inverse=False, bool return_counts=False, "
                + "dim? dim=None) -> any", "Removes consecutive repeats; with return_inverse and return_counts a tuple.",
                a -> {
                    if (!a.isNone(3)) {
                        throw TorchException.runtime("unique_consecutive(dim=...) is not supported yet");
                    }
                    return uniqueResult(Sorting.uniqueConsecutive(a.tensor(0)), a.bool(1), a.bool(2));
                });
        t.register("bucketize(TensorOrScalar self, Tensor boundaries, *, bool out_int32=False, bool right=False) "
                + "-> IndexTensor", "The bucket of each value among sorted boundaries.",
                a -> Sorting.searchsorted(a.tensor(1), a.tensor(0), a.bool(3), false));
        t.register("searchsorted(Tensor sorted_sequence, TensorOrScalar input@self, *, bool out_int32=False, bool right=False, "
                + "str? side=None, Tensor? sorter=None) -> IndexTensor",
                "Where values would be inserted to keep each row of sorted_sequence sorted.", a -> {
                    Tensor seq = a.isNone(5) ? a.tensor(0) : Gathers.gather(a.tensor(0), -1, a.tensor(5));
                    boolean right = a.bool(3) || "right".equals(a.isNone(4) ? null : a.string(4));
                    return Sorting.searchsorted(seq, a.tensor(1), right, false);
                });
        t.register("histc(Tensor self, int bins=100, Scalar min=0, Scalar max=0)",
                "Counts in equal-width bins between min and max (the data's range when both are 0).",
                a -> Sorting.histc(a.tensor(0), a.intValue(1), a.doubleValue(2), a.doubleValue(3)));
        t.register("bincount(Tensor self, Tensor? weights=None, int minlength=0)",
                "How often each non-negative integer occurs (or the sum of its weights).",
                a -> Sorting.bincount(a.tensor(0), a.isNone(1) ? null : a.tensor(1), a.intValue(2)));
    }

    private static Object uniqueResult(Tensor[] r, boolean inverse, boolean counts) {
        if (!inverse && !counts) {
            return r[0];
        }
        List<Object> out = new ArrayList<>();
        out.add(r[0]);
        if (inverse) {
            out.add(r[1]);
        }
        if (counts) {
            out.add(r[2]);
        }
        return out;
    }

    private static void more(OpTable t) {
        t.register("unfold(Tensor self, dim dimension, int size, int step)",
                "Windows of size every step along a dim, as a new last dim.",
                a -> Rearrange.unfold(a.tensor(0), a.intValue(1), a.intValue(2), a.intValue(3)));
        t.register("vander(Tensor x, int? N=None, bool increasing=False)", "The Vandermonde matrix of a vector.", a -> {
            Tensor x = a.tensor(0);
            int n = a.isNone(1) ? x.numel() : a.intValue(1);
            List<Tensor> columns = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                int power = a.bool(2) ? k : n - 1 - k;
                columns.add(x.pow(Tensor.scalar((long) power)));
            }
            return n == 0 ? Tensor.zeros(new int[] {x.numel(), 0}, x.dtype()) : Tensor.stack(columns, 1);
        });
        t.register("chain_matmul(Tensor... matrices)", "The product of matrices, left to right.", a -> {
            List<Tensor> ms = a.tensors(0);
            Tensor out = ms.get(0);
            for (int i = 1; i < ms.size(); i++) {
                out = out.mm(ms.get(i));
            }
            return ms.size() == 1 ? out.clone() : out;
        });
        t.register("vdot(Tensor self, Tensor other)", "Dot product of 1-D tensors (no conjugation: real tensors).",
                a -> a.tensor(0).dot(a.tensor(1)));
        t.register("sum_to_size(Tensor self, int... size)", "Sums broadcast dims down to size.", a -> {
            int[] size = a.ints(1);
            int[] broadcast = Shapes.broadcast(a.tensor(0).shapeRef(), size);
            if (!java.util.Arrays.equals(broadcast, a.tensor(0).shapeRef())) {
                throw TorchException.runtime("size {" + java.util.Arrays.toString(size).replaceAll("[\\[\\]]", "")
                        + "} is not expandable to size {" + Shapes.str(a.tensor(0).shapeRef()) + "}.");
            }
            return a.tensor(0).sumTo(size);
        });
        t.alias("unsafe_chunk", "chunk");
        t.register("unsafe_split(Tensor self, int split_size, dim dim=0) -> Tensor[]", "split, for code that writes into "
                + "the pieces.", a -> a.tensor(0).split(a.intValue(1), a.intValue(2)));
        t.alias("unsafe_split_with_sizes", "split_with_sizes");
        t.register("new_empty(Tensor self, int... size, *, ScalarType? dtype=None, any device=None, "
                + "bool requires_grad=False)", "An uninitialised tensor (zeros here) with self's dtype.", a -> {
                    Tensor x = Tensor.zeros(a.ints(1), a.dtypeOr(2, a.tensor(0).dtype()));
                    return a.bool(4) ? x.requiresGrad_(true) : x;
                });
    }

    private static void products(OpTable t) {
        t.register("einsum(str equation, Tensor... tensors)", "Sums of products named by index letters ('ij,jk->ik').",
                a -> Contractions.einsum(a.string(0), a.tensors(1)));
        t.register("tensordot(Tensor a, Tensor b, any dims=2)",
                "Contracts the last dims of a with the first of b (or the listed dims).", a -> {
                    Tensor x = a.tensor(0);
                    Tensor y = a.tensor(1);
                    Object dims = a.any(2);
                    if (dims instanceof Number n) {
                        int k = n.intValue();
                        if (k < 0) {
                            throw TorchException.runtime("tensordot expects dims >= 0, but got dims=" + k);
                        }
                        int[] da = new int[k];
                        int[] db = new int[k];
                        for (int i = 0; i < k; i++) {
                            da[i] = x.dim() - k + i;
                            db[i] = i;
                        }
                        return Contractions.tensordot(x, y, da, db);
                    }
                    List<?> pairs = dims instanceof List<?> l ? l : List.of((Object[]) dims);
                    return Contractions.tensordot(x, y, Conversions.toInts("tensordot", pairs.get(0)),
                            Conversions.toInts("tensordot", pairs.get(1)));
                });
        t.register("kron(Tensor self, Tensor other)", "The Kronecker product.", a -> Contractions.kron(a.tensor(0), a.tensor(1)));
        t.register("inner(Tensor self, Tensor other)", "Dot products over the last dims.",
                a -> Contractions.inner(a.tensor(0), a.tensor(1)));
        t.register("cdist(Tensor x1, Tensor x2, float p=2.0, str compute_mode='use_mm_for_euclid_dist_if_necessary')",
                "p-norm distances between each row of x1 and each row of x2.",
                a -> Contractions.cdist(a.tensor(0), a.tensor(1), a.doubleValue(2)));
        t.alias("ger", "outer");
        t.register("addmv(Tensor self, Tensor mat, Tensor vec, *, Scalar beta=1, Scalar alpha=1)",
                "beta * self + alpha * (mat @ vec).", a -> Contractions.addmv(a.tensor(0), a.tensor(1), a.tensor(2),
                        a.doubleValue(3), a.doubleValue(4)));
        t.register("addr(Tensor self, Tensor vec1, Tensor vec2, *, Scalar beta=1, Scalar alpha=1)",
                "beta * self + alpha * outer(vec1, vec2).", a -> Contractions.addr(a.tensor(0), a.tensor(1), a.tensor(2),
                        a.doubleValue(3), a.doubleValue(4)));
        t.register("baddbmm(Tensor self, Tensor batch1, Tensor batch2, *, Scalar beta=1, Scalar alpha=1)",
                "beta * self + alpha * bmm(batch1, batch2).", a -> Contractions.baddbmm(a.tensor(0), a.tensor(1),
                        a.tensor(2), a.doubleValue(3), a.doubleValue(4)));
        t.register("addbmm(Tensor self, Tensor batch1, Tensor batch2, *, Scalar beta=1, Scalar alpha=1)",
                "beta * self + alpha * sum of bmm(batch1, batch2).", a -> Contractions.addbmm(a.tensor(0), a.tensor(1),
                        a.tensor(2), a.doubleValue(3), a.doubleValue(4)));
    }
}
