package org.torchglot.lang.r.torch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.torchglot.engine.api.Convention;
import org.torchglot.engine.api.Op;
import org.torchglot.engine.api.OpTable;
import org.torchglot.engine.api.ParamType;
import org.torchglot.engine.api.Signature;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;
import org.torchglot.lang.r.RCall;
import org.torchglot.lang.r.runtime.RDouble;
import org.torchglot.lang.r.runtime.RError;
import org.torchglot.lang.r.runtime.RExternal;
import org.torchglot.lang.r.runtime.RFunction;
import org.torchglot.lang.r.runtime.RList;
import org.torchglot.lang.r.runtime.RMissing;
import org.torchglot.lang.r.runtime.RString;
import org.torchglot.lang.r.runtime.RVector;

/**
 * Calls the engine's op tables with R arguments: unnamed arguments are positional, named ones keywords, dims and
 * indices 1-based ({@link Convention#ONE_BASED}). R vectors given for tensor parameters become tensors.
 */
final class OpCalls {
    private OpCalls() {
    }

    /** {@code table.name(self, ...)} with the R {@code ...} list {@code dots}; {@code self} may be null. */
    static Object call(OpTable table, String name, Object self, RList dots, RCall call) {
        Op op = table.op(name);
        // The parameters the unnamed arguments fill: x$where(condition, y) leaves out self, wherever it stands.
        List<Signature.Param> params = new ArrayList<>(op.signature().params());
        List<Object> positional = new ArrayList<>();
        Map<String, Object> keywords = new LinkedHashMap<>();
        if (self != null && !params.isEmpty()) {
            params.remove(Math.max(0, op.signature().selfIndex()));
        }
        RString names = dots.names();
        for (int i = 0; i < dots.length(); i++) {
            Object value = dots.get(i);
            if (value == RMissing.INSTANCE) {
                continue;
            }
            if (value instanceof RFunction f) {
                value = callable(f, call);
            }
            String key = names == null || names.get(i).isEmpty() ? null : names.get(i);
            if (key == null) {
                int p = positional.size();
                ParamType type = p < params.size() && !params.get(p).variadic() ? params.get(p).type() : ParamType.ANY;
                positional.add(argument(value, type));
            } else {
                keywords.put(key, argument(value, typeOf(op.signature(), key)));
            }
        }
        Object result = guard(call, () -> Values.toR(self == null
                ? table.call(name, positional.toArray(), keywords, Convention.ONE_BASED)
                : table.callMethod(name, self, positional.toArray(), keywords, Convention.ONE_BASED)));
        if (op.signature().returns().equals("None")) {
            // NOTE: R torch's functions returning nothing (Rcpp's void) give an invisible NULL.
            call.setInvisible();
        }
        return result;
    }

    /** An R function where an op takes a callable ({@code lr_lambda}): the engine calls it with Java values. */
    private static java.util.function.Function<Object[], Object> callable(RFunction f, RCall call) {
        return args -> {
            Object[] rArgs = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                rArgs[i] = Values.toR(args[i]);
            }
            return Values.toJava(call.callFunction(f, rArgs));
        };
    }

    private static ParamType typeOf(Signature signature, String keyword) {
        int i = signature.indexOfKeyword(keyword);
        return i < 0 ? ParamType.ANY : signature.params().get(i).type();
    }

    /** One R argument for a parameter of {@code type}. */
    static Object argument(Object value, ParamType type) {
        boolean rData = value instanceof RVector v && !(v instanceof RList) && !(v instanceof RString);
        return switch (type) {
            case TENSOR -> rData ? Values.tensorFromR(value, null) : Values.toJava(value);
            case INDEX_TENSOR -> rData ? indexTensor((RVector) value) : Values.toJava(value);
            case TENSOR_OR_SCALAR -> rData && ((RVector) value).length() != 1 ? Values.tensorFromR(value, null)
                    : Values.toJava(value);
            default -> Values.toJava(value);
        };
    }

    /** Class targets written as R doubles ({@code c(1, 3)}) are positions, so they become int64. */
    private static Tensor indexTensor(RVector v) {
        Tensor t = Values.tensorFromR(v, null);
        return v instanceof RDouble && t.eq(t.floor()).all().item() != 0 ? t.to(DType.INT64) : t;
    }

    /** Runs engine code, turning its exceptions into R errors for the call. */
    static <T> T guard(RCall call, Supplier<T> body) {
        try {
            return body.get();
        } catch (TorchException | IllegalArgumentException | ArithmeticException e) {
            throw error(call, e.getMessage());
        }
    }

    static RError error(RCall call, String message) {
        return call.error(message);
    }

    /** The external's host, or null when {@code v} is not an external holding a {@code type}. */
    static <T> T host(Object v, Class<T> type) {
        return v instanceof RExternal e && type.isInstance(e.host()) ? type.cast(e.host()) : null;
    }
}
