package org.torchglot.engine.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Shape ops. Most return views that share storage; each records how to route gradients back. */
public final class Views {
    private Views() {
    }

    private static Tensor alias(Tensor t, int[] shape, int[] strides, int offset) {
        return t.alias(shape, strides, offset);
    }

    private static Tensor record(Tensor out, String name, Tensor input, FunctionNode.Formula formula) {
        if (Tensor.needsGrad(input)) {
            out.withGradFn(new FunctionNode(name, new Tensor[] {input}, null, formula));
        }
        return out;
    }

    /**
     * Routes a gradient back through an indexing view: zeros of the input's shape with the same
     * view of them receiving {@code grad}.
     */
    static Tensor scatterThroughView(Tensor grad, int[] inputShape, UnaryOperator<Tensor> sameView) {
        Tensor base = Tensor.zeros(inputShape, grad.dtype());
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Pointwise.copyData(sameView.apply(base), grad);
        }
        return base;
    }

    // ---- view and reshape ---------------------------------------------------------------------

    public static Tensor view(Tensor t, int[] requested) {
        return viewNamed(t, requested, "ViewBackward0");
    }

    private static Tensor viewNamed(Tensor t, int[] requested, String backwardName) {
        int[] shape = Shapes.inferSize(requested, t.numel());
        int[] strides = viewStrides(t.shapeRef(), t.stridesRef(), shape);
        if (strides == null) {
            throw TorchException.runtime("view size is not compatible with input tensor's size and stride (at least one "
                    + "dimension spans across two contiguous subspaces). Use .reshape(...) instead.");
        }
        int[] inputShape = t.shape();
        return record(alias(t, shape, strides, t.storageOffset()), backwardName, t,
                (g, s) -> new Tensor[] {g.reshape(inputShape)});
    }

    /** A view when the layout allows one (PyTorch's {@code _reshape_alias}), else a copy. */
    public static Tensor reshape(Tensor t, int[] requested) {
        int[] shape = Shapes.inferSize(requested, t.numel());
        if (viewStrides(t.shapeRef(), t.stridesRef(), shape) != null) {
            return viewNamed(t, shape, "ReshapeAliasBackward0");
        }
        Tensor copy = t.contiguousCopy();
        int[] inputShape = t.shape();
        return record(alias(copy, shape, Shapes.contiguousStrides(shape), 0), "UnsafeViewBackward0", t,
                (g, s) -> new Tensor[] {g.reshape(inputShape)});
    }

    /**
     * Strides that view {@code oldShape}/{@code oldStrides} data as {@code newShape}, or null when
     * the data is not laid out compatibly (PyTorch's {@code computeStride}).
     */
    static int[] viewStrides(int[] oldShape, int[] oldStrides, int[] newShape) {
        int[] newStrides = new int[newShape.length];
        if (Shapes.numel(oldShape) == 0 || oldShape.length == 0) {
            return Shapes.contiguousStrides(newShape);
        }
        int viewD = newShape.length - 1;
        long chunkBase = oldStrides[oldStrides.length - 1];
        long tensorNumel = 1;
        long viewNumel = 1;
        for (int d = oldShape.length - 1; d >= 0; d--) {
            tensorNumel *= oldShape[d];
            if (d == 0 || (oldShape[d - 1] != 1 && oldStrides[d - 1] != tensorNumel * chunkBase)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    newStrides[viewD] = (int) (viewNumel * chunkBase);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) {
                    return null;
                }
                if (d > 0) {
                    chunkBase = oldStrides[d - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD == -1 ? newStrides : null;
    }

    public static Tensor flatten(Tensor t, int startDim, int endDim) {
        if (t.dim() == 0) {
            return reshape(t, new int[] {1});
        }
        int start = Shapes.wrapDim(startDim, t.dim());
        int end = Shapes.wrapDim(endDim, t.dim());
        if (start > end) {
            throw TorchException.runtime("flatten() has invalid args: start_dim cannot come after end_dim");
        }
        if (start == end) {
            return t;
        }
        int[] shape = t.shapeRef();
        int[] out = new int[shape.length - (end - start)];
        int k = 0;
        for (int i = 0; i < start; i++) {
            out[k++] = shape[i];
        }
        int merged = 1;
        for (int i = start; i <= end; i++) {
            merged *= shape[i];
        }
        out[k++] = merged;
        for (int i = end + 1; i < shape.length; i++) {
            out[k++] = shape[i];
        }
        return reshape(t, out);
    }

    // ---- dim reordering -----------------------------------------------------------------------

    public static Tensor transpose(Tensor t, int dim0, int dim1) {
        int rank = t.dim();
        int d0 = Shapes.wrapDim(dim0, rank);
        int d1 = Shapes.wrapDim(dim1, rank);
        if (rank == 0) {
            return record(alias(t, t.shapeRef(), t.stridesRef(), t.storageOffset()), "TransposeBackward0", t,
                    (g, s) -> new Tensor[] {g});
        }
        int[] shape = t.shape();
        int[] strides = t.strides();
        swap(shape, d0, d1);
        swap(strides, d0, d1);
        return record(alias(t, shape, strides, t.storageOffset()), "TransposeBackward0", t,
                (g, s) -> new Tensor[] {g.transpose(d0, d1)});
    }

    public static Tensor t(Tensor t) {
        if (t.dim() > 2) {
            throw TorchException.runtime("t() expects a tensor with <= 2 dimensions, but self is " + t.dim() + "D");
        }
        if (t.dim() < 2) {
            return record(alias(t, t.shapeRef(), t.stridesRef(), t.storageOffset()), "TBackward0", t,
                    (g, s) -> new Tensor[] {g});
        }
        int[] shape = {t.shapeRef()[1], t.shapeRef()[0]};
        int[] strides = {t.stridesRef()[1], t.stridesRef()[0]};
        return record(alias(t, shape, strides, t.storageOffset()), "TBackward0", t, (g, s) -> new Tensor[] {g.t()});
    }

    private static void swap(int[] a, int i, int j) {
        int x = a[i];
        a[i] = a[j];
        a[j] = x;
    }

    public static Tensor permute(Tensor t, int[] dims) {
        int rank = t.dim();
        if (dims.length != rank) {
            throw TorchException.runtime("permute(sparse_coo): number of dimensions in the tensor input does not match "
                    + "the length of the desired ordering of dimensions i.e. input.dim() = " + rank
                    + " is not equal to len(dims) = " + dims.length);
        }
        int[] shape = new int[rank];
        int[] strides = new int[rank];
        int[] inverse = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            int d = Shapes.wrapDim(dims[i], rank);
            if (seen[d]) {
                throw TorchException.runtime("permute(): duplicate dims are not allowed.");
            }
            seen[d] = true;
            shape[i] = t.shapeRef()[d];
            strides[i] = t.stridesRef()[d];
            inverse[d] = i;
        }
        return record(alias(t, shape, strides, t.storageOffset()), "PermuteBackward0", t,
                (g, s) -> new Tensor[] {g.permute(inverse)});
    }

    // ---- size-1 dims and broadcasting ---------------------------------------------------------

    public static Tensor squeeze(Tensor t) {
        int[] shape = t.shapeRef();
        int keep = 0;
        for (int s : shape) {
            if (s != 1) {
                keep++;
            }
        }
        int[] outShape = new int[keep];
        int[] outStrides = new int[keep];
        int k = 0;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] != 1) {
                outShape[k] = shape[i];
                outStrides[k++] = t.stridesRef()[i];
            }
        }
        int[] inputShape = t.shape();
        return record(alias(t, outShape, outStrides, t.storageOffset()), "SqueezeBackward0", t,
                (g, s) -> new Tensor[] {g.reshape(inputShape)});
    }

    public static Tensor squeeze(Tensor t, int dim) {
        int d = Shapes.wrapDim(dim, t.dim());
        if (t.dim() == 0 || t.shapeRef()[d] != 1) {
            return record(alias(t, t.shapeRef(), t.stridesRef(), t.storageOffset()), "SqueezeBackward1", t,
                    (g, s) -> new Tensor[] {g});
        }
        return record(alias(t, Shapes.remove(t.shapeRef(), d), Shapes.remove(t.stridesRef(), d), t.storageOffset()),
                "SqueezeBackward1", t, (g, s) -> new Tensor[] {g.unsqueeze(d)});
    }

    public static Tensor unsqueeze(Tensor t, int dim) {
        int d = Shapes.wrapDim(dim, t.dim() + 1);
        int stride = d < t.dim() ? t.stridesRef()[d] * t.shapeRef()[d] : 1;
        return record(alias(t, Shapes.insert(t.shapeRef(), d, 1), Shapes.insert(t.stridesRef(), d, stride),
                t.storageOffset()), "UnsqueezeBackward0", t, (g, s) -> new Tensor[] {g.squeeze(d)});
    }

    public static Tensor expand(Tensor t, int[] sizes) {
        int[] shape = t.shapeRef();
        if (sizes.length < shape.length) {
            throw TorchException.runtime("expand(" + t.dtype().typeName() + "{" + Shapes.str(shape) + "}, size=" + Shapes.str(sizes)
                    + "): the number of sizes provided (" + sizes.length + ") must be greater or equal to the number "
                    + "of dimensions in the tensor (" + shape.length + ")");
        }
        int shift = sizes.length - shape.length;
        int[] outShape = new int[sizes.length];
        int[] outStrides = new int[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            int j = i - shift;
            if (j < 0) {
                if (sizes[i] < 0) {
                    throw TorchException.runtime("The expanded size of the tensor (-1) isn't allowed in a leading, "
                            + "non-existing dimension " + i);
                }
                outShape[i] = sizes[i];
                outStrides[i] = 0;
            } else if (sizes[i] == -1 || sizes[i] == shape[j]) {
                outShape[i] = shape[j];
                outStrides[i] = t.stridesRef()[j];
            } else if (shape[j] == 1) {
                outShape[i] = sizes[i];
                outStrides[i] = 0;
            } else {
                throw TorchException.runtime("The expanded size of the tensor (" + sizes[i] + ") must match the existing "
                        + "size (" + shape[j] + ") at non-singleton dimension " + i + ".  Target sizes: "
                        + Shapes.str(sizes) + ".  Tensor sizes: " + Shapes.str(shape));
            }
        }
        int[] inputShape = t.shape();
        return record(alias(t, outShape, outStrides, t.storageOffset()), "ExpandBackward0", t,
                (g, s) -> new Tensor[] {g.sumTo(inputShape)});
    }

    // ---- selecting ----------------------------------------------------------------------------

    public static Tensor select(Tensor t, int dim, int index) {
        if (t.dim() == 0) {
            throw TorchException.index("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                    + "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
        }
        int d = Shapes.wrapDim(dim, t.dim());
        int size = t.shapeRef()[d];
        if (index < -size || index >= size) {
            throw TorchException.index("index " + index + " is out of bounds for dimension " + d + " with size " + size);
        }
        int i = index < 0 ? index + size : index;
        Tensor out = alias(t, Shapes.remove(t.shapeRef(), d), Shapes.remove(t.stridesRef(), d),
                t.storageOffset() + i * t.stridesRef()[d]);
        int[] inputShape = t.shape();
        return record(out, "SelectBackward0", t,
                (g, s) -> new Tensor[] {scatterThroughView(g, inputShape, base -> select(base, d, i))});
    }

    /** {@code start:stop:step} along one dim, bounds already clamped by the caller or here. */
    public static Tensor slice(Tensor t, int dim, long start, long stop, long step) {
        int d = Shapes.wrapDim(dim, t.dim());
        if (step <= 0) {
            throw TorchException.value("step must be greater than zero");
        }
        int size = t.shapeRef()[d];
        long s0 = clampBound(start, size);
        long s1 = clampBound(stop, size);
        int length = s1 > s0 ? (int) ((s1 - s0 + step - 1) / step) : 0;
        int[] shape = t.shape();
        int[] strides = t.strides();
        shape[d] = length;
        int offset = t.storageOffset() + (int) s0 * strides[d];
        strides[d] = (int) (strides[d] * step);
        int[] inputShape = t.shape();
        int first = (int) s0;
        return record(alias(t, shape, strides, offset), "SliceBackward0", t,
                (g, s) -> new Tensor[] {scatterThroughView(g, inputShape, base -> slice(base, d, first, s1, step))});
    }

    private static long clampBound(long bound, int size) {
        long b = bound < 0 ? bound + size : bound;
        return Math.max(0, Math.min(b, size));
    }

    // ---- copies -------------------------------------------------------------------------------

    public static Tensor cloneOp(Tensor t) {
        return record(t.contiguousCopy(), "CloneBackward0", t, (g, s) -> new Tensor[] {g});
    }

    public static Tensor cat(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw TorchException.runtime("torch.cat(): expected a non-empty list of Tensors");
        }
        // NOTE: PyTorch still skips legacy 1-D empty tensors in cat.
        List<Tensor> parts = new ArrayList<>();
        for (Tensor t : tensors) {
            if (!(t.dim() == 1 && t.numel() == 0)) {
                parts.add(t);
            }
        }
        if (parts.isEmpty()) {
            return tensors.get(0).contiguousCopy();
        }
        Tensor first = parts.get(0);
        if (first.dim() == 0) {
            throw TorchException.runtime("zero-dimensional tensor (at position 0) cannot be concatenated");
        }
        int d = Shapes.wrapDim(dim, first.dim());
        int[] shape = first.shape();
        int total = 0;
        org.torchglot.engine.tensor.DType type = first.dtype();
        for (int k = 0; k < parts.size(); k++) {
            Tensor t = parts.get(k);
            if (t.dim() != shape.length) {
                throw TorchException.runtime("Tensors must have same number of dimensions: got " + shape.length + " and "
                        + t.dim());
            }
            for (int i = 0; i < shape.length; i++) {
                if (i != d && t.shapeRef()[i] != shape[i]) {
                    throw TorchException.runtime("Sizes of tensors must match except in dimension " + d + ". Expected size "
                            + shape[i] + " but got size " + t.shapeRef()[i] + " for tensor number " + k + " in the list.");
                }
            }
            total += t.shapeRef()[d];
            type = TensorIterator.resultType(Tensor.zeros(new int[] {1}, type), t);
        }
        shape[d] = total;
        Tensor out = Tensor.zeros(shape, type);
        int at = 0;
        int[] sizes = new int[parts.size()];
        for (int k = 0; k < parts.size(); k++) {
            Tensor t = parts.get(k);
            sizes[k] = t.shapeRef()[d];
            Pointwise.copyData(slice(out.detach(), d, at, at + sizes[k], 1), t);
            at += sizes[k];
        }
        if (Tensor.needsGrad(parts.toArray(new Tensor[0]))) {
            out.withGradFn(new FunctionNode("CatBackward0", parts.toArray(new Tensor[0]), null, (g, s) -> {
                Tensor[] grads = new Tensor[sizes.length];
                int from = 0;
                for (int k = 0; k < sizes.length; k++) {
                    grads[k] = slice(g, d, from, from + sizes[k], 1);
                    from += sizes[k];
                }
                return grads;
            }));
        }
        return out;
    }

    public static Tensor stack(List<Tensor> tensors, int dim) {
        if (tensors.isEmpty()) {
            throw TorchException.runtime("stack expects a non-empty TensorList");
        }
        int[] shape = tensors.get(0).shapeRef();
        int d = Shapes.wrapDim(dim, shape.length + 1);
        List<Tensor> expanded = new ArrayList<>();
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            for (int k = 0; k < tensors.size(); k++) {
                Tensor t = tensors.get(k);
                if (!Arrays.equals(t.shapeRef(), shape)) {
                    throw TorchException.runtime("stack expects each tensor to be equal size, but got " + Shapes.str(shape)
                            + " at entry 0 and " + Shapes.str(t.shapeRef()) + " at entry " + k);
                }
                expanded.add(unsqueeze(t, d));
            }
        }
        Tensor out = cat(expanded, d).detach();
        Tensor[] inputs = tensors.toArray(new Tensor[0]);
        if (Tensor.needsGrad(inputs)) {
            out.withGradFn(new FunctionNode("StackBackward0", inputs, null, (g, s) -> {
                Tensor[] grads = new Tensor[inputs.length];
                for (int k = 0; k < inputs.length; k++) {
                    grads[k] = select(g, d, k);
                }
                return grads;
            }));
        }
        return out;
    }

    public static List<Tensor> split(Tensor t, int splitSize, int dim) {
        int d = Shapes.wrapDim(dim, t.dim());
        int size = t.shapeRef()[d];
        // NOTE: without these checks a size of 0 or less never ends the loop below (PyTorch's messages).
        if (splitSize < 0) {
            throw TorchException.runtime("split expects split_size be non-negative, but got split_size=" + splitSize);
        }
        if (splitSize == 0 && size != 0) {
            throw TorchException.runtime("split_size can only be 0 if dimension size is 0, but got dimension size of " + size);
        }
        List<Tensor> out = new ArrayList<>();
        for (int start = 0; start < size; start += splitSize) {
            out.add(slice(t, d, start, Math.min(start + splitSize, size), 1));
        }
        return out;
    }

    public static List<Tensor> chunk(Tensor t, int chunks, int dim) {
        int size = t.size(dim);
        return split(t, Math.max(1, (size + chunks - 1) / chunks), dim);
    }

    public static Tensor repeat(Tensor t, int[] repeats) {
        if (repeats.length < t.dim()) {
            throw TorchException.runtime("Number of dimensions of repeat dims can not be smaller than number of "
                    + "dimensions of tensor");
        }
        int rank = repeats.length;
        int[] padded = new int[rank];
        Arrays.fill(padded, 1);
        System.arraycopy(t.shapeRef(), 0, padded, rank - t.dim(), t.dim());
        // Tile by expanding a (r0, s0, r1, s1, ...) view of the input and collapsing pairs.
        int[] interleaved = new int[2 * rank];
        int[] expandTo = new int[2 * rank];
        int[] outShape = new int[rank];
        for (int i = 0; i < rank; i++) {
            interleaved[2 * i] = 1;
            interleaved[2 * i + 1] = padded[i];
            expandTo[2 * i] = repeats[i];
            expandTo[2 * i + 1] = padded[i];
            outShape[i] = repeats[i] * padded[i];
        }
        Tensor out;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            out = expand(t.contiguous().reshape(interleaved), expandTo).contiguousCopy().reshape(outShape).detach();
        }
        int[] inputShape = t.shape();
        return record(out, "RepeatBackward0", t, (g, s) -> {
            int[] sumDims = new int[rank];
            for (int i = 0; i < rank; i++) {
                sumDims[i] = 2 * i;
            }
            return new Tensor[] {g.reshape(expandTo).sum(sumDims, false).reshape(inputShape)};
        });
    }

    /**
     * The diagonal with {@code offset} of the plane {@code (dim1, dim2)} as a view: both dims removed
     * and the diagonal appended as the last dim.
     */
    public static Tensor diagonal(Tensor t, int offset, int dim1, int dim2) {
        int d1 = Shapes.wrapDim(dim1, t.dim());
        int d2 = Shapes.wrapDim(dim2, t.dim());
        if (d1 == d2) {
            throw TorchException.runtime("diagonal dimensions cannot be identical " + dim1 + ", " + dim2);
        }
        int[] shape = t.shapeRef();
        int[] strides = t.stridesRef();
        int length = offset >= 0 ? Math.max(0, Math.min(shape[d1], shape[d2] - offset))
                : Math.max(0, Math.min(shape[d1] + offset, shape[d2]));
        int start = t.storageOffset() + (length == 0 ? 0 : offset >= 0 ? offset * strides[d2] : -offset * strides[d1]);
        int[] outShape = new int[shape.length - 1];
        int[] outStrides = new int[shape.length - 1];
        int k = 0;
        for (int i = 0; i < shape.length; i++) {
            if (i != d1 && i != d2) {
                outShape[k] = shape[i];
                outStrides[k++] = strides[i];
            }
        }
        outShape[k] = length;
        outStrides[k] = strides[d1] + strides[d2];
        int[] inputShape = t.shape();
        return record(alias(t, outShape, outStrides, start), "DiagonalBackward0", t,
                (g, s) -> new Tensor[] {scatterThroughView(g, inputShape, base -> diagonal(base, offset, d1, d2))});
    }
}
