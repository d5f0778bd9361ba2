package org.torchglot.engine.api;

import java.util.List;
import org.torchglot.engine.Torch;
import org.torchglot.engine.autograd.GradMode;
import org.torchglot.engine.ops.Reductions;
import org.torchglot.engine.ops.Sampling;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.DefaultDType;
import org.torchglot.engine.tensor.Devices;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * The tensor ops of the table: creation, math, shapes, reductions. A line each; the first
 * argument named {@code self} is the receiver when a binding calls the op as a method.
 */
final class TensorOps {
    private TensorOps() {
    }

    private static Tensor finish(Tensor t, Args a, int requiresGradIndex) {
        return a.bool(requiresGradIndex) ? t.requiresGrad_(true) : t;
    }

    /** Returns the tensor, or a (values, indices) pair. */
    private static Object pair(Tensor[] r) {
        return new Object[] {r[0], r[1]};
    }

    static void registerAll(OpTable t) {
        creation(t);
        pointwise(t);
        shapes(t);
        reductions(t);
        autogradAndData(t);
    }

    private static void creation(OpTable t) {
        t.register("tensor(any data, *, ScalarType? dtype=None, any device=None, bool requires_grad=False)",
                "A tensor from nested lists of numbers.",
                a -> finish(NestedData.toTensor(a.any(0), a.isNone(1) ? null : a.dtype(1)), a, 3));
        t.register("zeros(int... size, *, ScalarType? dtype=None, any device=None, bool requires_grad=False)",
                "A tensor of zeros.", a -> finish(Torch.zeros(a.ints(0), a.dtypeOr(1, DefaultDType.get())), a, 3));
        t.register("ones(int... size, *, ScalarType? dtype=None, any device=None, bool requires_grad=False)",
                "A tensor of ones.", a -> finish(Torch.ones(a.ints(0), a.dtypeOr(1, DefaultDType.get())), a, 3));
        t.register("empty(int... size, *, ScalarType? dtype=None, any device=None, bool requires_grad=False)",
                "An uninitialised tensor (zeros here).",
                a -> finish(Torch.empty(a.ints(0), a.dtypeOr(1, DefaultDType.get())), a, 3));
        t.register("full(int[] size, Scalar fill_value, *, ScalarType? dtype=None, any device=None, "
                + "bool requires_grad=False)", "A tensor filled with one value.",
                a -> finish(Torch.full(a.ints(0), a.doubleValue(1), a.dtypeOr(2, DefaultDType.get())), a, 4));
        t.register("new_zeros(Tensor self, int... size, *, ScalarType? dtype=None, any device=None, "
                + "bool requires_grad=False)", "Zeros of self's dtype unless dtype says otherwise.",
                a -> finish(Torch.zeros(a.ints(1), a.dtypeOr(2, a.tensor(0).dtype())), a, 4));
        t.register("new_ones(Tensor self, int... size, *, ScalarType? dtype=None, any device=None, "
                + "bool requires_grad=False)", "Ones of self's dtype unless dtype says otherwise.",
                a -> finish(Torch.ones(a.ints(1), a.dtypeOr(2, a.tensor(0).dtype())), a, 4));
        t.register("new_full(Tensor self, int[] size, Scalar fill_value, *, ScalarType? dtype=None, any device=None, "
                + "bool requires_grad=False)", "A filled tensor of self's dtype unless dtype says otherwise.",
                a -> finish(Torch.full(a.ints(1), a.doubleValue(2), a.dtypeOr(3, a.tensor(0).dtype())), a, 5));
        t.register("zeros_like(Tensor input, *, ScalarType? dtype=None, any device=None, bool requires_grad=False)",
                "Zeros shaped like a tensor.",
                a -> finish(Torch.zeros(a.tensor(0).shape(), a.dtypeOr(1, a.tensor(0).dtype())), a, 3));
        t.register("ones_like(Tensor input, *, ScalarType? dtype=None, any device=None, bool requires_grad=False)",
                "Ones shaped like a tensor.",
                a -> finish(Torch.ones(a.tensor(0).shape(), a.dtypeOr(1, a.tensor(0).dtype())), a, 3));
        t.register("full_like(Tensor input, Scalar fill_value, *, ScalarType? dtype=None, any device=None, "
                + "bool requires_grad=False)", "A filled tensor shaped like another.",
                a -> finish(Torch.full(a.tensor(0).shape(), a.doubleValue(1), a.dtypeOr(2, a.tensor(0).dtype())), a, 4));
        t.register("empty_like(Tensor input, *, ScalarType? dtype=None, any device=None, bool requires_grad=False)",
                "An uninitialised tensor shaped like another.",
                a -> finish(Torch.zeros(a.tensor(0).shape(), a.dtypeOr(1, a.tensor(0).dtype())), a, 3));
        t.register("rand(int... size, *, Generator? generator=None, ScalarType? dtype=None, any device=None, "
                + "bool requires_grad=False)", "Uniform samples in [0, 1).",
                a -> finish(Sampling.rand(a.ints(0), a.dtypeOr(2, DefaultDType.get()), a.generator(1)), a, 4));
        t.register("randn(int... size, *, Generator? generator=None, ScalarType? dtype=None, any device=None, "
                + "bool requires_grad=False)", "Standard normal samples.",
                a -> finish(Sampling.randn(a.ints(0), a.dtypeOr(2, DefaultDType.get()), a.generator(1)), a, 4));
        t.register("rand_like(Tensor input, *, ScalarType? dtype=None, any device=None, bool requires_grad=False)",
                "Uniform samples shaped like a tensor.",
                a -> finish(Sampling.rand(a.tensor(0).shape(), a.dtypeOr(1, a.tensor(0).dtype()), null), a, 3));
        t.register("randn_like(Tensor input, *, ScalarType? dtype=None, any device=None, bool requires_grad=False)",
                "Normal samples shaped like a tensor.",
                a -> finish(Sampling.randn(a.tensor(0).shape(), a.dtypeOr(1, a.tensor(0).dtype()), null), a, 3));
        t.register("randint(int low, int? high=None, int[]? size=None, *, Generator? generator=None, "
                + "ScalarType? dtype=None, any device=None, bool requires_grad=False)",
                "Random integers in [low, high); randint(high, size) starts at 0.", a -> {
                    // NOTE: torch.randint(high, size) puts the size second: shift the arguments.
                    boolean shifted = a.isNone(2);
                    long low = shifted ? 0 : a.longValue(0);
                    long high = shifted ? a.longValue(0) : a.longValue(1);
                    int[] size = shifted ? toInts(a.any(1)) : a.ints(2);
                    return Sampling.randint(low, high, size, a.dtypeOr(4, DType.INT64), a.generator(3));
                });
        t.register("randperm(int n, *, Generator? generator=None, ScalarType? dtype=None, any device=None)",
                "A random permutation of 0..n-1.",
                a -> Sampling.randperm(a.intValue(0), a.dtypeOr(2, DType.INT64), a.generator(1)));
        t.register("multinomial(Tensor self, int num_samples, bool replacement=False, *, "
                + "Generator? generator=None) -> IndexTensor", "Indices drawn by the rows' weights, as libtorch draws them.",
                a -> Sampling.multinomial(a.tensor(0), a.intValue(1), a.bool(2), a.generator(3)));
        t.register("bernoulli(Tensor self, *, Generator? generator=None)", "Samples 1 with each element's probability.",
                a -> Sampling.bernoulli(a.tensor(0), a.generator(1)));
        t.register("arange(Scalar start, Scalar? end=None, Scalar step=1, *, ScalarType? dtype=None, any device=None, "
                + "bool requires_grad=False)", "Evenly spaced values in [start, end).", a -> {
                    double start = a.isNone(1) ? 0 : a.doubleValue(0);
                    double end = a.isNone(1) ? a.doubleValue(0) : a.doubleValue(1);
                    double step = a.doubleValue(2);
                    DType type = a.dtypeOr(3, allIntegral(start, end, step) ? DType.INT64 : DefaultDType.get());
                    return finish(Torch.arange(start, end, step, type), a, 5);
                });
        t.register("linspace(Scalar start, Scalar end, int steps, *, ScalarType? dtype=None, any device=None, "
                + "bool requires_grad=False)", "steps values from start to end inclusive.",
                a -> finish(Torch.linspace(a.doubleValue(0), a.doubleValue(1), a.intValue(2),
                        a.dtypeOr(3, DefaultDType.get())), a, 5));
        t.register("logspace(Scalar start, Scalar end, int steps, Scalar base=10.0, *, ScalarType? dtype=None, "
                + "any device=None, bool requires_grad=False)", "steps powers of base.", a -> {
                    Tensor exps = Torch.linspace(a.doubleValue(0), a.doubleValue(1), a.intValue(2), DType.FLOAT64);
                    return finish(Tensor.scalar(a.doubleValue(3)).to(DType.FLOAT64).pow(exps)
                            .to(a.dtypeOr(4, DefaultDType.get())), a, 6);
                });
        t.register("eye(int n, int? m=None, *, ScalarType? dtype=None, any device=None, bool requires_grad=False)",
                "An identity matrix.", a -> finish(Torch.eye(a.intValue(0), a.isNone(1) ? a.intValue(0) : a.intValue(1),
                        a.dtypeOr(2, DefaultDType.get())), a, 4));
        t.register("manual_seed(int seed) -> Generator", "Seeds the default generator.",
                a -> Torch.manualSeed(a.longValue(0)));
        t.register("initial_seed() -> int", "The seed of the default generator.", a -> Torch.initialSeed());
        t.register("seed() -> int", "Seeds the default generator nondeterministically.",
                a -> Generator.getDefault().seed());
    }

