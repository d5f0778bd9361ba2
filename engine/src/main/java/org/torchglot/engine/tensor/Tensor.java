package org.torchglot.engine.tensor;

import java.util.List;
import java.util.function.Function;
import org.torchglot.engine.autograd.AccumulateGrad;
import org.torchglot.engine.autograd.Backward;
import org.torchglot.engine.autograd.GradHook;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.autograd.Node;
import org.torchglot.engine.format.LibtorchFormatter;
import org.torchglot.engine.format.PyTorchFormatter;
import org.torchglot.engine.kernels.Elementwise;
import org.torchglot.engine.ops.Indexing;
import org.torchglot.engine.ops.LinearAlgebra;
import org.torchglot.engine.ops.Pointwise;
import org.torchglot.engine.ops.Reductions;
import org.torchglot.engine.ops.Views;

/**
 * An n-dimensional strided array with autograd, PyTorch's {@code torch.Tensor}. Views share a
 * {@link Storage}; method names follow PyTorch's in camelCase, a trailing underscore marks an
 * in-place op ({@code add_}). Dims may be negative and count from the end.
 */
public class Tensor {
    private final Storage storage;
    // NOTE: not final: the in-place view ops (t_, unsqueeze_...) give a tensor a new geometry.
    private int[] shape;
    private int[] strides;
    private int offset;
    /** A Python/R number wrapped as a 0-dim tensor: weaker in type promotion, as in PyTorch. */
    private final boolean wrappedNumber;

    /** PyTorch's version counter: in-place writes bump it; a tensor, its views and detach() share it. */
    private final int[] version;

    private boolean requiresGrad;
    private Tensor grad;
    private Node gradFn;
    private AccumulateGrad accumulator;

    public Tensor(Storage storage, int[] shape, int[] strides, int offset) {
        this(storage, shape, strides, offset, false);
    }

    private Tensor(Storage storage, int[] shape, int[] strides, int offset, boolean wrappedNumber) {
        this(storage, shape, strides, offset, wrappedNumber, new int[1]);
    }

    private Tensor(Storage storage, int[] shape, int[] strides, int offset, boolean wrappedNumber, int[] version) {
        this.version = version;
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.wrappedNumber = wrappedNumber;
    }

    /** Shares another tensor's data and autograd identity-free view (used by {@code Parameter}). */
    protected Tensor(Tensor data) {
        this(data.storage, data.shape, data.strides, data.offset, false);
    }

    /** A new contiguous tensor of the given shape, filled with zeros. */
    public static Tensor zeros(int[] shape, DType dtype) {
        return new Tensor(Storage.allocate(dtype, shape), shape.clone(), Shapes.contiguousStrides(shape), 0);
    }

    /** Wraps row-major data with no copy. */
    public static Tensor of(Storage storage, int... shape) {
        if (storage.size() != Shapes.numel(shape)) {
            throw TorchException.runtime("storage of " + storage.size() + " elements cannot hold shape " + Shapes.str(shape));
        }
        return new Tensor(storage, shape.clone(), Shapes.contiguousStrides(shape), 0);
    }

    /** A Python float as an operand: float64 by value, float32 when promoted against tensors. */
    public static Tensor scalar(double value) {
        return new Tensor(Storage.wrap(new double[] {value}), new int[0], new int[0], 0, true);
    }

    /** A Python int as an operand. */
    public static Tensor scalar(long value) {
        return new Tensor(Storage.wrap(new long[] {value}), new int[0], new int[0], 0, true);
    }

    /** A Python bool as an operand. */
    public static Tensor scalar(boolean value) {
        return new Tensor(Storage.wrap(new boolean[] {value}), new int[0], new int[0], 0, true);
    }

    public static Tensor onesLike(Tensor t) {
        Tensor out = zeros(t.shape, t.dtype());
        out.fillNoGrad(1.0);
        return out;
    }

    // ---- metadata ---------------------------------------------------------------------------

    public Storage storage() {
        return storage;
    }

    public int[] shape() {
        return shape.clone();
    }

    /** The shape array itself, for engine code that promises not to modify it. */
    public int[] shapeRef() {
        return shape;
    }

