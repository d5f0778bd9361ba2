package org.torchglot.engine.autograd;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.torchglot.engine.Torch;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.DType;
import org.torchglot.engine.tensor.Index;
import org.torchglot.engine.tensor.Tensor;

/** Every differentiable op's backward against central differences, including broadcast and reduced dims. */
class GradCheckTest {
    private static final Generator RNG = new Generator(7);

    private static Tensor randn(int... shape) {
        return Torch.randn(shape, DType.FLOAT64, RNG);
    }

    /** Values in (0.5, 1.5): safe for log, sqrt, division and pow. */
    private static Tensor positive(int... shape) {
        return Torch.rand(shape, DType.FLOAT64, RNG).add(0.5);
    }

    private record Check(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
    }

    private static Check c(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
        return new Check(name, f, inputs);
    }

    @TestFactory
    Stream<DynamicTest> gradientsMatchFiniteDifferences() {
        List<Check> checks = List.of(
                c("add", x -> x[0].add(x[1]), randn(2, 3), randn(2, 3)),
                c("add broadcast", x -> x[0].add(x[1]), randn(2, 3), randn(3)),
                c("add alpha", x -> x[0].add(x[1], -0.3), randn(2, 3), randn(2, 1)),
                c("add scalar", x -> x[0].add(2.0), randn(3)),
                c("sub", x -> x[0].sub(x[1]), randn(2, 1), randn(1, 3)),
                c("rsub", x -> x[0].rsub(1.0), randn(4)),
                c("mul", x -> x[0].mul(x[1]), randn(2, 3), randn(2, 3)),
                c("mul broadcast", x -> x[0].mul(x[1]), randn(4, 1, 3), randn(2, 1)),
                c("div", x -> x[0].div(x[1]), randn(2, 3), positive(2, 3)),
                c("div broadcast", x -> x[0].div(x[1]), randn(2, 3), positive(3)),
                c("pow scalar", x -> x[0].pow(3.0), randn(5)),
                c("pow fractional", x -> x[0].pow(0.5), positive(5)),
                c("pow tensor", x -> x[0].pow(x[1]), positive(2, 3), randn(2, 3)),
                c("pow broadcast", x -> x[0].pow(x[1]), positive(2, 3), randn(3)),
                c("neg", x -> x[0].neg(), randn(3)),
                c("exp", x -> x[0].exp(), randn(2, 3)),
                c("log", x -> x[0].log(), positive(2, 3)),
                c("log1p", x -> x[0].log1p(), positive(4)),
                c("sqrt", x -> x[0].sqrt(), positive(2, 3)),
                c("abs", x -> x[0].abs(), randn(2, 3)),
                c("sin", x -> x[0].sin(), randn(2, 3)),
                c("cos", x -> x[0].cos(), randn(2, 3)),
                c("tanh", x -> x[0].tanh(), randn(2, 3)),
                c("sigmoid", x -> x[0].sigmoid(), randn(2, 3)),
                c("relu", x -> x[0].relu(), randn(3, 4)),
                c("reciprocal", x -> x[0].reciprocal(), positive(4)),
                c("clamp", x -> x[0].clamp(-0.5, 0.5), randn(3, 4)),
                c("clamp min", x -> x[0].clamp(0.0, null), randn(3, 4)),
                c("maximum", x -> x[0].maximum(x[1]), randn(2, 3), randn(3)),
                c("minimum", x -> x[0].minimum(x[1]), randn(2, 3), randn(2, 3)),
                c("where", x -> Tensor.where(x[0].gt(Tensor.scalar(0.0)), x[0], x[1]), randn(2, 3), randn(3)),
                c("to float64", x -> x[0].to(DType.FLOAT64).mul(2.0), randn(3)),
                c("mm", x -> x[0].mm(x[1]), randn(3, 4), randn(4, 2)),
                c("mm transposed", x -> x[0].mm(x[1].t()), randn(3, 4), randn(2, 4)),
                c("addmm", x -> Tensor.addmm(x[0], x[1], x[2].t()), randn(2), randn(3, 4), randn(2, 4)),
                c("matmul dot", x -> x[0].matmul(x[1]), randn(4), randn(4)),
                c("matmul mv", x -> x[0].matmul(x[1]), randn(3, 4), randn(4)),
                c("matmul vm", x -> x[0].matmul(x[1]), randn(3), randn(3, 2)),
                c("matmul batched broadcast", x -> x[0].matmul(x[1]), randn(2, 1, 3, 4), randn(3, 4, 2)),
                c("matmul 3d 2d", x -> x[0].matmul(x[1]), randn(2, 3, 4), randn(4, 2)),
                c("bmm", x -> x[0].bmm(x[1]), randn(2, 3, 4), randn(2, 4, 2)),
                c("t", x -> x[0].t().mul(x[0].t()), randn(2, 3)),
                c("transpose", x -> x[0].transpose(0, 2).exp(), randn(2, 3, 4)),
                c("permute", x -> x[0].permute(2, 0, 1).mul(x[1]), randn(2, 3, 4), randn(4, 1, 3)),
                c("view", x -> x[0].view(3, 2).exp(), randn(2, 3)),
                c("reshape non-contiguous", x -> x[0].t().reshape(6).exp(), randn(2, 3)),
                c("squeeze", x -> x[0].squeeze().exp(), randn(1, 3, 1)),
                c("squeeze dim", x -> x[0].squeeze(0).exp(), randn(1, 3)),
                c("unsqueeze", x -> x[0].unsqueeze(1).mul(x[1]), randn(3), randn(3, 2)),
                c("expand", x -> x[0].expand(4, 2, 3).exp(), randn(2, 1)),
                c("flatten", x -> x[0].flatten(1, 2).exp(), randn(2, 3, 2)),
                c("clone", x -> x[0].clone().mul(x[0]), randn(3)),
                c("contiguous", x -> x[0].t().contiguous().exp(), randn(2, 3)),
                c("cat", x -> Tensor.cat(List.of(x[0], x[1]), 1).exp(), randn(2, 3), randn(2, 2)),
                c("stack", x -> Tensor.stack(List.of(x[0], x[1]), 1).exp(), randn(2, 3), randn(2, 3)),
                c("repeat", x -> x[0].repeat(2, 3).exp(), randn(2, 1)),
                c("split", x -> x[0].split(2, 1).get(1).exp(), randn(2, 5)),
                c("sum all", x -> x[0].sum(), randn(2, 3)),
                c("sum dim", x -> x[0].sum(1, false), randn(2, 3, 4)),
                c("sum dims keepdim", x -> x[0].sum(new int[] {0, 2}, true), randn(2, 3, 4)),
                c("mean all", x -> x[0].mean(), randn(2, 3)),
                c("mean dim keepdim", x -> x[0].mean(-1, true), randn(2, 3)),
                c("prod all", x -> x[0].prod(), randn(2, 3)),
                c("prod dim", x -> x[0].prod(1, false), randn(2, 3)),
                c("max all", x -> x[0].max(), randn(2, 3)),
                c("min all", x -> x[0].min(), randn(2, 3)),
                c("max dim", x -> x[0].max(1, false)[0], randn(3, 4)),
                c("min dim keepdim", x -> x[0].min(0, true)[0], randn(3, 4)),
                c("var", x -> x[0].var(null, true, false), randn(2, 3)),
                c("std dim", x -> x[0].std(new int[] {1}, true, false), randn(2, 4)),
                c("var biased keepdim", x -> x[0].var(new int[] {0}, false, true), randn(3, 2)),
                c("select", x -> x[0].index(Index.at(1)).exp(), randn(3, 2)),
                c("slice with step", x -> x[0].index(Index.all(), Index.slice(-3L, null, 2L)).exp(), randn(2, 5)),
                c("none and ellipsis", x -> x[0].index(Index.NEW_AXIS, Index.ELLIPSIS, Index.at(0)).exp(), randn(2, 3)),
                c("index tensor with repeats", x -> x[0].index(Index.select(Torch.tensor(new long[] {0, 2, 0}, new int[] {3}))),
                        randn(3, 2)),
                c("bool mask", x -> x[0].index(Index.select(x[0].gt(Tensor.scalar(0.0)))), randn(3, 3)),
                c("composite sigmoid", x -> x[0].neg().exp().add(1.0).reciprocal(), randn(4)),
                c("composite bce", x -> x[1].mul(x[0].log()).add(x[1].rsub(1.0).mul(x[0].rsub(1.0).log())).mean().neg(),
                        Torch.rand(new int[] {4, 1}, DType.FLOAT64, RNG).mul(0.8).add(0.1),
                        Torch.rand(new int[] {4, 1}, DType.FLOAT64, RNG)));
        return checks.stream().map(ch -> DynamicTest.dynamicTest(ch.name(), () -> GradCheck.check(ch.name(), ch.f(),
                ch.inputs())));
    }
}
