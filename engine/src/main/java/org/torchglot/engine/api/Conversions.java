package org.torchglot.engine.api;

import java.util.ArrayList;
import java.util.List;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Converts a language's plain Java argument values to what a parameter's type promises. */
final class Conversions {
    private Conversions() {
    }

    static Object convert(String op, Signature.Param declared, Object raw, Convention c) {
        if (declared.variadic() && declared.type() == ParamType.ANY) {
            return raw instanceof List<?> || raw instanceof Object[] ? elements(op, declared, raw) : List.of(raw);
        }
        // A variadic int or dim gathers a list of them.
        Signature.Param param = !declared.variadic() ? declared
                : new Signature.Param(declared.name(), declared.type() == ParamType.DIM ? ParamType.DIM_LIST
                        : declared.type() == ParamType.TENSOR ? ParamType.TENSOR_LIST : ParamType.INT_LIST, declared.optional(), false, declared.keywordOnly(), declared.defaultText());
        if (raw == null) {
            if (param.optional() || param.type() == ParamType.ANY) {
                return null;
            }
            throw mismatch(op, param, raw);
        }
        return switch (param.type()) {
            case TENSOR -> {
                if (raw instanceof Tensor t) {
                    yield t;
                }
                throw mismatch(op, param, raw);
            }
            case INDEX_TENSOR -> {
                if (!(raw instanceof Tensor t)) {
                    throw mismatch(op, param, raw);
                }
                // NOTE: only integer targets are positions; probability targets pass unchanged.
                yield c == Convention.ONE_BASED && !t.isFloatingPoint() ? t.sub(Tensor.scalar(1L)) : t;
            }
            case TENSOR_LIST -> {
                List<Tensor> out = new ArrayList<>();
                for (Object o : elements(op, param, raw)) {
                    if (!(o instanceof Tensor t)) {
                        throw TorchException.type(op + "(): expected Tensor as element " + out.size() + " in argument '"
                                + param.name() + "', but got " + describe(o));
                    }
                    out.add(t);
                }
                yield out;
            }
            case TENSOR_OR_SCALAR -> {
                if (raw instanceof Tensor t) {
                    yield t;
                }
                if (raw instanceof Boolean b) {
                    yield Tensor.scalar(b);
                }
                if (isIntegral(raw)) {
                    yield Tensor.scalar(((Number) raw).longValue());
                }
                if (raw instanceof Number n) {
                    yield Tensor.scalar(n.doubleValue());
                }
                throw mismatch(op, param, raw);
            }
            case SCALAR, FLOAT -> {
                if (raw instanceof Number n) {
                    yield n.doubleValue();
                }
                if (raw instanceof Boolean b) {
                    yield b ? 1.0 : 0.0;
                }
                if (raw instanceof Tensor t && t.numel() == 1) {
                    yield t.item();
                }
                throw mismatch(op, param, raw);
            }
            case INT -> toLong(op, param, raw);
            case INDEX, DIM -> c.toEngine(toLong(op, param, raw));
            case DIM_OR_TENSOR -> raw instanceof Tensor ? raw : c.toEngine(toLong(op, param, raw));
            case INT_LIST, DIM_LIST -> {
                List<Object> items = raw instanceof Number ? List.of(raw) : elements(op, param, raw);
                int[] out = new int[items.size()];
                for (int i = 0; i < out.length; i++) {
                    long v = toLong(op, param, items.get(i));
                    out[i] = Args.toInt(param.type() == ParamType.DIM_LIST ? c.toEngine(v) : v);
                }
                yield out;
            }
            case BOOL -> {
                if (raw instanceof Boolean b) {
                    yield b;
                }
                if (raw instanceof Number n) {
                    yield n.doubleValue() != 0;
                }
                throw mismatch(op, param, raw);
            }
            case DTYPE -> {
                if (raw instanceof DType d) {
                    yield d;
                }
                if (raw instanceof String s) {
                    yield dtypeNamed(s);
                }
                throw mismatch(op, param, raw);
            }
            case STRING -> {
                if (raw instanceof String s) {
                    yield s;
                }
                throw mismatch(op, param, raw);
            }
            case GENERATOR -> {
                if (raw instanceof Generator g) {
                    yield g;
                }
                throw mismatch(op, param, raw);
            }
            case ANY -> raw;
        };
    }

