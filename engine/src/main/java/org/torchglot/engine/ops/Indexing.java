package org.torchglot.engine.ops;

import java.util.ArrayList;
import java.util.List;
import org.torchglot.engine.autograd.FunctionNode;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Index;
import org.torchglot.engine.tensor.Shapes;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * Python's indexing semantics over tensors: integers, slices, None and ... make views; index
 * tensors and bool masks (advanced indexing) gather copies, as in PyTorch and numpy.
 */
public final class Indexing {
    private Indexing() {
    }

    /** A basic-indexed view plus the advanced indices still to apply to its dims. */
    private record Basic(Tensor view, List<Integer> advancedDims, List<Tensor> advancedIndices) {
    }

    /** Where each element of an advanced-indexing result lives in the storage. */
    private record Plan(int[] shape, int[] offsets) {
    }

    public static Tensor get(Tensor t, Index[] items) {
        Basic basic = applyBasic(t, items, GradMode.isEnabled());
        if (basic.advancedDims().isEmpty()) {
            return basic.view();
        }
        Plan plan;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            plan = plan(applyBasic(t, items, false));
        }
        Tensor out = Tensor.zeros(plan.shape(), t.dtype());
        Storage src = t.storage();
        Storage dst = out.storage();
        int[] offsets = plan.offsets();
        for (int i = 0; i < offsets.length; i++) {
            if (src.dtype() == DType.INT64) {
                dst.setLong(i, src.getLong(offsets[i]));
            } else {
                dst.setDouble(i, src.getDouble(offsets[i]));
            }
        }
        if (Tensor.needsGrad(t)) {
            int[] inputShape = t.shape();
            out.withGradFn(new FunctionNode("IndexBackward0", new Tensor[] {t}, null, (g, s) -> {
                Tensor base = Tensor.zeros(inputShape, g.dtype());
                int[] at = plan(applyBasic(base, items, false)).offsets();
                double[] values = g.toDoubleArray();
                Storage bs = base.storage();
                for (int i = 0; i < at.length; i++) {
                    bs.setDouble(at[i], bs.getDouble(at[i]) + values[i]);
                }
                return new Tensor[] {base};
            }));
        }
        return out;
    }

    public static void put(Tensor t, Index[] items, Tensor value) {
        t.checkInPlace();
        t.markModified();
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Basic basic = applyBasic(t, items, false);
            if (basic.advancedDims().isEmpty()) {
                Pointwise.copyData(basic.view(), value);
                return;
            }
            Plan plan = plan(basic);
            int[] shape = plan.shape();
            int[] broadcast = Shapes.broadcast(shape, value.shapeRef());
            if (!java.util.Arrays.equals(broadcast, shape)) {
                throw TorchException.runtime("shape mismatch: value tensor of shape " + Shapes.str(value.shapeRef())
                        + " cannot be broadcast to indexing result of shape " + Shapes.str(shape));
            }
            double[] values = value.expand(shape).toDoubleArray();
            Storage dst = t.storage();
            int[] offsets = plan.offsets();
            for (int i = 0; i < offsets.length; i++) {
                dst.setDouble(offsets[i], values[i]);
            }
        }
    }

    private static boolean consumesDims(Index item) {
        return item instanceof Index.At || item instanceof Index.Slice || item instanceof Index.Select;
    }

    private static int dimsConsumed(Index item) {
        if (item instanceof Index.Select s) {
            return s.indices().dtype() == DType.BOOL ? Math.max(1, s.indices().dim()) : 1;
        }
        return consumesDims(item) ? 1 : 0;
    }

    private static Basic applyBasic(Tensor t, Index[] items, boolean recordGrad) {
        int consumed = 0;
        int ellipses = 0;
        for (Index item : items) {
            consumed += dimsConsumed(item);
            if (item instanceof Index.Ellipsis) {
                ellipses++;
            }
        }
        if (ellipses > 1) {
            throw TorchException.index("an index can only have a single ellipsis ('...')");
        }
        if (consumed > t.dim()) {
            throw TorchException.index("too many indices for tensor of dimension " + t.dim());
        }
        Tensor view = t;
        List<Integer> advancedDims = new ArrayList<>();
        List<Tensor> advancedIndices = new ArrayList<>();
        int d = 0;
        try (GradMode.Scope ignored = GradMode.set(recordGrad && GradMode.isEnabled())) {
            for (Index item : items) {
                switch (item) {
                    case Index.At at -> {
                        int size = view.shapeRef()[d];
                        if (at.position() < -size || at.position() >= size) {
                            throw TorchException.index("index " + at.position() + " is out of bounds for dimension "
                                    + d + " with size " + size);
                        }
                        view = Views.select(view, d, (int) at.position());
                    }
                    case Index.Slice s -> {
                        long step = s.step() == null ? 1 : s.step();
                        int size = view.shapeRef()[d];
                        view = Views.slice(view, d, s.start() == null ? 0 : s.start(),
                                s.stop() == null ? size : s.stop(), step);
                        d++;
                    }
                    case Index.NewAxis n -> {
                        view = Views.unsqueeze(view, d);
                        d++;
                    }
                    case Index.Ellipsis e -> d += t.dim() - consumed;
                    case Index.Select sel -> {
                        Tensor idx = sel.indices();
                        if (idx.dtype() == DType.BOOL) {
                            d = addMask(view, d, idx, advancedDims, advancedIndices);
                        } else if (idx.dtype() == DType.INT64) {
                            advancedDims.add(d);
                            advancedIndices.add(idx);
                            d++;
                        } else {
                            throw TorchException.index("tensors used as indices must be long, byte or bool tensors");
                        }
                    }
                }
            }
        }
        return new Basic(view, advancedDims, advancedIndices);
    }

    /** A bool mask over k dims becomes k index tensors: the coordinates of its true elements. */
    private static int addMask(Tensor view, int d, Tensor mask, List<Integer> dims, List<Tensor> indices) {
        int k = Math.max(1, mask.dim());
        for (int i = 0; i < mask.dim(); i++) {
            if (mask.shapeRef()[i] != view.shapeRef()[d + i]) {
                throw TorchException.index("The shape of the mask " + Shapes.str(mask.shapeRef()) + " at index " + i
                        + " does not match the shape of the indexed tensor " + Shapes.str(view.shapeRef())
                        + " at index " + (d + i));
            }
        }
        double[] m = mask.toDoubleArray();
        int count = 0;
        for (double v : m) {
            if (v != 0) {
                count++;
            }
        }
        long[][] coords = new long[k][count];
        int[] maskShape = mask.dim() == 0 ? new int[] {1} : mask.shapeRef();
        int c = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i] == 0) {
                continue;
            }
            int rest = i;
            for (int j = k - 1; j >= 0; j--) {
                coords[j][c] = rest % maskShape[j];
                rest /= maskShape[j];
            }
            c++;
        }
        for (int j = 0; j < k; j++) {
            dims.add(d + j);
            indices.add(Tensor.of(Storage.wrap(coords[j]), count));
        }
        return d + k;
    }

    private static Plan plan(Basic basic) {
        Tensor view = basic.view();
        int rank = view.dim();
        List<Integer> advDims = basic.advancedDims();
        int[] indexShape = new int[0];
        for (Tensor idx : basic.advancedIndices()) {
            indexShape = Shapes.broadcast(indexShape, idx.shapeRef());
        }
        int indexCount = Shapes.numel(indexShape);
        int[] advOffset = new int[indexCount];
        for (int j = 0; j < advDims.size(); j++) {
            int dim = advDims.get(j);
            int size = view.shapeRef()[dim];
            int stride = view.stridesRef()[dim];
            long[] idx = basic.advancedIndices().get(j).expand(indexShape).toLongArray();
            for (int i = 0; i < indexCount; i++) {
                long ix = idx[i];
                if (ix < -size || ix >= size) {
                    throw TorchException.index("index " + ix + " is out of bounds for dimension " + dim + " with size "
                            + size);
                }
                advOffset[i] += (int) (ix < 0 ? ix + size : ix) * stride;
            }
        }
        boolean consecutive = advDims.get(advDims.size() - 1) - advDims.get(0) == advDims.size() - 1;
        int first = advDims.get(0);
        List<Integer> before = new ArrayList<>();
        List<Integer> after = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            if (advDims.contains(i)) {
                continue;
            }
            if (consecutive && i < first) {
                before.add(i);
            } else {
                after.add(i);
            }
        }
        int[] beforeShape = before.stream().mapToInt(i -> view.shapeRef()[i]).toArray();
        int[] afterShape = after.stream().mapToInt(i -> view.shapeRef()[i]).toArray();
        int[] beforeOffsets = Shapes.offsets(beforeShape, before.stream().mapToInt(i -> view.stridesRef()[i]).toArray(),
                view.storageOffset());
        int[] afterOffsets = Shapes.offsets(afterShape, after.stream().mapToInt(i -> view.stridesRef()[i]).toArray(), 0);
        int[] shape = new int[beforeShape.length + indexShape.length + afterShape.length];
        System.arraycopy(beforeShape, 0, shape, 0, beforeShape.length);
        System.arraycopy(indexShape, 0, shape, beforeShape.length, indexShape.length);
        System.arraycopy(afterShape, 0, shape, beforeShape.length + indexShape.length, afterShape.length);
        int[] offsets = new int[Shapes.numel(shape)];
        int k = 0;
        for (int b : beforeOffsets) {
            for (int a : advOffset) {
                for (int r : afterOffsets) {
                    offsets[k++] = b + a + r;
                }
            }
        }
        return new Plan(shape, offsets);
    }
}
