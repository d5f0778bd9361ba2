package org.torchglot.engine.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.torchglot.engine.Torch;
import org.torchglot.engine.api.Convention;
import org.torchglot.engine.api.OpTable;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * Backward of the table's ops (called by name, as a binding calls them) against central differences
 * in float64; index tensors and non-differentiable arguments are fixed, the rest are checked inputs.
 */
class TableOpsGradCheckTest {
    private static final Generator RNG = new Generator(11);

    private static Tensor randn(int... shape) {
        return Torch.randn(shape, DType.FLOAT64, RNG);
    }

    /** Values in (lo, hi). */
    private static Tensor uniform(double lo, double hi, int... shape) {
        return Torch.rand(shape, DType.FLOAT64, RNG).mul(hi - lo).add(lo);
    }

    private static Tensor longs(long... values) {
        return Torch.tensor(values, new int[] {values.length});
    }

    private static Tensor longs(int[] shape, long... values) {
        return Torch.tensor(values, shape);
    }

    /** The op's tensor result (the first of a tuple or list). */
    private static Tensor op(String name, Map<String, Object> kwargs, Object... args) {
        Object r = OpTable.standard().call(name, args, kwargs, Convention.ZERO_BASED);
        if (r instanceof Object[] tuple) {
            return (Tensor) tuple[0];
        }
        if (r instanceof List<?> list) {
            return (Tensor) list.get(0);
        }
        return (Tensor) r;
    }

    private static Tensor op(String name, Object... args) {
        return op(name, Map.of(), args);
    }

    private record Check(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
    }

    private static Check c(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
        return new Check(name, f, inputs);
    }

    /** A unary op of the table over inputs in (lo, hi). */
    private static Check unary(String name, double lo, double hi) {
        return c(name, x -> op(name, x[0]), uniform(lo, hi, 2, 3));
    }

    @TestFactory
    Stream<DynamicTest> pointwise() {
        Tensor b = randn(2, 3);
        return run(List.of(
                unary("acos", -0.9, 0.9), unary("asin", -0.9, 0.9), unary("atan", -2, 2), unary("acosh", 1.2, 3),
                unary("asinh", -2, 2), unary("atanh", -0.9, 0.9), unary("sinh", -2, 2), unary("cosh", -2, 2),
                unary("tan", -1.2, 1.2), unary("exp2", -2, 2), unary("expm1", -2, 2), unary("log2", 0.2, 3),
                unary("log10", 0.2, 3), unary("rsqrt", 0.2, 3), unary("erf", -2, 2), unary("erfc", -2, 2),
                unary("erfinv", -0.9, 0.9), unary("frac", 0.1, 0.9), unary("deg2rad", -90, 90),
                unary("rad2deg", -2, 2), unary("sinc", -2, 2), unary("logit", 0.1, 0.9),
                unary("trunc", 0.1, 0.9), unary("sgn", 0.1, 0.9),
                c("logit eps", x -> op("logit", x[0], 0.2), uniform(0.05, 0.95, 8)),
                c("nan_to_num", x -> op("nan_to_num", x[0]), randn(2, 3)),
                c("clamp tensor bounds", x -> op("clamp", x[0], x[1], x[2]), randn(3, 4), uniform(-1, -0.2, 4),
                        uniform(0.2, 1, 3, 1)),
                c("clamp_min tensor", x -> op("clamp_min", x[0], x[1]), randn(3, 4), randn(4)),
                c("clamp_max number", x -> op("clamp_max", x[0], 0.3), randn(3, 4)),
                c("atan2", x -> op("atan2", x[0], x[1]), randn(2, 3), randn(3)),
                c("fmod", x -> op("fmod", x[0], x[1]), uniform(0.1, 0.9, 2, 3).mul(3), uniform(1.1, 1.4, 3)),
                c("hypot", x -> op("hypot", x[0], x[1]), randn(2, 3), randn(2, 3)),
                c("copysign", x -> op("copysign", x[0], b), randn(2, 3)),
                c("logaddexp", x -> op("logaddexp", x[0], x[1]), randn(2, 3), randn(2, 1)),
                c("logaddexp2", x -> op("logaddexp2", x[0], x[1]), randn(2, 3), randn(3)),
                c("xlogy", x -> op("xlogy", x[0], x[1]), randn(2, 3), uniform(0.5, 2, 2, 3)),
                c("fmax", x -> op("fmax", x[0], x[1]), randn(2, 3), randn(2, 3)),
                c("fmin", x -> op("fmin", x[0], x[1]), randn(2, 3), randn(3)),
                c("float_power", x -> op("float_power", x[0], x[1]), uniform(0.5, 2, 4), randn(4)),
                c("lerp number weight", x -> op("lerp", x[0], x[1], 0.3), randn(2, 3), randn(3)),
                c("lerp tensor weight", x -> op("lerp", x[0], x[1], x[2]), randn(2, 3), randn(2, 3), randn(2, 3)),
                c("addcmul", x -> op("addcmul", Map.of("value", 0.5), x[0], x[1], x[2]), randn(3), randn(2, 3),
                        randn(2, 1)),
                c("addcdiv", x -> op("addcdiv", Map.of("value", -2.0), x[0], x[1], x[2]), randn(2, 3), randn(2, 3),
                        uniform(0.5, 2, 3)),
                c("in-place chain", x -> op("sin_", x[0].mul(2.0)).mul(x[0]), randn(2, 3)),
                c("masked_fill_ on a result", x -> op("masked_fill_", x[0].mul(3.0), x[0].gt(Tensor.scalar(0.0)), 0.5),
                        randn(2, 3))));
    }

