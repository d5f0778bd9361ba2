package org.torchglot.engine.api;

import java.util.List;
import org.torchglot.engine.Torch;
import org.torchglot.engine.ops.Pointwise;
import org.torchglot.engine.ops.TensorIterator;
import org.torchglot.engine.ops.Sampling;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.DefaultDType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * Questions about tensors and dtypes ({@code is_signed}, {@code result_type}, {@code can_cast}) and the
 * remaining creation functions ({@code range}, {@code scalar_tensor}, {@code normal}, {@code randint_like}).
 */
final class TensorInfoOps {
    private TensorInfoOps() {
    }

    static void registerAll(OpTable t) {
        predicates(t);
        dtypes(t);
        creation(t);
    }

    private static void predicates(OpTable t) {
        t.register("is_nonzero(Tensor self) -> bool", "The truth of a one-element tensor.", a -> {
            Tensor x = a.tensor(0);
            if (x.numel() == 0) {
                throw TorchException.runtime("Boolean value of Tensor with no values is ambiguous");
            }
            if (x.numel() > 1) {
                throw TorchException.runtime("Boolean value of Tensor with more than one value is ambiguous");
            }
            return x.item() != 0;
        });
        t.register("is_same_size(Tensor self, Tensor other) -> bool", "True when the shapes are equal.",
                a -> java.util.Arrays.equals(a.tensor(0).shapeRef(), a.tensor(1).shapeRef()));
        t.register("is_signed(Tensor self) -> bool", "True unless the dtype is bool (every other dtype here is signed).",
                a -> a.tensor(0).dtype() != DType.BOOL);
        for (String name : List.of("is_complex", "is_conj", "is_neg", "is_inference")) {
            t.register(name + "(Tensor self) -> bool", "False: tensors here are real, unconjugated and not inference tensors.",
                    a -> false);
        }
        t.register("get_device(Tensor self) -> int", "-1: every tensor lives on the CPU.", a -> -1L);
        t.register("is_pinned(Tensor self) -> bool", "False: memory is never pinned here.", a -> false);
        t.register("share_memory_(Tensor self)", "self: tensors already live in the one process.", a -> a.tensor(0));
        t.register("is_shared(Tensor self) -> bool", "False: tensors are not in shared memory.", a -> false);
        t.alias("nelement", "numel");
        for (String name : List.of("conj", "resolve_conj", "resolve_neg")) {
            t.register(name + "(Tensor self)", "self: real tensors have nothing to conjugate or resolve.", a -> a.tensor(0));
        }
        t.register("conj_physical(Tensor self)", "A copy (the conjugate of a real tensor is itself).", a -> a.tensor(0).clone());
        t.register("angle(Tensor self)", "The argument of each element: 0 for numbers >= 0, pi below (float result).",
                a -> org.torchglot.engine.ops.Pointwise.unary(org.torchglot.engine.ops.UnaryMath.ANGLE, a.tensor(0)));
    }

    private static void dtypes(OpTable t) {
        t.register("result_type(TensorOrScalar tensor@tensor1, TensorOrScalar other@tensor2) -> ScalarType",
                "The dtype an op over these operands computes in.", a -> TensorIterator.resultType(a.tensor(0), a.tensor(1)));
        t.register("promote_types(ScalarType type1, ScalarType type2) -> ScalarType",
                "The smallest dtype both dtypes convert to.", a -> DType.promote(a.dtype(0), a.dtype(1)));
        t.register("can_cast(ScalarType from@from_, ScalarType to) -> bool",
                "Whether PyTorch's casting rules allow from to become to (no float to integer, no number to bool).",
                a -> rank(a.dtype(0)) <= rank(a.dtype(1)));
        t.register("get_default_dtype() -> ScalarType", "The dtype of new float tensors (float32 unless set).",
                a -> DefaultDType.get());
        t.register("set_default_dtype(ScalarType d) -> None",
                "Sets the dtype of new float tensors: factories without a dtype and Python floats (float32 or float64).",
                a -> {
                    DefaultDType.set(a.dtype(0));
                    return null;
                });
        t.register("is_storage(any obj) -> bool", "False: tensors here expose no separate storage objects.", a -> false);
        t.register("asarray(any obj, *, ScalarType? dtype=None, any device=None, bool? copy=None, "
                + "bool requires_grad=False)", "obj as a tensor, sharing a tensor's memory unless copy or a dtype asks "
                + "otherwise.", a -> asarray(a));
    }

