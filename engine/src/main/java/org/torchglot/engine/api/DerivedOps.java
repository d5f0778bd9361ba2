package org.torchglot.engine.api;

import java.util.List;
import org.torchglot.engine.ops.Pointwise;
import org.torchglot.engine.tensor.Tensor;

/**
 * Forms derived from other ops in one place: the in-place forms ({@code abs_}, {@code masked_fill_},
 * {@code scatter_}...), same signature, the result written into self with PyTorch's checks (the
 * result dtype must cast to self's, the shape must not grow, a leaf requiring grad refuses); and the
 * in-place view ops ({@code t_}, {@code unsqueeze_}), self taking the view's shape; and the
 * {@code _copy} forms of view ops ({@code t_copy}), the view's values in new memory.
 */
final class DerivedOps {
    /** Ops whose in-place form PyTorch has; those with their own registration (add_, clamp_...) are not here. */
    private static final List<String> DERIVED = List.of(
            "abs", "absolute", "acos", "arccos", "acosh", "arccosh", "asin", "arcsin", "asinh", "arcsinh", "atan",
            "arctan", "atanh", "arctanh", "atan2", "arctan2", "addcdiv", "addcmul", "addmm", "addmv", "addr", "baddbmm",
            "addbmm", "bitwise_and", "bitwise_or", "bitwise_xor", "bitwise_not", "bitwise_left_shift",
            "bitwise_right_shift", "ceil", "clamp_min", "clamp_max", "clip", "copysign", "cos", "cosh", "cumsum",
            "cumprod", "deg2rad", "rad2deg", "divide", "true_divide", "eq", "ne", "lt", "le", "gt", "ge", "greater",
            "less", "greater_equal", "less_equal", "not_equal", "erf", "erfc", "erfinv", "exp", "exp2", "expm1", "fix",
            "floor", "floor_divide", "fmod", "frac", "hypot", "heaviside", "index_add", "index_copy", "index_fill", "lerp",
            "log", "log10", "log1p", "log2", "logical_and", "logical_or", "logical_not", "logical_xor", "logit",
            "masked_fill", "multiply", "nan_to_num", "neg", "negative", "pow", "float_power", "reciprocal", "relu",
            "remainder", "round", "rsqrt", "scatter", "scatter_add", "scatter_reduce", "sgn", "sigmoid", "sign", "sin",
            "sinc", "sinh", "sqrt", "square", "subtract", "tan", "tanh", "tril", "triu", "trunc", "xlogy",
            "put", "index_put", "masked_scatter", "index_reduce", "renorm", "lgamma", "digamma", "gcd", "lcm", "ldexp",
            "nextafter", "i0", "mvlgamma", "igamma", "igammac");

    /** View ops whose in-place form ({@code t_}) gives self the view's geometry. */
    private static final List<String> RESHAPED = List.of("t", "transpose", "swapaxes", "swapdims", "squeeze",
            "unsqueeze");

    /** View ops whose {@code _copy} form PyTorch has. */
    private static final List<String> COPIED = List.of("t", "transpose", "permute", "expand", "squeeze", "unsqueeze",
            "view", "diagonal", "select", "detach", "unbind", "split", "split_with_sizes", "unfold", "narrow");

    private DerivedOps() {
    }

    /**
     * The arguments with self cloned when autograd records the op: its backward may read self's
     * values (for its own or another input's gradient), which the in-place write is about to
     * overwrite (PyTorch saves the original too).
     */
    private static Args savedSelf(Args a) {
        return a.anyRequiresGrad() ? a.with(0, a.tensor(0).clone()) : a;
    }

    static void registerAll(OpTable t) {
        for (String name : DERIVED) {
            Op base = t.op(name);
            String text = base.signature().toString();
            t.register(name + "_" + text.substring(text.indexOf('(')), "In-place " + name + ": " + base.summary(),
                    a -> Pointwise.inPlace(a.tensor(0), (Tensor) base.implementation().apply(savedSelf(a))));
        }
        for (String name : RESHAPED) {
            Op base = t.op(name);
            String text = base.signature().toString();
            t.register(name + "_" + text.substring(text.indexOf('(')), "In-place " + name + ": self takes the new shape.",
                    a -> a.tensor(0).becomeView_((Tensor) base.implementation().apply(a)));
        }
        for (String name : COPIED) {
            Op base = t.op(name);
            String text = base.signature().toString();
            t.register(name + "_copy" + text.substring(text.indexOf('(')), base.summary() + " A copy, not a view.",
                    a -> copyOf(base.implementation().apply(a)));
        }
        t.register("alias_copy(Tensor self)", "A copy of the tensor.", a -> a.tensor(0).clone());
    }

    private static Object copyOf(Object result) {
        if (result instanceof List<?> views) {
            return views.stream().map(v -> ((Tensor) v).clone()).toList();
        }
        return ((Tensor) result).clone();
    }
}