    @TestFactory
    Stream<DynamicTest> reductions() {
        Tensor distinct = Torch.randperm(12, DType.INT64, RNG).to(DType.FLOAT64).mul(0.1).reshape(3, 4);
        return run(List.of(
                c("std correction", x -> op("std", Map.of("correction", 2L), x[0], List.of(1L)), randn(3, 4)),
                c("var_mean", x -> op("var_mean", x[0], List.of(0L)), randn(3, 4)),
                c("amax", x -> op("amax", x[0], List.of(1L)), randn(3, 4)),
                c("amin all", x -> op("amin", x[0]), randn(3, 4)),
                c("logsumexp", x -> op("logsumexp", x[0], List.of(0L, 2L), true), randn(2, 3, 4)),
                c("nansum", x -> op("nansum", x[0], List.of(1L)), randn(3, 4)),
                c("nanmean", x -> op("nanmean", x[0]), randn(3, 4)),
                c("norm 3", x -> op("norm", x[0], 3L, List.of(1L)), randn(3, 4)),
                c("norm fro", x -> op("norm", x[0]), randn(3, 4)),
                c("dist", x -> op("dist", x[0], x[1]), randn(3, 4), randn(4)),
                c("median all", x -> op("median", x[0]), distinct.clone()),
                c("median dim", x -> op("median", x[0], 1L), distinct.clone()),
                c("nanmedian", x -> op("nanmedian", x[0], 0L), distinct.clone()),
                c("mode", x -> op("mode", x[0]), distinct.clone()),
                c("kthvalue", x -> op("kthvalue", x[0], 2L, 0L), distinct.clone()),
                c("quantile", x -> op("quantile", x[0], Torch.tensor(new double[] {0.2, 0.7}, new int[] {2}, DType.FLOAT64), 1L),
                        distinct.clone()),
                c("cumsum", x -> op("cumsum", x[0], 1L), randn(3, 4)),
                c("cumprod", x -> op("cumprod", x[0], 0L), randn(3, 4)),
                c("cumprod with a zero", x -> op("cumprod", x[0].mul(Torch.tensor(new double[] {1, 0, 1, 1},
                        new int[] {4}, DType.FLOAT64)), 0L), randn(4)),
                c("cummax", x -> op("cummax", x[0], 1L), distinct.clone()),
                c("cummin", x -> op("cummin", x[0], 0L), distinct.clone()),
                c("logcumsumexp", x -> op("logcumsumexp", x[0], 1L), randn(3, 4)),
                c("diff", x -> op("diff", Map.of("n", 2L, "prepend", x[1]), x[0]), randn(3, 4), randn(3, 1))));
    }

