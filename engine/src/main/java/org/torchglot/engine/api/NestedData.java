package org.torchglot.engine.api;

import java.util.ArrayList;
import java.util.List;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.DefaultDType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * Turns nested language data ({@code [[0, 0], [0, 1]]}) into a tensor the way {@code torch.tensor}
 * does: the shape from the nesting, the dtype from the values (bool, then int64, then float32).
 */
public final class NestedData {
    private NestedData() {
    }

    public static Tensor toTensor(Object data, DType dtype) {
        List<Integer> shape = new ArrayList<>();
        Object probe = data;
        while (true) {
            List<Object> items = items(probe);
            if (items == null) {
                if (probe instanceof Tensor t) {
                    for (int s : t.shapeRef()) {
                        shape.add(s);
                    }
                }
                break;
            }
            shape.add(items.size());
            if (items.isEmpty()) {
                break;
            }
            probe = items.get(0);
        }
        int[] dims = shape.stream().mapToInt(Integer::intValue).toArray();
        List<Object> leaves = new ArrayList<>();
        collect(data, dims, 0, leaves);
        DType inferred = DType.BOOL;
        double[] values = new double[leaves.size()];
        for (int i = 0; i < values.length; i++) {
            Object v = leaves.get(i);
            if (v instanceof Boolean b) {
                values[i] = b ? 1 : 0;
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                values[i] = ((Number) v).longValue();
                inferred = DType.promote(inferred, DType.INT64);
            } else if (v instanceof Number n) {
                values[i] = n.doubleValue();
                inferred = DType.promote(inferred, DefaultDType.get());
            } else {
                throw TorchException.type("new(): invalid data type '" + Conversions.describe(v) + "'");
            }
        }
        if (leaves.isEmpty()) {
            inferred = DefaultDType.get();
        }
        DType type = dtype != null ? dtype : inferred;
        Tensor out = Tensor.zeros(dims, type);
        for (int i = 0; i < values.length; i++) {
            Object v = leaves.get(i);
            if (type == DType.INT64 && (v instanceof Long || v instanceof Integer)) {
                out.storage().setLong(i, ((Number) v).longValue());
            } else {
                out.storage().setDouble(i, values[i]);
            }
        }
        return out;
    }

    private static void collect(Object data, int[] dims, int depth, List<Object> leaves) {
        List<Object> items = items(data);
        if (items == null) {
            if (data instanceof Tensor t) {
                for (double v : t.toDoubleArray()) {
                    leaves.add(t.isFloatingPoint() ? (Object) v : t.dtype() == DType.BOOL ? (Object) (v != 0) : (Object) (long) v);
                }
                return;
            }
            if (depth != dims.length) {
                throw TorchException.value("expected sequence of length " + dims[depth] + " at dim " + depth
                        + " (got 1)");
            }
            leaves.add(data);
            return;
        }
        if (depth >= dims.length || items.size() != dims[depth]) {
            throw TorchException.value("expected sequence of length " + (depth < dims.length ? dims[depth] : 1)
                    + " at dim " + depth + " (got " + items.size() + ")");
        }
        for (Object item : items) {
            collect(item, dims, depth + 1, leaves);
        }
    }

    private static List<Object> items(Object o) {
        if (o instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (o instanceof Object[] a) {
            return List.of(a);
        }
        if (o instanceof double[] a) {
            List<Object> out = new ArrayList<>();
            for (double v : a) {
                out.add(v);
            }
            return out;
        }
        if (o instanceof long[] a) {
            List<Object> out = new ArrayList<>();
            for (long v : a) {
                out.add(v);
            }
            return out;
        }
        if (o instanceof int[] a) {
            List<Object> out = new ArrayList<>();
            for (int v : a) {
                out.add((long) v);
            }
            return out;
        }
        return null;
    }
}
