package org.torchglot.lang.r.torch;

import java.util.ArrayList;
import java.util.List;

import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Index;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;
import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.nodes.RAccessNodes;
import org.torchglot.lang.r.nodes.ROperatorNodes;
import org.torchglot.lang.r.runtime.Coerce;
import org.torchglot.lang.r.runtime.RExternal;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RMissing;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RValues;
import org.torchglot.lang.r.runtime.RVector;

/**
 * R torch's tensor indexing mapped onto the engine's {@link Index} items: positions are 1-based and negative ones
 * count from the end ({@code -1} is the last), an empty index takes everything, {@code ..} stands for the remaining
 * dims, {@code a:b} is a slice and {@code a:b:c} one with step c including both ends (also across zero, {@code 1:(-2)}), logical vectors and bool
 * tensors are masks, other vectors and long tensors select positions, and {@code drop = FALSE} keeps indexed dims.
 */
final class TensorIndexing {
    /** The value of {@code ..} and {@code newaxis} in the package. */
    enum Marker {
        ELLIPSIS, NEW_AXIS
    }

    private TensorIndexing() {
    }

    /**
     * {@code x[items]}. Several position vectors select R's way, each along its own dim ({@code x[c(1, 3), c(1, 3)]}
     * is 2x2), where the engine would pair them up as Python does.
     */
    static Tensor get(Tensor x, Index[] items) {
        int vectors = 0;
        boolean onlySlicesAndVectors = true;
        for (Index item : items) {
            if (item instanceof Index.Select s && s.indices().dtype() != DType.BOOL) {
                vectors++;
            } else {
                onlySlicesAndVectors &= item instanceof Index.Slice;
            }
        }
        if (vectors < 2 || !onlySlicesAndVectors) {
            return x.index(items);
        }
        Index[] slices = items.clone();
        for (int i = 0; i < slices.length; i++) {
            if (slices[i] instanceof Index.Select) {
                slices[i] = Index.all();
            }
        }
        Tensor out = x.index(slices);
        for (int i = 0; i < items.length; i++) {
            if (items[i] instanceof Index.Select) {
                Index[] along = new Index[i + 1];
                java.util.Arrays.fill(along, Index.all());
                along[i] = items[i];
                out = out.index(along);
            }
        }
        return out;
    }

    /**
     * Replaces index arguments written {@code a:b:c} with a slice from a to b by step c, as R torch reads them
     * ({@code x[2:10:2]}); R itself would have evaluated them to {@code (a:b):c}. Needs the call's syntax.
     */
    static Object[] withStepSlices(Object[] args, RCall call) {
        if (!(call.site() instanceof RAccessNodes.Index node) || node.args().length != args.length - 1) {
            return args;
        }
        Object[] out = args.clone();
        for (int i = 0; i < node.args().length; i++) {
            if (node.args()[i] instanceof ROperatorNodes.Binary outer && outer.op().equals(":")
                    && outer.left() instanceof ROperatorNodes.Binary inner && inner.op().equals(":")) {
                long start = (long) RValues.asDouble(inner.left().execute(call.env()));
                long end = (long) RValues.asDouble(inner.right().execute(call.env()));
                long step = (long) RValues.asDouble(outer.right().execute(call.env()));
                out[i + 1] = new RExternal(Index.slice(engine(start), end == -1 ? null : end < 0 ? end + 1 : end, step),
                        "torch_index_marker");
            }
        }
        return out;
    }

    /** The items of {@code x[args]} for the index arguments {@code args[from, to)}; {@code drop=} is skipped. */
    static Index[] items(Object[] args, String[] names, int from, int to) {
        boolean drop = true;
        List<Object> indices = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (names != null && "drop".equals(names[i])) {
                drop = RValues.asFlag(args[i], "drop");
            } else {
                indices.add(args[i]);
            }
        }
        Index[] out = new Index[indices.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = item(indices.get(i), drop);
        }
        return out;
    }

    private static Index item(Object v, boolean drop) {
        if (v == RMissing.INSTANCE) {
            return Index.all();
        }
        if (v == RNull.INSTANCE) {
            return Index.NEW_AXIS;
        }
        if (v instanceof RExternal e) {
            return switch (e.host()) {
                case Marker m -> m == Marker.ELLIPSIS ? Index.ELLIPSIS : Index.NEW_AXIS;
                case Index.Slice slice -> slice;
                case Tensor t -> t.dtype() == DType.BOOL ? Index.select(t) : Index.select(fromOneBased(t.toLongArray(),
                        t.shape()));
                default -> throw TorchException.index("cannot index a tensor with " + e.classAttr().get(0));
            };
        }
        if (v instanceof RLogical mask) {
            return Index.select(Values.tensorFromR(mask, DType.BOOL));
        }
        if (!(v instanceof RVector vec) || vec instanceof RString) {
            throw TorchException.index("only numbers, vectors, `..`, masks and tensors are valid indices");
        }
        long[] positions = new long[vec.length()];
        for (int i = 0; i < positions.length; i++) {
            double d = Coerce.doubleAt(vec, i);
            if (d != Math.rint(d)) {
                throw TorchException.index("indices must be whole numbers, got " + d);
            }
            positions[i] = (long) d;
        }
        if (positions.length == 1) {
            long p = engine(positions[0]);
            return drop ? Index.at(p) : Index.slice(p, p == -1 ? null : p + 1, null);
        }
        Index range = asSlice(positions);
        return range != null ? range : Index.select(fromOneBased(positions, new int[] {positions.length}));
    }

    /** {@code a:b} with step 1 (or -1 through zero, as {@code 1:(-2)} evaluates) as a view-producing slice. */
    private static Index asSlice(long[] p) {
        long first = p[0];
        long last = p[p.length - 1];
        boolean ascending = first > 0;
        for (int i = 1; i < p.length; i++) {
            ascending &= p[i] == p[i - 1] + 1;
        }
        if (ascending) {
            return Index.slice(first - 1, last, null);
        }
        boolean acrossZero = first > 0 && last < 0;
        for (int i = 1; i < p.length; i++) {
            acrossZero &= p[i] == p[i - 1] - 1;
        }
        return acrossZero ? Index.slice(first - 1, last == -1 ? null : last + 1, null) : null;
    }

    private static long engine(long position) {
        if (position == 0) {
            throw TorchException.index("Indexing starts at 1 but found a 0.");
        }
        return position > 0 ? position - 1 : position;
    }

    private static Tensor fromOneBased(long[] positions, int[] shape) {
        long[] out = new long[positions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = engine(positions[i]);
        }
        return Tensor.of(Storage.wrap(out), shape);
    }
}