    @TestFactory
    Stream<DynamicTest> shapes() {
        return run(List.of(
                c("flip", x -> op("flip", x[0], List.of(0L, 2L)).mul(x[1]), randn(2, 3, 4), randn(4)),
                c("roll", x -> op("roll", x[0], List.of(1L, -2L), List.of(0L, 1L)).mul(x[1]), randn(3, 4), randn(4)),
                c("roll flat", x -> op("roll", x[0], List.of(5L)).mul(x[1]), randn(3, 4), randn(4)),
                c("rot90", x -> op("rot90", x[0], 3L).mul(x[1]), randn(2, 3), randn(2)),
                c("tril", x -> op("tril", x[0], -1L), randn(3, 4)),
                c("triu", x -> op("triu", x[0]), randn(2, 3, 3)),
                c("diag of vector", x -> op("diag", x[0], 1L), randn(3)),
                c("diag of matrix", x -> op("diag", x[0], -1L), randn(3, 4)),
                c("diagonal", x -> op("diagonal", x[0], 1L, 1L, 2L).exp(), randn(2, 3, 4)),
                c("diag_embed", x -> op("diag_embed", x[0], -1L), randn(2, 3)),
                c("trace", x -> op("trace", x[0]), randn(3, 4)),
                c("movedim", x -> op("movedim", x[0], List.of(0L), List.of(2L)).mul(x[1]), randn(2, 3, 4), randn(2)),
                c("tile", x -> op("tile", x[0], List.of(2L, 1L, 2L)).mul(x[1]), randn(2, 3), randn(6)),
                c("repeat_interleave", x -> op("repeat_interleave", x[0], longs(1, 0, 3), 0L).mul(x[1]), randn(3, 2),
                        randn(2)),
                c("hstack", x -> op("hstack", List.of(x[0], x[1])).exp(), randn(2, 3), randn(2, 1)),
                c("vstack", x -> op("vstack", List.of(x[0], x[1])).exp(), randn(3), randn(2, 3)),
                c("dstack", x -> op("dstack", List.of(x[0], x[1])).exp(), randn(2, 3), randn(2, 3)),
                c("column_stack", x -> op("column_stack", List.of(x[0], x[1])).exp(), randn(3), randn(3, 2)),
                c("block_diag", x -> op("block_diag", x[0], x[1]).exp(), randn(2, 2), randn(3)),
                c("tensor_split", x -> op("tensor_split", x[0], 3L, 1L).exp(), randn(2, 7)),
                c("unbind", x -> op("unbind", x[0], 1L).mul(x[1]), randn(3, 2), randn(3)),
                c("meshgrid", x -> {
                    List<?> grids = (List<?>) OpTable.standard().call("meshgrid", new Object[] {x[0], x[1]}, Map.of(),
                            Convention.ZERO_BASED);
                    return ((Tensor) grids.get(0)).mul((Tensor) grids.get(1));
                }, randn(3), randn(2)),
                c("cartesian_prod", x -> op("cartesian_prod", x[0], x[1]).exp(), randn(3), randn(2)),
                c("combinations", x -> op("combinations", x[0], 2L, true).exp(), randn(4)),
                c("unflatten", x -> op("unflatten", x[0], 1L, List.of(2L, -1L)).exp(), randn(3, 4)),
                c("broadcast_to", x -> op("broadcast_to", x[0], List.of(2L, 3L)).mul(x[1]), randn(3), randn(2, 3))));
    }

