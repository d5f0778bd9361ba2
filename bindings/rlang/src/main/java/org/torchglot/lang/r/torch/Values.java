package org.torchglot.lang.r.torch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.torchglot.engine.autograd.Node;
import org.torchglot.engine.nn.Module;
import org.torchglot.engine.nn.Parameter;
import org.torchglot.engine.optim.Scheduler;
import org.torchglot.engine.optim.Optimizer;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Storage;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;
import org.torchglot.lang.r.runtime.RDouble;
import org.torchglot.lang.r.runtime.RExternal;
import org.torchglot.lang.r.runtime.RInt;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RLogical;
import org.torchglot.lang.r.runtime.RMissing;
import org.torchglot.lang.r.runtime.RNA;
import org.torchglot.lang.r.runtime.RNull;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RVector;

/**
 * Conversions between R values and the engine's plain Java values. R vectors, matrices and arrays are column-major;
 * tensors are row-major: {@code torch_tensor(m)[i, j]} equals {@code m[i, j]}, and {@code as_array} undoes it.
 */
public final class Values {
    static final String TENSOR_CLASS = "torch_tensor";

    private Values() {
    }

    // ---- engine -> R ----------------------------------------------------------------------------

    /** An engine result as an R value. */
    public static Object toR(Object o) {
        if (o == null) {
            return RNull.INSTANCE;
        }
        if (o instanceof Tensor t) {
            return wrap(t);
        }
        if (o instanceof Module m) {
            return RModule.of(m).external();
        }
        if (o instanceof Double || o instanceof Float) {
            return RDouble.of(((Number) o).doubleValue());
        }
        if (o instanceof Long || o instanceof Integer) {
            long v = ((Number) o).longValue();
            return v == (int) v ? RInt.of((int) v) : RDouble.of(v);
        }
        if (o instanceof Boolean b) {
            return RLogical.of(b);
        }
        if (o instanceof String s) {
            return RString.of(s);
        }
        if (o instanceof int[] a) {
            return new RInt(a.clone());
        }
        if (o instanceof DType d) {
            return DTypes.wrap(d);
        }
        if (o instanceof Node n) {
            return new RExternal(n, "torch_grad_fn");
        }
        if (o instanceof Optimizer opt) {
            return OptimizerHandler.wrap(opt);
        }
        if (o instanceof Scheduler s) {
            return new RExternal(s, "lr_scheduler");
        }
        if (o instanceof Object[] tuple) {
            return toRList(List.of(tuple));
        }
        if (o instanceof List<?> list) {
            return toRList(list);
        }
        if (o instanceof Map<?, ?> map) {
            List<Object> values = new ArrayList<>();
            List<String> names = new ArrayList<>();
            map.forEach((k, v) -> {
                names.add(String.valueOf(k));
                values.add(toR(v));
            });
            return RList.of(values, names);
        }
        return new RExternal(o, "torch_object");
    }

    private static RList toRList(List<?> items) {
        Object[] out = new Object[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toR(items.get(i));
        }
        return new RList(out);
    }

    /** A tensor as R sees it: class {@code torch_tensor}, plus {@code nn_parameter} for parameters. */
    public static RExternal wrap(Tensor t) {
        return t instanceof Parameter ? new RExternal(t, TENSOR_CLASS, "R7", "nn_parameter")
                : new RExternal(t, TENSOR_CLASS, "R7");
    }

    // ---- R -> engine ----------------------------------------------------------------------------

    /**
     * An R argument as an engine value: a length-one vector becomes a number, string or boolean, a longer one a
     * list; a list of tensors a list (names dropped), another named list a map; external objects their host.
     */
    public static Object toJava(Object v) {
        if (v == null || v == RNull.INSTANCE || v == RMissing.INSTANCE) {
            return null;
        }
        if (v instanceof RExternal e) {
            return e.host() instanceof RModule m ? m.module() : e.host();
        }
        if (v instanceof RList l) {
            return listToJava(l);
        }
        if (v instanceof RVector vec) {
            if (vec.length() == 1) {
                return scalar(vec, 0);
            }
            List<Object> out = new ArrayList<>(vec.length());
            for (int i = 0; i < vec.length(); i++) {
                out.add(scalar(vec, i));
            }
            return out;
        }
        return v;
    }

    private static Object listToJava(RList l) {
        RString names = l.names();
        boolean allTensors = true;
        for (Object o : l.data()) {
            allTensors &= o instanceof RExternal e && e.host() instanceof Tensor;
        }
        if (names == null || allTensors) {
            List<Object> out = new ArrayList<>(l.length());
            for (Object o : l.data()) {
                out.add(toJava(o));
            }
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < l.length(); i++) {
            out.put(names.get(i), toJava(l.get(i)));
        }
        return out;
    }