    private static boolean allIntegral(double... values) {
        for (double v : values) {
            if (v != Math.rint(v)) {
                return false;
            }
        }
        return true;
    }

    private static int[] toInts(Object o) {
        if (o instanceof int[] a) {
            return a;
        }
        if (o instanceof List<?> l) {
            return l.stream().mapToInt(x -> ((Number) x).intValue()).toArray();
        }
        if (o instanceof Object[] arr) {
            return java.util.Arrays.stream(arr).mapToInt(x -> ((Number) x).intValue()).toArray();
        }
        if (o instanceof Number n) {
            return new int[] {n.intValue()};
        }
        throw TorchException.type("randint(): argument 'size' must be tuple of ints, not " + Conversions.describe(o));
    }

    private static void pointwise(OpTable t) {
        t.register("add(Tensor self, TensorOrScalar other, *, Scalar alpha=1)", "self + alpha * other.",
                a -> a.tensor(0).add(a.tensor(1), a.doubleValue(2)));
        t.register("sub(Tensor self, TensorOrScalar other, *, Scalar alpha=1)", "self - alpha * other.",
                a -> a.tensor(0).sub(a.tensor(1), a.doubleValue(2)));
        t.alias("subtract", "sub");
        t.register("rsub(Tensor self, TensorOrScalar other, *, Scalar alpha=1)", "other - alpha * self.",
                a -> org.torchglot.engine.ops.Pointwise.sub(a.tensor(1), a.tensor(0), a.doubleValue(2)));
        t.register("mul(Tensor self, TensorOrScalar other)", "Element-wise product.", a -> a.tensor(0).mul(a.tensor(1)));
        t.alias("multiply", "mul");
        t.register("div(Tensor self, TensorOrScalar other, *, str? rounding_mode=None)", "Element-wise division.", a -> {
            if (a.isNone(2)) {
                return a.tensor(0).div(a.tensor(1));
            }
            Tensor q = a.tensor(0).div(a.tensor(1));
            return switch (a.string(2)) {
                case "floor" -> a.tensor(0).isFloatingPoint() ? q.floor() : a.tensor(0).floorDivide(a.tensor(1));
                case "trunc" -> q.sign().mul(q.abs().floor()).to(org.torchglot.engine.ops.TensorIterator
                        .resultType(a.tensor(0), a.tensor(1)));
                default -> throw TorchException.runtime("div expected rounding_mode to be one of None, 'trunc', or "
                        + "'floor' but found '" + a.string(2) + "'");
            };
        });
        t.alias("divide", "div");
        t.register("true_divide(Tensor self, TensorOrScalar other)", "Element-wise division (no rounding mode).",
                a -> a.tensor(0).div(a.tensor(1)));
        // NOTE: PyTorch computes other / self as self.reciprocal() * other (grad_fn MulBackward0).
        t.register("rdiv(Tensor self, TensorOrScalar other)", "other / self.",
                a -> a.tensor(0).reciprocal().mul(a.tensor(1)));
        t.register("floor_divide(Tensor self, TensorOrScalar other)", "Division rounded down.",
                a -> a.tensor(0).floorDivide(a.tensor(1)));
        t.register("remainder(Tensor self, TensorOrScalar other)", "Python's modulus.",
                a -> a.tensor(0).remainder(a.tensor(1)));
        t.register("pow(Tensor self, TensorOrScalar exponent)", "Element-wise power.", a -> a.tensor(0).pow(a.tensor(1)));
        t.register("rpow(Tensor self, TensorOrScalar other)", "other ** self.",
                a -> org.torchglot.engine.ops.Pointwise.pow(a.tensor(1), a.tensor(0)));
        t.register("maximum(Tensor self, Tensor other)", "Element-wise maximum.", a -> a.tensor(0).maximum(a.tensor(1)));
        t.register("minimum(Tensor self, Tensor other)", "Element-wise minimum.", a -> a.tensor(0).minimum(a.tensor(1)));
        t.register("neg(Tensor self)", "-self.", a -> a.tensor(0).neg());
        t.alias("negative", "neg");
        t.register("exp(Tensor self)", "e ** self.", a -> a.tensor(0).exp());
        t.register("log(Tensor self)", "Natural logarithm.", a -> a.tensor(0).log());
        t.register("log1p(Tensor self)", "log(1 + self).", a -> a.tensor(0).log1p());
        t.register("sqrt(Tensor self)", "Square root.", a -> a.tensor(0).sqrt());
        t.register("abs(Tensor self)", "Absolute value.", a -> a.tensor(0).abs());
        t.alias("absolute", "abs");
        t.register("sin(Tensor self)", "Sine.", a -> a.tensor(0).sin());
        t.register("cos(Tensor self)", "Cosine.", a -> a.tensor(0).cos());
        t.register("tanh(Tensor self)", "Hyperbolic tangent.", a -> a.tensor(0).tanh());
        t.register("sigmoid(Tensor self)", "1 / (1 + exp(-self)).", a -> a.tensor(0).sigmoid());
        t.register("relu(Tensor self)", "max(self, 0).", a -> a.tensor(0).relu());
        t.register("square(Tensor self)", "self ** 2.", a -> a.tensor(0).square());
        t.register("sign(Tensor self)", "-1, 0 or 1.", a -> a.tensor(0).sign());
        t.register("reciprocal(Tensor self)", "1 / self.", a -> a.tensor(0).reciprocal());
        t.register("floor(Tensor self)", "Round down.", a -> a.tensor(0).floor());
        t.register("ceil(Tensor self)", "Round up.", a -> a.tensor(0).ceil());
        t.register("round(Tensor self, *, int decimals=0)", "Round half to even (at decimals digits).", a -> {
            int decimals = a.intValue(1);
            if (decimals == 0) {
                return a.tensor(0).round();
            }
            double scale = Math.pow(10, decimals);
            return a.tensor(0).mul(scale).round().div(scale);
        });
        t.register("clamp(Tensor self, TensorOrScalar? min=None, TensorOrScalar? max=None)",
                "Limits values to [min, max]; bounds may be tensors.",
                a -> MathOps.clamp(a.tensor(0), a.isNone(1) ? null : a.tensor(1), a.isNone(2) ? null : a.tensor(2)));
        t.alias("clip", "clamp");
        for (String cmp : List.of("eq", "ne", "lt", "le", "gt", "ge")) {
            t.register(cmp + "(Tensor self, TensorOrScalar other)", "Element-wise comparison, a bool tensor.", a -> switch (cmp) {
                case "eq" -> a.tensor(0).eq(a.tensor(1));
                case "ne" -> a.tensor(0).ne(a.tensor(1));
                case "lt" -> a.tensor(0).lt(a.tensor(1));
                case "le" -> a.tensor(0).le(a.tensor(1));
                case "gt" -> a.tensor(0).gt(a.tensor(1));
                default -> a.tensor(0).ge(a.tensor(1));
            });
        }
        t.alias("greater", "gt");
        t.alias("less", "lt");
        t.register("equal(Tensor self, Tensor other) -> bool", "True when shapes and values are equal.",
                a -> java.util.Arrays.equals(a.tensor(0).shapeRef(), a.tensor(1).shapeRef())
                        && a.tensor(0).eq(a.tensor(1)).all().item() != 0);
        t.register("allclose(Tensor self, Tensor other, float rtol=1e-05, float atol=1e-08, bool equal_nan=False) -> bool",
                "True when all |self - other| <= atol + rtol * |other| (as isclose).",
                a -> org.torchglot.engine.ops.BinaryMath.isclose(a.tensor(0), a.tensor(1), a.doubleValue(2),
                        a.doubleValue(3), a.bool(4)).all().item() != 0);
        t.register("logical_not(Tensor self)", "Element-wise not.", a -> a.tensor(0).logicalNot());
        t.register("logical_and(Tensor self, Tensor other)", "Element-wise and.", a -> a.tensor(0).logicalAnd(a.tensor(1)));
        t.register("logical_or(Tensor self, Tensor other)", "Element-wise or.", a -> a.tensor(0).logicalOr(a.tensor(1)));
        t.register("where(Tensor condition, TensorOrScalar? self|input=None, TensorOrScalar? other=None) -> any",
                "input where condition holds, else other; with the condition alone, its non-zero positions per dim.", a -> {
                    if (a.isNone(1) && a.isNone(2)) {
                        return org.torchglot.engine.ops.Gathers.nonzeroTuple(a.tensor(0));
                    }
                    if (a.isNone(2)) {
                        // NOTE: PyTorch's words for x.where(condition), the method form's common slip.
                        throw TorchException.type("where() missing 1 required positional arguments: \"other\"");
                    }
                    if (a.isNone(1)) {
                        throw TorchException.type("where() takes 1 or 3 arguments: where(condition) or where(condition, "
                                + "input, other)");
                    }
                    return Tensor.where(a.tensor(0), a.tensor(1), a.tensor(2));
                });
        t.register("masked_fill(Tensor self, Tensor mask, Scalar value)", "Sets value where mask holds.",
                a -> a.tensor(0).maskedFill(a.tensor(1), a.doubleValue(2)));
        t.register("matmul(Tensor self, Tensor other)", "Matrix product with broadcasting.",
                a -> a.tensor(0).matmul(a.tensor(1)));
        t.register("mm(Tensor self, Tensor mat2)", "2-D matrix product.", a -> a.tensor(0).mm(a.tensor(1)));
        t.register("mv(Tensor self, Tensor vec)", "Matrix-vector product.", a -> a.tensor(0).mv(a.tensor(1)));
        t.register("dot(Tensor self, Tensor tensor)", "Dot product of 1-D tensors.", a -> a.tensor(0).dot(a.tensor(1)));
        t.register("bmm(Tensor self, Tensor mat2)", "Batched matrix product.", a -> a.tensor(0).bmm(a.tensor(1)));
        t.register("addmm(Tensor self, Tensor mat1, Tensor mat2, *, Scalar beta=1, Scalar alpha=1)",
                "beta * self + alpha * (mat1 @ mat2).", a -> org.torchglot.engine.ops.Contractions.addmm(a.tensor(0),
                        a.tensor(1), a.tensor(2), a.doubleValue(3), a.doubleValue(4)));
        t.register("outer(Tensor self, Tensor vec2)", "Outer product of vectors.",
                a -> a.tensor(0).unsqueeze(1).mul(a.tensor(1).unsqueeze(0)));
    }