    @TestFactory
    Stream<DynamicTest> indexing() {
        Tensor idx = longs(new int[] {2, 3}, 2, 0, 1, 1, 1, 0);
        Tensor distinct = Torch.randperm(10, DType.INT64, RNG).to(DType.FLOAT64).reshape(2, 5);
        return run(List.of(
                c("gather", x -> op("gather", x[0], 1L, idx), randn(2, 4)),
                c("take_along_dim", x -> op("take_along_dim", x[0], longs(new int[] {1, 3}, 2, 0, 2), 0L), randn(3, 3)),
                c("scatter", x -> op("scatter", x[0], 1L, longs(new int[] {2, 2}, 3, 0, 1, 2), x[1]), randn(2, 4),
                        randn(2, 2)),
                c("scatter value", x -> op("scatter", x[0], 0L, longs(new int[] {1, 3}, 1, 0, 1), 2.0), randn(2, 3)),
                c("scatter_add", x -> op("scatter_add", x[0], 1L, idx, x[1]), randn(2, 4), randn(2, 3)),
                c("scatter_reduce sum", x -> op("scatter_reduce", x[0], 1L, idx, x[1], "sum"), randn(2, 4), randn(2, 3)),
                c("scatter_reduce mean", x -> op("scatter_reduce", Map.of("include_self", false), x[0], 1L, idx, x[1],
                        "mean"), randn(2, 4), randn(2, 3)),
                c("scatter_reduce amax", x -> op("scatter_reduce", x[0], 1L, idx, x[1], "amax"), randn(2, 4),
                        randn(2, 3)),
                c("scatter_reduce amin", x -> op("scatter_reduce", Map.of("include_self", false), x[0], 1L, idx, x[1],
                        "amin"), randn(2, 4), randn(2, 3)),
                c("scatter_reduce prod", x -> op("scatter_reduce", x[0], 1L, idx, x[1], "prod"),
                        uniform(0.5, 2, 2, 4), uniform(0.5, 2, 2, 3)),
                c("index_select", x -> op("index_select", x[0], 1L, longs(3, 0, 3)), randn(2, 4)),
                c("index_add", x -> op("index_add", Map.of("alpha", 0.5), x[0], 0L, longs(2, 0, 2), x[1]), randn(3, 2),
                        randn(3, 2)),
                c("index_copy", x -> op("index_copy", x[0], 1L, longs(2, 0), x[1]), randn(2, 3), randn(2, 2)),
                c("index_fill", x -> op("index_fill", x[0], 1L, longs(1), -1.0), randn(2, 3)),
                c("take", x -> op("take", x[0], longs(new int[] {2, 2}, 0, 5, -1, 5)), randn(2, 3)),
                c("masked_select", x -> op("masked_select", x[0], x[0].gt(Tensor.scalar(0.0))), randn(3, 3)),
                c("sort", x -> op("sort", x[0], 1L, true), distinct.clone()),
                c("topk", x -> op("topk", x[0], 2L), distinct.clone()),
                c("msort", x -> op("msort", x[0]), distinct.clone())));
    }

    @TestFactory
    Stream<DynamicTest> products() {
        return run(List.of(
                c("einsum matmul", x -> op("einsum", "ij,jk->ik", x[0], x[1]), randn(2, 3), randn(3, 4)),
                c("einsum batch", x -> op("einsum", "bij,bjk->bik", x[0], x[1]), randn(2, 2, 3), randn(2, 3, 2)),
                c("einsum trace", x -> op("einsum", "ii", x[0]), randn(3, 3)),
                c("einsum three", x -> op("einsum", "bn,anm,bm->ba", x[0], x[1], x[2]), randn(2, 3), randn(2, 3, 2),
                        randn(2, 2)),
                c("einsum ellipsis broadcast", x -> op("einsum", "...ij,...jk", x[0], x[1]), randn(2, 2, 3), randn(1, 3, 2)),
                c("tensordot", x -> op("tensordot", x[0], x[1], 2L), randn(2, 3, 4), randn(3, 4, 2)),
                c("kron", x -> op("kron", x[0], x[1]), randn(2, 2), randn(2, 3)),
                c("inner", x -> op("inner", x[0], x[1]), randn(2, 3), randn(4, 3)),
                c("cross", x -> op("cross", x[0], x[1], 1L), randn(2, 3), randn(2, 3)),
                c("cdist", x -> op("cdist", x[0], x[1]), randn(3, 2), randn(4, 2)),
                c("cdist p1", x -> op("cdist", x[0], x[1], 1.0), randn(3, 2), randn(4, 2)),
                c("cdist p3", x -> op("cdist", x[0], x[1], 3.0), randn(2, 3, 2), randn(2, 4, 2)),
                c("addmv", x -> op("addmv", Map.of("beta", 0.5, "alpha", 2.0), x[0], x[1], x[2]), randn(3), randn(3, 4),
                        randn(4)),
                c("addr", x -> op("addr", x[0], x[1], x[2]), randn(2, 3), randn(2), randn(3)),
                c("addmm beta alpha", x -> op("addmm", Map.of("beta", 0.3, "alpha", -1.0), x[0], x[1], x[2]), randn(3),
                        randn(2, 4), randn(4, 3)),
                c("baddbmm", x -> op("baddbmm", Map.of("alpha", 0.5), x[0], x[1], x[2]), randn(2, 2, 3), randn(2, 2, 4),
                        randn(2, 4, 3)),
                c("addbmm", x -> op("addbmm", Map.of("beta", 2.0), x[0], x[1], x[2]), randn(2, 3), randn(2, 2, 4),
                        randn(2, 4, 3))));
    }

