package org.torchglot.lang.r.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Index;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;
import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.RClassHandler;
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
 * dims, {@code N} is the last position, {@code a:b} written in the brackets is a slice and {@code a:b:c} one with step
 * c, including both ends ({@code 2:N} to the end, {@code -3:-1} the last three, {@code slc()} the same as a value),
 * logical vectors and bool tensors are masks, other vectors and long tensors select positions, and
 * {@code drop = FALSE} keeps indexed dims.
 */
final class TensorIndexing {
    /** The value of {@code ..} and {@code newaxis} in the package, and of {@code N} inside index arguments. */
    enum Marker {
        ELLIPSIS, NEW_AXIS, LAST
    }

    static final String MARKER_CLASS = "torch_index_marker";

    /** What index arguments of a tensor see first, as R torch's data mask: {@code N}, the last position. */
    static final Map<String, Object> MASK = Map.of("N", marker(Marker.LAST));

    static RExternal marker(Object host) {
        return new RExternal(host, MARKER_CLASS);
    }

    /**
     * R torch's {@code slc(start, end, step)}, 1-based with both ends included; a negative start counts from the end,
     * an end of {@code -1}, {@code Inf} or {@code N} runs to the end.
     */
    static Index.Slice slc(double start, double end, long step) {
        if (step < 1) {
            throw TorchException.index("slice step must be positive, got " + step);
        }
        Long stop = end == -1 || end == Double.POSITIVE_INFINITY ? null : (long) (end < -1 ? end + 1 : end);
        return new Index.Slice(start > 0 ? (long) start - 1 : (long) start, stop, step);
    }

    /**
     * {@code from:to} written as a tensor index, a slice as R torch reads it: {@code 2:N} runs from 2 to the end,
     * {@code 1:10:2} has step 2, {@code -3:-1} are the last three. Ranges of anything but single numbers, {@code N}
     * or a slice (for the step) are R's own (null).
     */
    static Object range(Object from, Object to) {
        if (from instanceof RExternal e && e.host() instanceof Index.Slice s) {
            Double step = bound(to, false);
            if (step == null || step < 1) {
                throw TorchException.index("slice step must be a positive number, got " + RValues.classOf(to).get(0)
                        + (step == null ? "" : " " + step.longValue()));
            }
            return marker(new Index.Slice(s.start(), s.stop(), step.longValue()));
        }
        Double start = bound(from, true);
        Double end = bound(to, false);
        return start == null || end == null ? null : marker(slc(start, end, 1));
    }

    private static Double bound(Object v, boolean start) {
        if (v instanceof RExternal e && e.host() == Marker.LAST) {
            return start ? -1.0 : Double.POSITIVE_INFINITY;
        }
        if (v instanceof RVector vec && !(vec instanceof RString) && !(vec instanceof RLogical) && vec.length() == 1) {
            return Coerce.doubleAt(vec, 0);
        }
        return null;
    }

    /** Prints R torch's slices as {@code <slice>}. */
    static final class MarkerHandler implements RClassHandler {
        @Override
        public Object dispatch(String generic, RCall call, Object[] args, String[] names) {
            if (generic.equals("print") && args[0] instanceof RExternal e && e.host() instanceof Index.Slice) {
                call.print("<slice>\n");
                call.setInvisible();
                return args[0];
            }
            return NOT_HANDLED;
        }
    }

    private TensorIndexing() {
    }

    /**
     * {@code x[items]}. Several position vectors (R vectors, logical ones included, or long tensors) select R's way,
     * each along its own dim ({@code x[c(1, 3), .., c(1, 3)]} keeps both), where the engine would pair them up as
     * Python does: each selects along its dim first, then the other items apply.
     */
    static Tensor get(Tensor x, Index[] items) {
        int vectors = 0;
        int consumed = 0;
        for (Index item : items) {
            if (item instanceof Index.Select s && s.indices().dtype() != DType.BOOL && s.indices().dim() == 1) {
                vectors++;
            }
            consumed += dimsConsumed(item);
        }
        if (vectors < 2) {
            return x.index(items);
        }
        Index[] rest = items.clone();
        Tensor out = x;
        int dim = 0;
        for (int i = 0; i < items.length; i++) {
            if (items[i] instanceof Index.Select s && s.indices().dtype() != DType.BOOL && s.indices().dim() == 1) {
                Index[] along = new Index[dim + 1];
                java.util.Arrays.fill(along, Index.all());
                along[dim] = items[i];
                out = out.index(along);
                rest[i] = Index.all();
            }
            dim += items[i] == Index.ELLIPSIS ? x.dim() - consumed : dimsConsumed(items[i]);
        }
        return out.index(rest);
    }

    /** How many of the input's dims an index item reads. */
    private static int dimsConsumed(Index item) {
        return switch (item) {
            case Index.Select s when s.indices().dtype() == DType.BOOL -> s.indices().dim();
            case Index.NewAxis n -> 0;
            case Index.Ellipsis e -> 0;
            default -> 1;
        };
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
            Object v = indices.get(i);
            // NOTE: beside other items, a logical vector picks positions along its own dim, as in R.
            out[i] = v instanceof RLogical mask && out.length > 1 ? positions(mask) : item(v, drop);
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
                case Marker m -> switch (m) {
                    case ELLIPSIS -> Index.ELLIPSIS;
                    case NEW_AXIS -> Index.NEW_AXIS;
                    case LAST -> drop ? Index.at(-1) : Index.slice(-1L, null, null);
                };
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

    private static Index positions(RLogical mask) {
        List<Long> picked = new ArrayList<>();
        for (int i = 0; i < mask.length(); i++) {
            if (!mask.isNA(i) && mask.get(i) != 0) {
                picked.add((long) i);
            }
        }
        long[] out = picked.stream().mapToLong(Long::longValue).toArray();
        return Index.select(Tensor.of(Storage.wrap(out), new int[] {out.length}));
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