    private static void shapes(OpTable t) {
        t.register("view(Tensor self, int... size)", "Same data, new shape (no copy).", a -> a.tensor(0).view(a.ints(1)));
        t.register("reshape(Tensor self, int... shape)", "New shape, copying only when needed.",
                a -> a.tensor(0).reshape(a.ints(1)));
        t.register("view_as(Tensor self, Tensor other)", "View with another tensor's shape.",
                a -> a.tensor(0).viewAs(a.tensor(1)));
        t.register("reshape_as(Tensor self, Tensor other)", "Reshape to another tensor's shape.",
                a -> a.tensor(0).reshape(a.tensor(1).shape()));
        t.register("t(Tensor self)", "Transpose of a matrix.", a -> a.tensor(0).t());
        t.register("transpose(Tensor self, dim dim0, dim dim1)", "Swaps two dims.",
                a -> a.tensor(0).transpose(a.intValue(1), a.intValue(2)));
        t.register("swapaxes(Tensor self, dim axis0, dim axis1)", "Swaps two dims (numpy's name for transpose).",
                a -> a.tensor(0).transpose(a.intValue(1), a.intValue(2)));
        t.register("permute(Tensor self, dim... dims)", "Reorders dims.", a -> a.tensor(0).permute(a.ints(1)));
        t.register("squeeze(Tensor self, dim? dim=None)", "Removes size-1 dims.",
                a -> a.isNone(1) ? a.tensor(0).squeeze() : a.tensor(0).squeeze(a.intValue(1)));
        t.register("unsqueeze(Tensor self, dim dim)", "Inserts a size-1 dim.", a -> a.tensor(0).unsqueeze(a.intValue(1)));
        t.register("expand(Tensor self, int... size)", "Broadcasts to a larger shape (no copy).",
                a -> a.tensor(0).expand(a.ints(1)));
        t.register("expand_as(Tensor self, Tensor other)", "Broadcasts to another tensor's shape.",
                a -> a.tensor(0).expandAs(a.tensor(1)));
        t.register("flatten(Tensor self, dim start_dim=0, dim end_dim=-1)", "Merges a range of dims.",
                a -> a.tensor(0).flatten(a.intValue(1), a.intValue(2)));
        t.register("contiguous(Tensor self)", "A contiguous tensor with the same values.", a -> a.tensor(0).contiguous());
        t.register("clone(Tensor self, *, any memory_format=None)", "A copy that keeps autograd history.",
                a -> a.tensor(0).clone());
        t.register("select(Tensor self, dim dim, index index)", "One position along a dim.",
                a -> a.tensor(0).select(a.intValue(1), a.intValue(2)));
        t.register("narrow(Tensor self, dim dim, index start, int length)", "A range along a dim.",
                a -> a.tensor(0).narrow(a.intValue(1), a.intValue(2), a.intValue(3)));
        t.register("cat(Tensor[] tensors, dim dim=0)", "Concatenates along a dim.",
                a -> Tensor.cat(a.tensors(0), a.intValue(1)));
        t.alias("concat", "cat");
        t.register("stack(Tensor[] tensors, dim dim=0)", "Stacks along a new dim.",
                a -> Tensor.stack(a.tensors(0), a.intValue(1)));
        t.register("split(Tensor self|tensor, any split_size|split_size_or_sections, dim dim=0) -> Tensor[]",
                "Pieces of a given size, or of each size in a list.", a -> a.any(1) instanceof Number n
                        ? a.tensor(0).split(n.intValue(), a.intValue(2))
                        : org.torchglot.engine.ops.Rearrange.splitWithSizes(a.tensor(0),
                                Conversions.toInts("split", a.any(1)), a.intValue(2)));
        t.register("chunk(Tensor self, int chunks, dim dim=0) -> Tensor[]", "A number of pieces.",
                a -> a.tensor(0).chunk(a.intValue(1), a.intValue(2)));
        t.register("repeat(Tensor self, int... repeats)", "Tiles the tensor.", a -> a.tensor(0).repeat(a.ints(1)));
    }