    @TestFactory
    Stream<DynamicTest> moreOps() {
        Tensor mask = Torch.tensor(new boolean[] {true, false, true, false, true, true}, new int[] {2, 3});
        return run(List.of(
                unary("lgamma", 0.3, 4), unary("digamma", 0.3, 4),
                c("ldexp", x -> op("ldexp", x[0], longs(1, -2, 0)), randn(2, 3)),
                c("cov", x -> op("cov", x[0]), randn(3, 5)),
                c("corrcoef", x -> op("corrcoef", x[0]), randn(3, 5)),
                c("trapezoid", x -> op("trapezoid", x[0], x[1]), randn(2, 4), Torch.tensor(new double[] {0, 0.5, 2, 2.5},
                        new int[] {4}, DType.FLOAT64)),
                c("cumulative_trapezoid", x -> op("cumulative_trapezoid", Map.of("dx", 0.3), x[0]), randn(2, 4)),
                c("frobenius_norm", x -> op("frobenius_norm", x[0], List.of(1L)), randn(2, 3)),
                c("renorm", x -> op("renorm", x[0], 2.0, 0L, 0.5), randn(3, 4)),
                c("put", x -> op("put", x[0], longs(1, 4), x[1]), randn(2, 3), randn(2)),
                c("put accumulate", x -> op("put", x[0], longs(1, 1), x[1], true), randn(2, 3), randn(2)),
                c("index_put", x -> op("index_put", x[0], List.of(longs(0, 1)), x[1]), randn(3, 2), randn(2, 2)),
                c("masked_scatter", x -> op("masked_scatter", x[0], mask, x[1]), randn(2, 3), randn(6)),
                c("diagonal_scatter", x -> op("diagonal_scatter", x[0], x[1], 1L), randn(3, 3), randn(2)),
                c("select_scatter", x -> op("select_scatter", x[0], x[1], 1L, 0L), randn(2, 3), randn(2)),
                c("slice_scatter", x -> op("slice_scatter", Map.of("start", 1L), x[0], x[1]), randn(3, 2), randn(2, 2)),
                c("index_reduce mean", x -> op("index_reduce", x[0], 0L, longs(0, 2, 0), x[1], "mean"), randn(3, 2),
                        randn(3, 2)),
                c("unfold", x -> op("unfold", x[0], 1L, 2L, 1L), randn(2, 4)),
                c("vander", x -> op("vander", x[0]), randn(3)),
                c("nanquantile", x -> op("nanquantile", Tensor.where(Torch.tensor(new boolean[] {false, true, false, false},
                        new int[] {4}), Tensor.scalar(Double.NaN), x[0]), 0.4, 1L),
                        Torch.randperm(12, DType.INT64, RNG).to(DType.FLOAT64).reshape(3, 4)),
                c("chain_matmul", x -> op("chain_matmul", x[0], x[1], x[2]), randn(2, 3), randn(3, 4), randn(4, 2)),
                c("t_copy", x -> op("t_copy", x[0]).mul(x[1]), randn(2, 3), randn(2)),
                c("t_ and unsqueeze_", x -> op("unsqueeze_", op("t_", x[0].mul(2.0)), 0L).mul(x[1]), randn(2, 3),
                        randn(3, 2)),
                c("unbind_copy", x -> op("unbind_copy", x[0]), randn(2, 3))));
    }