    public int[] strides() {
        return strides.clone();
    }

    public int[] stridesRef() {
        return strides;
    }

    public int storageOffset() {
        return offset;
    }

    public int size(int dim) {
        return shape[Shapes.wrapDim(dim, shape.length)];
    }

    public int dim() {
        return shape.length;
    }

    public int numel() {
        return Shapes.numel(shape);
    }

    public DType dtype() {
        return storage.dtype();
    }

    public boolean isWrappedNumber() {
        return wrappedNumber;
    }

    public boolean isContiguous() {
        return Shapes.isContiguous(shape, strides);
    }

    public boolean isFloatingPoint() {
        return dtype().isFloatingPoint();
    }

    // ---- autograd -----------------------------------------------------------------------------

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** PyTorch's {@code requires_grad_}: only leaves may change it, and only float tensors get grads. */
    public Tensor requiresGrad_(boolean value) {
        if (gradFn != null && !value) {
            throw TorchException.runtime("you can only change requires_grad flags of leaf variables. If you want to use "
                    + "a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().");
        }
        if (value && !isFloatingPoint()) {
            throw TorchException.runtime("only Tensors of floating point dtype can require gradients");
        }
        requiresGrad = value;
        return this;
    }

    public Tensor grad() {
        return grad;
    }

    public void setGrad(Tensor grad) {
        if (grad != null && !java.util.Arrays.equals(grad.shape, shape)) {
            throw TorchException.runtime("assigned grad has data of a different size");
        }
        this.grad = grad;
    }

    public Node gradFn() {
        return gradFn;
    }

    public boolean isLeaf() {
        return gradFn == null;
    }

    /** The AccumulateGrad node of a leaf that requires grad (one per leaf, made on first use). */
    public AccumulateGrad gradAccumulator() {
        if (gradFn != null || !requiresGrad) {
            return null;
        }
        if (accumulator == null) {
            accumulator = new AccumulateGrad(this);
        }
        return accumulator;
    }

    /**
     * Makes this tensor the output of {@code node} when grad mode is on and an input requires grad;
     * ops call it on the tensors they return.
     */
    public Tensor withGradFn(Node node) {
        this.gradFn = node;
        this.requiresGrad = true;
        return this;
    }

    /** True when an op over these inputs must record a node. */
    public static boolean needsGrad(Tensor... inputs) {
        if (!GradMode.isEnabled()) {
            return false;
        }
        for (Tensor t : inputs) {
            if (t != null && t.requiresGrad) {
                return true;
            }
        }
        return false;
    }

    public void retainGrad() {
        if (!requiresGrad) {
            throw TorchException.runtime("can't retain_grad on Tensor that has requires_grad=False");
        }
        if (gradFn != null) {
            gradFn.retainOutput(this);
        }
    }

    /**
     * {@code register_hook}: {@code hook} sees this tensor's gradient in every backward pass and may replace it
     * (at a leaf, before it reaches {@code .grad}); {@code name} is what errors call it.
     */
    public GradHook.Handle registerHook(GradHook hook, String name) {
        if (!requiresGrad) {
            throw TorchException.runtime("cannot register a hook on a tensor that doesn't require gradient");
        }
        return (gradFn != null ? gradFn : gradAccumulator()).addGradHook(hook, name);
    }

    public void backward() {
        Backward.run(this, null, false);
    }

    public void backward(Tensor gradient, boolean retainGraph) {
        Backward.run(this, gradient, retainGraph);
    }

    /** A tensor sharing this one's data, cut from the graph. */
    public Tensor detach() {
        return alias(shape, strides, offset);
    }

    /** A view of this tensor's storage with another geometry; it shares the version counter. */
    public Tensor alias(int[] viewShape, int[] viewStrides, int viewOffset) {
        return new Tensor(storage, viewShape, viewStrides, viewOffset, false, version);
    }