    private static void reductions(OpTable t) {
        t.register("sum(Tensor self, dim[]? dim=None, bool keepdim=False, *, ScalarType? dtype=None)", "Sum of elements.",
                a -> {
                    // NOTE: PyTorch converts before adding up, so dtype=float64 sums float32 values in double.
                    Tensor x = a.isNone(3) ? a.tensor(0) : a.tensor(0).to(a.dtype(3));
                    return a.isNone(1) ? x.sum() : x.sum(a.ints(1), a.bool(2));
                });
        t.register("mean(Tensor self, dim[]? dim=None, bool keepdim=False, *, ScalarType? dtype=None)",
                "Mean of elements.", a -> {
                    Tensor x = a.isNone(3) ? a.tensor(0) : a.tensor(0).to(a.dtype(3));
                    return a.isNone(1) ? x.mean() : x.mean(a.ints(1), a.bool(2));
                });
        t.register("prod(Tensor self, dim? dim=None, bool keepdim=False, *, ScalarType? dtype=None)", "Product of elements.",
                a -> {
                    Tensor x = a.isNone(3) ? a.tensor(0) : a.tensor(0).to(a.dtype(3));
                    return a.isNone(1) ? x.prod() : x.prod(a.intValue(1), a.bool(2));
                });
        t.register("max(Tensor self, dimOrTensor? dim=None, bool keepdim=False) -> (Tensor values, IndexTensor indices)",
                "The largest element, or (values, indices) along a dim, or the element-wise maximum with a tensor.",
                a -> extreme(a, true));
        t.register("min(Tensor self, dimOrTensor? dim=None, bool keepdim=False) -> (Tensor values, IndexTensor indices)",
                "The smallest element, or (values, indices) along a dim, or the element-wise minimum with a tensor.",
                a -> extreme(a, false));
        t.register("argmax(Tensor self, dim? dim=None, bool keepdim=False) -> IndexTensor", "Position of the largest.",
                a -> a.isNone(1) ? a.tensor(0).argmax() : a.tensor(0).argmax(a.intValue(1), a.bool(2)));
        t.register("argmin(Tensor self, dim? dim=None, bool keepdim=False) -> IndexTensor", "Position of the smallest.",
                a -> a.isNone(1) ? a.tensor(0).argmin() : a.tensor(0).argmin(a.intValue(1), a.bool(2)));
        t.register("std(Tensor self, dim[]? dim=None, bool unbiased=True, bool keepdim=False, *, Scalar? correction=None)",
                "Standard deviation, dividing by N - correction (unbiased: correction 1).",
                a -> Reductions.var(a.tensor(0), a.isNone(1) ? null : a.ints(1), ReductionOps.correction(a, 2, 4),
                        a.bool(3), true));
        t.register("var(Tensor self, dim[]? dim=None, bool unbiased=True, bool keepdim=False, *, Scalar? correction=None)",
                "Variance, dividing by N - correction (unbiased: correction 1).",
                a -> Reductions.var(a.tensor(0), a.isNone(1) ? null : a.ints(1), ReductionOps.correction(a, 2, 4),
                        a.bool(3), false));
        t.register("all(Tensor self, dim? dim=None, bool keepdim=False)", "True when every element (along dim) is non-zero.",
                a -> Reductions.allAny(a.tensor(0), a.isNone(1) ? null : new int[] {a.intValue(1)}, a.bool(2), true));
        t.register("any(Tensor self, dim? dim=None, bool keepdim=False)", "True when some element (along dim) is non-zero.",
                a -> Reductions.allAny(a.tensor(0), a.isNone(1) ? null : new int[] {a.intValue(1)}, a.bool(2), false));
        t.register("norm(Tensor self, any p='fro', dim[]? dim=None, bool keepdim=False, ScalarType? dtype=None)",
                "The p-norm ('fro' is the 2-norm of all elements).", a -> {
                    Tensor x = a.isNone(4) ? a.tensor(0) : a.tensor(0).to(a.dtype(4));
                    Object p = a.any(1);
                    double order = p == null || "fro".equals(p) ? 2.0 : p instanceof Number n ? n.doubleValue()
                            : p instanceof String s && s.equals("inf") ? Double.POSITIVE_INFINITY : Double.NaN;
                    if (Double.isNaN(order)) {
                        throw TorchException.runtime("norm(): p=" + p + " is not supported here (use a number or 'fro')");
                    }
                    return ReductionOps.pNorm(x, order, a.isNone(2) ? null : a.ints(2), a.bool(3));
                });
    }