    /** The torch.* forms of functional ops, through their own argument orders (batch_norm's, embedding's). */
    @TestFactory
    Stream<DynamicTest> torchFormsOfFunctionalOps() {
        Tensor posWeight = uniform(0.5, 2, 4);
        Tensor sign = Torch.tensor(new double[] {1, -1, 1}, new int[] {3}, DType.FLOAT64);
        return run(List.of(
                c("selu", x -> op("selu", x[0]), randn(2, 3)),
                c("celu", x -> op("celu", x[0], 0.7), randn(2, 3)),
                c("celu_ on a result", x -> op("celu_", x[0].mul(2.0)), randn(2, 3)),
                c("threshold", x -> op("threshold", x[0], 0.1, -1.0), randn(2, 3)),
                c("hardshrink", x -> op("hardshrink", x[0], 0.3), randn(2, 3)),
                c("prelu", x -> op("prelu", x[0], x[1]), randn(2, 3), uniform(0.1, 0.5, 3)),
                c("batch_norm", x -> op("batch_norm", x[0], x[1], x[2], null, null, true, 0.1, 1e-5, false),
                        randn(4, 3), uniform(0.5, 2, 3), randn(3)),
                c("layer_norm", x -> op("layer_norm", x[0], List.of(3L), x[1]), randn(2, 3), uniform(0.5, 2, 3)),
                c("group_norm", x -> op("group_norm", x[0], 2L, x[1], x[2]), randn(2, 4, 3), randn(4), randn(4)),
                c("embedding", x -> op("embedding", x[0], longs(new int[] {2, 2}, 0, 3, 3, 1)), randn(4, 2)),
                c("pairwise_distance", x -> op("pairwise_distance", x[0], x[1]), randn(3, 4), randn(3, 4)),
                c("pdist", x -> op("pdist", x[0]), randn(3, 4)),
                c("cosine_similarity", x -> op("cosine_similarity", x[0], x[1], 0L), randn(3, 4), randn(3, 4)),
                c("bilinear", x -> op("bilinear", x[0], x[1], x[2], x[3]), randn(2, 3), randn(2, 2), randn(4, 3, 2),
                        randn(4)),
                c("kl_div", x -> op("kl_div", x[0], x[1], 1L), randn(3, 4), uniform(0.1, 0.9, 3, 4)),
                c("poisson_nll_loss", x -> op("poisson_nll_loss", x[0], x[1], true, false, 1e-8, 1L), randn(3, 4),
                        uniform(0.5, 3, 3, 4)),
                c("binary_cross_entropy_with_logits", x -> op("binary_cross_entropy_with_logits", x[0], x[1], null,
                        posWeight, 2L), randn(3, 4), uniform(0.1, 0.9, 3, 4)),
                c("margin_ranking_loss", x -> op("margin_ranking_loss", x[0], x[1], sign, 0.1, 1L), randn(3), randn(3)),
                c("hinge_embedding_loss", x -> op("hinge_embedding_loss", x[0], sign, 2.0, 2L), randn(3)),
                c("cosine_embedding_loss", x -> op("cosine_embedding_loss", x[0], x[1], sign, 0.0, 1L), randn(3, 4),
                        randn(3, 4)),
                c("triplet_margin_loss", x -> op("triplet_margin_loss", x[0], x[1], x[2], 2.0, 2.0, 1e-6, true, 1L),
                        randn(3, 4), randn(3, 4), randn(3, 4))));
    }

    private static Stream<DynamicTest> run(List<Check> checks) {
        return checks.stream().map(ch -> DynamicTest.dynamicTest(ch.name(), () -> GradCheck.check(ch.name(), ch.f(),
                ch.inputs())));
    }

    @Test
    void inPlaceOnALeafThatRequiresGradIsRefused() {
        Tensor leaf = randn(3).requiresGrad_(true);
        TorchException e = assertThrows(TorchException.class, () -> op("exp_", leaf));
        assertEquals("a leaf Variable that requires grad is being used in an in-place operation.", e.getMessage());
    }

    @Test
    void inPlaceRecordsTheNodeOfItsOp() {
        Tensor x = randn(3).requiresGrad_(true).mul(1.0);
        Tensor result = op("cumsum_", x, 0L);
        assertEquals(x, result, "in-place ops return self");
        assertEquals("CumsumBackward0", x.gradFn().name());
    }
}