    /** A named list of tensors (a state dict) by name, in order. */
    public static Map<String, Tensor> tensorMap(Object v) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (!(v instanceof RList l) || l.length() > 0 && l.names() == null) {
            throw TorchException.type("expected a named list of tensors");
        }
        for (int i = 0; i < l.length(); i++) {
            out.put(l.names().get(i), asTensor(l.get(i)));
        }
        return out;
    }

    private static Object scalar(RVector v, int i) {
        return switch (v) {
            case RDouble d -> d.get(i);
            case RInt n -> n.isNA(i) ? (Object) Double.NaN : (Object) (long) n.get(i);
            case RLogical b -> b.get(i) == RLogical.TRUE;
            case RString s -> s.get(i);
            default -> throw TorchException.type("cannot convert an R " + v.type().typeName() + " to a torch value");
        };
    }

    /** The tensor an R value stands for: a tensor itself, or a new tensor from R data. */
    public static Tensor asTensor(Object v) {
        if (v instanceof RExternal e && e.host() instanceof Tensor t) {
            return t;
        }
        return tensorFromR(v, null);
    }

    /**
     * {@code torch_tensor(data, dtype)}: doubles become float32, integers int64, logicals bool, keeping R's layout
     * ({@code dim} attribute) so element {@code [i, j]} of a matrix is element {@code [i, j]} of the tensor.
     */
    public static Tensor tensorFromR(Object data, DType dtype) {
        if (data instanceof RExternal e && e.host() instanceof Tensor t) {
            return dtype == null ? t.detach().clone() : t.detach().to(dtype).clone();
        }
        if (data instanceof RList l) {
            return tensorFromList(l, dtype);
        }
        if (!(data instanceof RVector v)) {
            throw TorchException.type("torch_tensor(): cannot convert " + data + " to a tensor");
        }
        int[] dims = v.dim() != null ? v.dim() : new int[] {v.length()};
        int n = v.length();
        Tensor flat = switch (v) {
            case RDouble d -> Tensor.of(Storage.wrap(d.data().clone()), reversed(dims));
            case RInt ints -> {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    out[i] = ints.get(i);
                }
                yield Tensor.of(Storage.wrap(out), reversed(dims));
            }
            case RLogical b -> {
                boolean[] out = new boolean[n];
                for (int i = 0; i < n; i++) {
                    out[i] = b.get(i) == RLogical.TRUE;
                }
                yield Tensor.of(Storage.wrap(out), reversed(dims));
            }
            default -> throw TorchException.type("torch_tensor(): cannot convert an R " + v.type().typeName()
                    + " vector to a tensor");
        };
        Tensor t = dims.length > 1 ? flat.permute(reversedAxes(dims.length)).contiguous() : flat;
        DType target = dtype != null ? dtype : v instanceof RDouble ? DType.FLOAT32 : t.dtype();
        return t.dtype() == target ? t : t.to(target);
    }

    private static Tensor tensorFromList(RList l, DType dtype) {
        List<Tensor> parts = new ArrayList<>();
        for (Object o : l.data()) {
            parts.add(tensorFromR(o, dtype));
        }
        if (parts.isEmpty()) {
            return Tensor.zeros(new int[] {0}, dtype == null ? DType.FLOAT32 : dtype);
        }
        return Tensor.cat(parts, 0);
    }

    private static int[] reversed(int[] dims) {
        int[] r = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            r[i] = dims[dims.length - 1 - i];
        }
        return r;
    }

    private static int[] reversedAxes(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = n - 1 - i;
        }
        return r;
    }

    /**
     * {@code as_array(x)}: a vector for 0- and 1-d tensors, else an array with {@code dim}; float tensors give
     * doubles, integer tensors integers, bool tensors logicals.
     */
    public static RVector asArray(Tensor t) {
        Tensor x = t.detach();
        int[] shape = x.shape();
        Tensor colMajor = shape.length > 1 ? x.permute(reversedAxes(shape.length)).contiguous() : x.contiguous();
        RVector out;
        if (x.dtype() == DType.BOOL) {
            double[] d = colMajor.toDoubleArray();
            int[] b = new int[d.length];
            for (int i = 0; i < d.length; i++) {
                b[i] = d[i] != 0 ? RLogical.TRUE : RLogical.FALSE;
            }
            out = new RLogical(b);
        } else if (x.dtype() == DType.INT64) {
            long[] l = colMajor.toLongArray();
            int[] r = new int[l.length];
            for (int i = 0; i < l.length; i++) {
                r[i] = l[i] == (int) l[i] ? (int) l[i] : RNA.INT;
            }
            out = new RInt(r);
        } else {
            out = new RDouble(colMajor.toDoubleArray());
        }
        if (shape.length > 1) {
            out.setAttr("dim", new RInt(shape.clone()));
        }
        return out;
    }
}