    /** Marks a tensor an in-place sampler is about to fill (after its own checks pass or fail). */
    private static Tensor modified(Tensor t) {
        t.checkInPlace();
        t.markModified();
        return t;
    }

    private static Object extreme(Args a, boolean max) {
        Tensor self = a.tensor(0);
        Object dim = a.any(1);
        if (dim == null) {
            return max ? self.max() : self.min();
        }
        if (dim instanceof Tensor other) {
            return max ? self.maximum(other) : self.minimum(other);
        }
        if (dim instanceof Number n) {
            int d = n.intValue();
            return pair(max ? self.max(d, a.bool(2)) : self.min(d, a.bool(2)));
        }
        throw TorchException.type((max ? "max" : "min") + "(): argument 'dim' must be int, not "
                + Conversions.describe(dim));
    }

    private static void autogradAndData(OpTable t) {
        t.register("detach(Tensor self)", "The same data without autograd history.", a -> a.tensor(0).detach());
        t.register("detach_(Tensor self)", "Takes self out of the autograd graph, in place.", a -> a.tensor(0).detach_());
        t.register("requires_grad_(Tensor self, bool requires_grad=True)", "Turns gradient tracking on or off.",
                a -> a.tensor(0).requiresGrad_(a.bool(1)));
        t.register("retain_grad(Tensor self) -> None", "Keeps .grad for a non-leaf tensor.", a -> {
            a.tensor(0).retainGrad();
            return null;
        });
        t.register("backward(Tensor self, Tensor? gradient=None, bool? retain_graph=None, bool create_graph=False) "
                + "-> None", "Computes gradients of this tensor with respect to the graph's leaves.", a -> {
                    a.tensor(0).backward(a.isNone(1) ? null : a.tensor(1), !a.isNone(2) && a.bool(2));
                    return null;
                });
        t.register("item(Tensor self) -> any", "The value of a one-element tensor as a number.", a -> {
            Tensor x = a.tensor(0);
            return switch (x.dtype()) {
                case FLOAT32, FLOAT64 -> (Object) x.item();
                case INT64 -> (Object) x.itemLong();
                case BOOL -> (Object) (x.item() != 0);
            };
        });
        t.register("numel(Tensor self) -> int", "Number of elements.", a -> (long) a.tensor(0).numel());
        t.register("dim(Tensor self) -> int", "Number of dims.", a -> (long) a.tensor(0).dim());
        t.alias("ndimension", "dim");
        t.register("size(Tensor self, dim? dim=None) -> any", "The shape, or one dim's size.",
                a -> a.isNone(1) ? a.tensor(0).shape() : (Object) (long) a.tensor(0).size(a.intValue(1)));
        // NOTE: PyTorch's overloads take a device, a dtype or a tensor (its dtype) first; non_blocking means
        // nothing on the CPU. Without a new dtype the result is self itself.
        t.register("to(Tensor self, any device=None, any dtype=None, bool non_blocking=False, bool copy=False) -> Tensor",
                "Converts to a dtype (the device is always the CPU).", a -> {
                    Object first = a.any(1);
                    Object target = first instanceof DType ? first : first instanceof Tensor other ? other.dtype() : a.any(2);
                    if (!(first instanceof DType) && !(first instanceof Tensor)) {
                        Devices.requireCpu(first);
                    }
                    Tensor x = a.tensor(0);
                    Tensor out = target instanceof DType d ? x.to(d) : x;
                    return a.bool(4) && out == x ? x.clone() : out;
                });
        t.register("cuda(Tensor self, any device=None, bool non_blocking=False) -> Tensor",
                "Copies to a GPU: refused, as by a PyTorch built without CUDA.", a -> {
                    throw Devices.noCuda();
                });
        t.register("type_as(Tensor self, Tensor other)", "Converts to another tensor's dtype.",
                a -> a.tensor(0).to(a.tensor(1).dtype()));
        t.register("float(Tensor self)", "Converts to float32.", a -> a.tensor(0).to(DType.FLOAT32));
        t.register("double(Tensor self)", "Converts to float64.", a -> a.tensor(0).to(DType.FLOAT64));
        t.register("long(Tensor self)", "Converts to int64.", a -> a.tensor(0).to(DType.INT64));
        t.register("int(Tensor self)", "Converts to an integer dtype (int64 here).", a -> a.tensor(0).to(DType.INT64));
        t.register("bool(Tensor self)", "Converts to bool.", a -> a.tensor(0).to(DType.BOOL));
        t.register("add_(Tensor self, TensorOrScalar other, *, Scalar alpha=1)", "In-place self += alpha * other.",
                a -> a.tensor(0).add_(a.tensor(1), a.doubleValue(2)));
        t.register("sub_(Tensor self, TensorOrScalar other, *, Scalar alpha=1)", "In-place self -= alpha * other.",
                a -> a.tensor(0).add_(a.tensor(1), -a.doubleValue(2)));
        t.register("mul_(Tensor self, TensorOrScalar other)", "In-place multiply.", a -> a.tensor(0).mul_(a.tensor(1)));
        t.register("div_(Tensor self, TensorOrScalar other)", "In-place divide.", a -> a.tensor(0).div_(a.tensor(1)));
        t.register("clamp_(Tensor self, Scalar? min=None, Scalar? max=None)", "In-place clamp.",
                a -> a.tensor(0).clamp_(a.doubleOrNull(1), a.doubleOrNull(2)));
        t.register("zero_(Tensor self)", "Fills with zeros.", a -> a.tensor(0).zero_());
        t.register("fill_(Tensor self, Scalar value)", "Fills with a value.", a -> a.tensor(0).fill_(a.doubleValue(1)));
        t.register("fill(Tensor input@self, Scalar value)", "A copy of input filled with a value.",
                a -> a.tensor(0).clone().fill_(a.doubleValue(1)));
        t.register("copy_(Tensor self, Tensor other)", "Copies values from src.", a -> a.tensor(0).copy_(a.tensor(1)));
        t.register("uniform_(Tensor self, float from=0.0, float to=1.0, *, Generator? generator=None)",
                "Fills with uniform samples.",
                a -> Sampling.uniform(modified(a.tensor(0)), a.doubleValue(1), a.doubleValue(2), a.generator(3)));
        t.register("normal_(Tensor self, float mean=0.0, float std=1.0, *, Generator? generator=None)",
                "Fills with normal samples.",
                a -> Sampling.normal(modified(a.tensor(0)), a.doubleValue(1), a.doubleValue(2), a.generator(3)));
        t.register("is_grad_enabled() -> bool", "Whether ops record gradients.", a -> GradMode.isEnabled());
        t.register("set_grad_enabled(bool mode) -> None", "Turns gradient recording on or off.", a -> {
            GradMode.setEnabled(a.bool(0));
            return null;
        });
    }
}