    /** {@code torch.asarray}: a tensor (or numpy array) is shared when it can be, other data is copied. */
    private static Tensor asarray(Args a) {
        DType dtype = a.isNone(1) ? null : a.dtype(1);
        boolean copy = !a.isNone(3) && a.bool(3);
        boolean noCopy = !a.isNone(3) && !a.bool(3);
        Tensor out;
        if (a.any(0) instanceof Tensor x) {
            boolean converts = dtype != null && dtype != x.dtype();
            if (converts && noCopy) {
                throw TorchException.value("can't alias tensor with dtype '" + x.dtype().scalarTypeName()
                        + "' into dtype '" + dtype.scalarTypeName() + "'.");
            }
            out = converts ? x.to(dtype) : copy ? x.clone() : x;
        } else {
            out = NestedData.toTensor(a.any(0), dtype);
        }
        if (a.bool(4)) {
            return (out.requiresGrad() ? out : out.detach()).requiresGrad_(true);
        }
        return out;
    }

    /** bool < integer < float: a cast may go up this order, never down. */
    private static int rank(DType d) {
        return d == DType.BOOL ? 0 : d.isFloatingPoint() ? 2 : 1;
    }

    private static void creation(OpTable t) {
        t.register("scalar_tensor(Scalar s@value, *, ScalarType? dtype=None, any device=None, bool requires_grad=False)",
                "A 0-dim tensor holding s (float32 by default).", a -> {
                    Tensor x = Tensor.scalar(a.doubleValue(0)).to(a.dtypeOr(1, DefaultDType.get())).detach();
                    return a.bool(3) ? x.requiresGrad_(true) : x;
                });
        t.register("range(Scalar start=0, Scalar? end=None, Scalar step=1, *, ScalarType? dtype=None, any device=None, "
                + "bool requires_grad=False)", "Values from start to end inclusive (deprecated in PyTorch for arange).",
                a -> {
                    double start = a.isNone(1) ? 0 : a.doubleValue(0);
                    double end = a.isNone(1) ? a.doubleValue(0) : a.doubleValue(1);
                    double step = a.doubleValue(2);
                    int n = (int) Math.floor((end - start) / step) + 1;
                    Tensor x = Torch.arange(0, Math.max(n, 0), 1, DType.FLOAT64).mul(step).add(start)
                            .to(a.dtypeOr(3, DefaultDType.get())).detach();
                    return a.bool(5) ? x.requiresGrad_(true) : x;
                });
        t.register("randint_like(Tensor input, int low=0, int? high=None, *, ScalarType? dtype=None, any device=None, "
                + "bool requires_grad=False)", "Random integers in [low, high) shaped like a tensor; (self, high) starts at 0.",
                a -> {
                    boolean shifted = a.isNone(2);
                    long low = shifted ? 0 : a.longValue(1);
                    long high = shifted ? a.longValue(1) : a.longValue(2);
                    return Sampling.randint(low, high, a.tensor(0).shape(), a.dtypeOr(3, a.tensor(0).dtype()), null);
                });
        t.register("normal(TensorOrScalar mean=0.0, TensorOrScalar std=1.0, int[]? size=None, *, Generator? generator=None, "
                + "ScalarType? dtype=None, any device=None, bool requires_grad=False)",
                "Normal samples with the given means and standard deviations (tensors broadcast, or numbers and a size).",
                a -> {
                    Tensor mean = a.tensor(0);
                    Tensor std = a.tensor(1);
                    if (mean.isWrappedNumber() && std.isWrappedNumber()) {
                        if (a.isNone(2)) {
                            throw TorchException.type("normal() received an invalid combination of arguments: with a "
                                    + "number mean and std, give a size");
                        }
                        Tensor out = Tensor.zeros(a.ints(2), a.dtypeOr(4, DefaultDType.get()));
                        return Sampling.normal(out, mean.item(), std.item(), a.generator(3));
                    }
                    if (std.lt(Tensor.scalar(0.0)).any().item() != 0) {
                        throw TorchException.runtime("normal expects all elements of std >= 0.0");
                    }
                    // NOTE: as libtorch, standard normal samples of the broadcast shape, scaled by std, shifted by mean.
                    DType type = TensorIterator.resultType(mean, std);
                    int[] shape = org.torchglot.engine.tensor.Shapes.broadcast(mean.shapeRef(), std.shapeRef());
                    Tensor z = Sampling.normal(Tensor.zeros(shape, type.isFloatingPoint() ? type : DType.FLOAT32), 0, 1,
                            a.generator(3));
                    return z.mul(std.detach()).add(mean.detach());
                });
    }
}