    /** A sequence of ints (a list, array, Size or 1-D integer tensor) as an int array, for {@code any} parameters. */
    static int[] toInts(String op, Object raw) {
        Signature.Param param = new Signature.Param("size", ParamType.INT_LIST, false, false, false, null);
        return (int[]) convert(op, param, raw, Convention.ZERO_BASED);
    }

    /** A dtype by any of PyTorch's names: {@code float32}, {@code float}, {@code double}, {@code long}... */
    static DType dtypeNamed(String name) {
        return switch (name.replace("torch.", "")) {
            case "float32", "float" -> DType.FLOAT32;
            case "float64", "double" -> DType.FLOAT64;
            case "int64", "long", "int", "int32" -> DType.INT64;
            case "bool" -> DType.BOOL;
            default -> throw TorchException.type("unknown dtype '" + name + "'");
        };
    }

    private static boolean isIntegral(Object o) {
        return o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte;
    }

    private static long toLong(String op, Signature.Param param, Object raw) {
        if (isIntegral(raw)) {
            return ((Number) raw).longValue();
        }
        // NOTE: R's literals are doubles (`dim = 2`), so integral doubles count as ints.
        if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return (long) n.doubleValue();
        }
        if (raw instanceof Tensor t && t.numel() == 1 && !t.isFloatingPoint()) {
            return t.itemLong();
        }
        throw mismatch(op, param, raw);
    }

    private static List<Object> elements(String op, Signature.Param param, Object raw) {
        List<Object> out = new ArrayList<>();
        if (raw instanceof List<?> l) {
            out.addAll(l);
        } else if (raw instanceof Object[] a) {
            out.addAll(List.of(a));
        } else if (raw instanceof int[] a) {
            for (int v : a) {
                out.add((long) v);
            }
        } else if (raw instanceof long[] a) {
            for (long v : a) {
                out.add(v);
            }
        } else if (raw instanceof Tensor t && t.dim() <= 1 && !t.isFloatingPoint()) {
            for (long v : t.toLongArray()) {
                out.add(v);
            }
        } else {
            throw mismatch(op, param, raw);
        }
        return out;
    }

    private static TorchException mismatch(String op, Signature.Param param, Object raw) {
        String expected = switch (param.type()) {
            case TENSOR, INDEX_TENSOR -> "Tensor";
            case TENSOR_LIST -> "tuple of Tensors";
            case TENSOR_OR_SCALAR -> "Tensor or Number";
            case SCALAR -> "Number";
            case INT, DIM, INDEX, DIM_OR_TENSOR -> "int";
            case INT_LIST, DIM_LIST -> "tuple of ints";
            case FLOAT -> "float";
            case BOOL -> "bool";
            case DTYPE -> "torch.dtype";
            case STRING -> "str";
            case GENERATOR -> "torch.Generator";
            case ANY -> "object";
        };
        return TorchException.type(op + "(): argument '" + param.name() + "' must be " + expected + ", not "
                + describe(raw));
    }

    /** The Python type name of a value, for error messages. */
    static String describe(Object o) {
        if (o == null) {
            return "NoneType";
        }
        if (o instanceof Boolean) {
            return "bool";
        }
        if (isIntegral(o)) {
            return "int";
        }
        if (o instanceof Number) {
            return "float";
        }
        if (o instanceof String) {
            return "str";
        }
        if (o instanceof Tensor) {
            return "Tensor";
        }
        if (o instanceof List<?> || o instanceof Object[]) {
            return "list";
        }
        return o.getClass().getSimpleName();
    }
}