    /**
     * An in-place view op ({@code t_}, {@code unsqueeze_}): this tensor takes the geometry of
     * {@code view}, a view of its own data, and the view's history.
     */
    public Tensor becomeView_(Tensor view) {
        if (view.storage != storage) {
            throw new IllegalArgumentException("becomeView_ needs a view of this tensor's own storage");
        }
        checkInPlace();
        shape = view.shape.clone();
        strides = view.strides.clone();
        offset = view.offset;
        markModified();
        if (view.gradFn != null) {
            rebaseHistory(view.gradFn);
        }
        return this;
    }

    /** PyTorch's {@code _version}: how many in-place writes this tensor (or a view of its data) has had. */
    public int version() {
        return version[0];
    }

    /** Records an in-place write, so a backward that saved this tensor before it can refuse. */
    public void markModified() {
        version[0]++;
    }

    public Tensor detach_() {
        gradFn = null;
        requiresGrad = false;
        return this;
    }

    /** Throws PyTorch's error for an in-place op that autograd cannot allow. */
    public void checkInPlace() {
        if (requiresGrad && gradFn == null && GradMode.isEnabled()) {
            throw TorchException.runtime("a leaf Variable that requires grad is being used in an in-place operation.");
        }
    }

    /** Records an in-place op's node on this tensor (the node's edges point at the old history). */
    public void rebaseHistory(Node node) {
        this.gradFn = node;
        this.requiresGrad = true;
    }

    // ---- element access -----------------------------------------------------------------------

    /** The single value of a one-element tensor, as PyTorch's {@code item()}. */
    public double item() {
        if (numel() != 1) {
            throw TorchException.runtime("a Tensor with " + numel() + " elements cannot be converted to Scalar");
        }
        return storage.getDouble(offset);
    }

    public long itemLong() {
        if (numel() != 1) {
            throw TorchException.runtime("a Tensor with " + numel() + " elements cannot be converted to Scalar");
        }
        return storage.getLong(offset);
    }

    /** The storage offset of every element in row-major order. */
    public int[] elementOffsets() {
        return Shapes.offsets(shape, strides, offset);
    }

    /** All values in row-major order, as doubles. */
    public double[] toDoubleArray() {
        int n = numel();
        double[] out = new double[n];
        if (isContiguous()) {
            for (int i = 0; i < n; i++) {
                out[i] = storage.getDouble(offset + i);
            }
        } else {
            int[] offs = elementOffsets();
            for (int i = 0; i < n; i++) {
                out[i] = storage.getDouble(offs[i]);
            }
        }
        return out;
    }

    public float[] toFloatArray() {
        double[] d = toDoubleArray();
        float[] out = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = (float) d[i];
        }
        return out;
    }

    public long[] toLongArray() {
        int[] offs = elementOffsets();
        long[] out = new long[offs.length];
        for (int i = 0; i < offs.length; i++) {
            out[i] = storage.getLong(offs[i]);
        }
        return out;
    }

    /**
     * {@code tolist()}: the values nested by dims (a float, int or bool each, as the dtype says), each
     * level built by {@code makeList} from its items, so every language gets its own lists; a 0-dim
     * tensor gives its value.
     */
    public Object toList(Function<List<Object>, Object> makeList) {
        int[] offs = elementOffsets();
        Object[] values = new Object[offs.length];
        for (int i = 0; i < offs.length; i++) {
            values[i] = switch (dtype()) {
                case FLOAT32, FLOAT64 -> storage.getDouble(offs[i]);
                case INT64 -> storage.getLong(offs[i]);
                case BOOL -> storage.getLong(offs[i]) != 0;
            };
        }
        return shape.length == 0 ? values[0] : nest(values, 0, 0, values.length, makeList);
    }

    private Object nest(Object[] values, int dim, int from, int count, Function<List<Object>, Object> makeList) {
        List<Object> items = new java.util.ArrayList<>(shape[dim]);
        int step = shape[dim] == 0 ? 0 : count / shape[dim];
        for (int i = 0; i < shape[dim]; i++) {
            items.add(dim == shape.length - 1 ? values[from + i] : nest(values, dim + 1, from + i * step, step, makeList));
        }
        return makeList.apply(items);
    }

    public double getDouble(int... index) {
        return storage.getDouble(offsetOf(index));
    }

    private int offsetOf(int[] index) {
        if (index.length != shape.length) {
            throw TorchException.index("expected " + shape.length + " indices, got " + index.length);
        }
        int off = offset;
        for (int i = 0; i < index.length; i++) {
            int ix = index[i] < 0 ? index[i] + shape[i] : index[i];
            if (ix < 0 || ix >= shape[i]) {
                throw TorchException.index("index " + index[i] + " is out of bounds for dimension " + i + " with size "
                        + shape[i]);
            }
            off += ix * strides[i];
        }
        return off;
    }

    // ---- pointwise ----------------------------------------------------------------------------

    public Tensor add(Tensor other) {
        return Pointwise.add(this, other, 1.0);
    }

    public Tensor add(Tensor other, double alpha) {
        return Pointwise.add(this, other, alpha);
    }

    public Tensor add(double other) {
        return Pointwise.add(this, scalar(other), 1.0);
    }

    public Tensor sub(Tensor other) {
        return Pointwise.sub(this, other, 1.0);
    }

    public Tensor sub(Tensor other, double alpha) {
        return Pointwise.sub(this, other, alpha);
    }

    public Tensor sub(double other) {
        return Pointwise.sub(this, scalar(other), 1.0);
    }

    /** {@code other - this}, PyTorch's {@code rsub}. */
    public Tensor rsub(double other) {
        return Pointwise.sub(scalar(other), this, 1.0);
    }

    public Tensor mul(Tensor other) {
        return Pointwise.mul(this, other);
    }

    public Tensor mul(double other) {
        return Pointwise.mul(this, scalar(other));
    }

    public Tensor div(Tensor other) {
        return Pointwise.div(this, other);
    }

    public Tensor div(double other) {
        return Pointwise.div(this, scalar(other));
    }

    public Tensor pow(Tensor exponent) {
        return Pointwise.pow(this, exponent);
    }

    public Tensor pow(double exponent) {
        return Pointwise.pow(this, scalar(exponent));
    }

    public Tensor floorDivide(Tensor other) {
        return Pointwise.floorDivide(this, other);
    }

    public Tensor remainder(Tensor other) {
        return Pointwise.remainder(this, other);
    }

    public Tensor maximum(Tensor other) {
        return Pointwise.maximum(this, other);
    }

    public Tensor minimum(Tensor other) {
        return Pointwise.minimum(this, other);
    }

    public Tensor neg() {
        return Pointwise.unary(Pointwise.NEG, this);
    }

    public Tensor exp() {
        return Pointwise.unary(Pointwise.EXP, this);
    }

    public Tensor log() {
        return Pointwise.unary(Pointwise.LOG, this);
    }

    public Tensor sqrt() {
        return Pointwise.unary(Pointwise.SQRT, this);
    }

    public Tensor abs() {
        return Pointwise.unary(Pointwise.ABS, this);
    }

    public Tensor sin() {
        return Pointwise.unary(Pointwise.SIN, this);
    }

    public Tensor cos() {
        return Pointwise.unary(Pointwise.COS, this);
    }

    public Tensor tanh() {
        return Pointwise.unary(Pointwise.TANH, this);
    }

    public Tensor sigmoid() {
        return Pointwise.unary(Pointwise.SIGMOID, this);
    }

    public Tensor relu() {
        return Pointwise.unary(Pointwise.RELU, this);
    }

    public Tensor square() {
        return Pointwise.pow(this, scalar(2L));
    }

    public Tensor sign() {
        return Pointwise.unary(Pointwise.SIGN, this);
    }

    public Tensor log1p() {
        return Pointwise.unary(Pointwise.LOG1P, this);
    }

    public Tensor reciprocal() {
        return Pointwise.unary(Pointwise.RECIPROCAL, this);
    }

    public Tensor floor() {
        return Pointwise.unary(Pointwise.FLOOR, this);
    }

    public Tensor ceil() {
        return Pointwise.unary(Pointwise.CEIL, this);
    }

    public Tensor round() {
        return Pointwise.unary(Pointwise.ROUND, this);
    }

    /** Clamps to [min, max]; either bound may be null. */
    public Tensor clamp(Double min, Double max) {
        return Pointwise.clamp(this, min, max);
    }

    public Tensor eq(Tensor other) {
        return Pointwise.compare(Pointwise.Comparison.EQ, this, other);
    }

    public Tensor ne(Tensor other) {
        return Pointwise.compare(Pointwise.Comparison.NE, this, other);
    }

    public Tensor lt(Tensor other) {
        return Pointwise.compare(Pointwise.Comparison.LT, this, other);
    }

    public Tensor le(Tensor other) {
        return Pointwise.compare(Pointwise.Comparison.LE, this, other);
    }

    public Tensor gt(Tensor other) {
        return Pointwise.compare(Pointwise.Comparison.GT, this, other);
    }

    public Tensor ge(Tensor other) {
        return Pointwise.compare(Pointwise.Comparison.GE, this, other);
    }

    public Tensor logicalNot() {
        return Pointwise.logicalNot(this);
    }

    public Tensor logicalAnd(Tensor other) {
        return Pointwise.logical(this, other, true);
    }

    public Tensor logicalOr(Tensor other) {
        return Pointwise.logical(this, other, false);
    }

    /** {@code torch.where(condition, x, y)}. */
    public static Tensor where(Tensor condition, Tensor x, Tensor y) {
        return Pointwise.where(condition, x, y);
    }

    /** A copy converted to {@code dtype} ({@code self} when it already has it, as PyTorch does). */
    public Tensor to(DType dtype) {
        return dtype == dtype() ? this : Pointwise.toDType(this, dtype);
    }

    // ---- in place -----------------------------------------------------------------------------

    public Tensor add_(Tensor other, double alpha) {
        return Pointwise.inPlace(this, Pointwise.add(this, other, alpha));
    }

    public Tensor add_(Tensor other) {
        return add_(other, 1.0);
    }

    public Tensor sub_(Tensor other) {
        return Pointwise.inPlace(this, Pointwise.sub(this, other, 1.0));
    }

    public Tensor mul_(Tensor other) {
        return Pointwise.inPlace(this, new Tensor[] {other}, self -> Pointwise.mul(self, other));
    }

    public Tensor div_(Tensor other) {
        return Pointwise.inPlace(this, new Tensor[] {other}, self -> Pointwise.div(self, other));
    }

    public Tensor clamp_(Double min, Double max) {
        return Pointwise.inPlace(this, new Tensor[0], self -> Pointwise.clamp(self, min, max));
    }

    /** Fills with U[from, to) from the default generator, as {@code uniform_}. */
    public Tensor uniform_(double from, double to) {
        org.torchglot.engine.ops.Sampling.uniform(this, from, to, null);
        markModified();
        return this;
    }

    /** Fills with N(mean, std^2) from the default generator, as {@code normal_}. */
    public Tensor normal_(double mean, double std) {
        org.torchglot.engine.ops.Sampling.normal(this, mean, std, null);
        markModified();
        return this;
    }

    public Tensor zero_() {
        return fill_(0.0);
    }

    public Tensor fill_(double value) {
        checkInPlace();
        fillNoGrad(value);
        markModified();
        return this;
    }

    /** Copies {@code src} (broadcast, converted) into this tensor's elements. */
    public Tensor copy_(Tensor src) {
        return Pointwise.copyInto(this, src);
    }

    /** Fills without any autograd bookkeeping; for initialisers and optimizers. */
    public void fillNoGrad(double value) {
        if (isContiguous()) {
            int n = numel();
            if (Double.doubleToRawLongBits(value) == 0) {
                zeroContiguous(n);
                return;
            }
            switch (dtype()) {
                case FLOAT32 -> java.util.Arrays.fill(storage.f, offset, offset + n, (float) value);
                case FLOAT64 -> java.util.Arrays.fill(storage.d, offset, offset + n, value);
                case INT64 -> java.util.Arrays.fill(storage.l, offset, offset + n, (long) value);
                case BOOL -> java.util.Arrays.fill(storage.b, offset, offset + n, value != 0.0);
            }
            return;
        }
        for (int off : elementOffsets()) {
            storage.setDouble(off, value);
        }
    }

    /** Zeroes this contiguous tensor's {@code n} elements ({@code zero_grad}'s fill). */
    private void zeroContiguous(int n) {
        switch (dtype()) {
            case FLOAT32 -> Elementwise.zero(storage.f, offset, n);
            case FLOAT64 -> Elementwise.zero(storage.d, offset, n);
            case INT64 -> Elementwise.zero(storage.l, offset, n);
            case BOOL -> java.util.Arrays.fill(storage.b, offset, offset + n, false);
        }
    }

    /** {@code this += other} with no autograd, e.g. for gradient accumulation. */
    public void addInPlaceNoGrad(Tensor other) {
        Pointwise.addInPlace(this, other);
    }

    // ---- shape and views ----------------------------------------------------------------------

    public Tensor view(int... shape) {
        return Views.view(this, shape);
    }

    public Tensor reshape(int... shape) {
        return Views.reshape(this, shape);
    }

    public Tensor viewAs(Tensor other) {
        return view(other.shape);
    }

    public Tensor t() {
        return Views.t(this);
    }

    public Tensor transpose(int dim0, int dim1) {
        return Views.transpose(this, dim0, dim1);
    }

    public Tensor permute(int... dims) {
        return Views.permute(this, dims);
    }

    public Tensor squeeze() {
        return Views.squeeze(this);
    }

    public Tensor squeeze(int dim) {
        return Views.squeeze(this, dim);
    }

    public Tensor unsqueeze(int dim) {
        return Views.unsqueeze(this, dim);
    }

    public Tensor expand(int... sizes) {
        return Views.expand(this, sizes);
    }

    public Tensor expandAs(Tensor other) {
        return Views.expand(this, other.shape);
    }

    public Tensor flatten() {
        return Views.flatten(this, 0, -1);
    }

    public Tensor flatten(int startDim, int endDim) {
        return Views.flatten(this, startDim, endDim);
    }

    public Tensor select(int dim, int index) {
        return Views.select(this, dim, index);
    }

    public Tensor narrow(int dim, int start, int length) {
        return Views.slice(this, dim, start, start + length, 1);
    }

    public Tensor contiguous() {
        return isContiguous() ? this : Views.cloneOp(this);
    }

    public Tensor clone() {
        return Views.cloneOp(this);
    }

    /** A contiguous copy of the data, outside autograd. */
    public Tensor contiguousCopy() {
        Tensor out = zeros(shape, dtype());
        Pointwise.copyData(out, this);
        return out;
    }

    /** Sums a gradient down to {@code target} by undoing broadcasting. */
    public Tensor sumTo(int[] target) {
        return Reductions.sumTo(this, target);
    }

    public static Tensor cat(List<Tensor> tensors, int dim) {
        return Views.cat(tensors, dim);
    }

    public static Tensor stack(List<Tensor> tensors, int dim) {
        return Views.stack(tensors, dim);
    }

    public List<Tensor> split(int splitSize, int dim) {
        return Views.split(this, splitSize, dim);
    }

    public List<Tensor> chunk(int chunks, int dim) {
        return Views.chunk(this, chunks, dim);
    }

    /** PyTorch's {@code repeat}: tiles the tensor {@code repeats[i]} times along each dim. */
    public Tensor repeat(int... repeats) {
        return Views.repeat(this, repeats);
    }

    // ---- linear algebra -----------------------------------------------------------------------

    public Tensor matmul(Tensor other) {
        return LinearAlgebra.matmul(this, other);
    }

    public Tensor mm(Tensor other) {
        return LinearAlgebra.mm(this, other);
    }

    public Tensor mv(Tensor other) {
        return LinearAlgebra.mv(this, other);
    }

    public Tensor dot(Tensor other) {
        return LinearAlgebra.dot(this, other);
    }

    public Tensor bmm(Tensor other) {
        return LinearAlgebra.bmm(this, other);
    }

    /** {@code bias + m1 @ m2}, the node {@code nn.Linear} records. */
    public static Tensor addmm(Tensor bias, Tensor m1, Tensor m2) {
        return LinearAlgebra.addmm(bias, m1, m2);
    }

    // ---- reductions ---------------------------------------------------------------------------

    public Tensor sum() {
        return Reductions.sum(this);
    }

    public Tensor sum(int[] dims, boolean keepdim) {
        return Reductions.sum(this, dims, keepdim);
    }

    public Tensor sum(int dim, boolean keepdim) {
        return Reductions.sum(this, new int[] {dim}, keepdim);
    }

    public Tensor mean() {
        return Reductions.mean(this);
    }

    public Tensor mean(int[] dims, boolean keepdim) {
        return Reductions.mean(this, dims, keepdim);
    }

    public Tensor mean(int dim, boolean keepdim) {
        return Reductions.mean(this, new int[] {dim}, keepdim);
    }

    public Tensor prod() {
        return Reductions.prod(this);
    }

    public Tensor prod(int dim, boolean keepdim) {
        return Reductions.prod(this, dim, keepdim);
    }

    /** The largest element (PyTorch's {@code max()} with no dim). */
    public Tensor max() {
        return Reductions.extreme(this, true);
    }

    public Tensor min() {
        return Reductions.extreme(this, false);
    }

    /** Values and indices of the largest elements along {@code dim}. */
    public Tensor[] max(int dim, boolean keepdim) {
        return Reductions.extremeDim(this, dim, keepdim, true);
    }

    public Tensor[] min(int dim, boolean keepdim) {
        return Reductions.extremeDim(this, dim, keepdim, false);
    }

    public Tensor argmax() {
        return Reductions.argExtreme(this, null, false, true);
    }

    public Tensor argmax(int dim, boolean keepdim) {
        return Reductions.argExtreme(this, dim, keepdim, true);
    }

    public Tensor argmin() {
        return Reductions.argExtreme(this, null, false, false);
    }

    public Tensor argmin(int dim, boolean keepdim) {
        return Reductions.argExtreme(this, dim, keepdim, false);
    }

    /** Variance with Bessel's correction when {@code unbiased}. {@code dims} null means all. */
    public Tensor var(int[] dims, boolean unbiased, boolean keepdim) {
        return Reductions.var(this, dims, unbiased, keepdim, false);
    }

    public Tensor std(int[] dims, boolean unbiased, boolean keepdim) {
        return Reductions.var(this, dims, unbiased, keepdim, true);
    }

    public Tensor all() {
        return Reductions.allAny(this, true);
    }

    public Tensor any() {
        return Reductions.allAny(this, false);
    }

    public Tensor all(int dim, boolean keepdim) {
        return Reductions.allAny(this, new int[] {dim}, keepdim, true);
    }

    public Tensor any(int dim, boolean keepdim) {
        return Reductions.allAny(this, new int[] {dim}, keepdim, false);
    }

    // ---- indexing -----------------------------------------------------------------------------

    /** {@code self[items]} with Python's indexing semantics. */
    public Tensor index(Index... items) {
        return Indexing.get(this, items);
    }

    /** {@code self[items] = value}. */
    public void indexPut(Index[] items, Tensor value) {
        Indexing.put(this, items, value);
    }

    public Tensor maskedFill(Tensor mask, double value) {
        return Pointwise.where(mask, scalar(value), this);
    }

    /** PyTorch's {@code repr}: {@code tensor([1., 2.], requires_grad=True)}. */
    @Override
    public String toString() {
        return PyTorchFormatter.format(shape, toDoubleArray(), dtype(), printSuffix());
    }

    /** What {@code repr} appends after the values; {@code Parameter} overrides it. */
    protected PyTorchFormatter.Suffix printSuffix() {
        return new PyTorchFormatter.Suffix(requiresGrad, gradFn == null ? null : gradFn.name(), false);
    }

    /** libtorch's printer, as R torch shows a tensor. */
    public String toLibtorchString() {
        return LibtorchFormatter.format(shape, toDoubleArray(), dtype(), requiresGrad, gradFn == null ? null : gradFn.name());
    }
}
