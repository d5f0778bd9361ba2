package org.torchglot.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.nn.functional.Reduction;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Activations and losses: values, gradients and grad_fn names against PyTorch. */
class FunctionalTest {
    private static final Fixtures F = Fixtures.load("fixtures/nn/nn.txt");
    private static final double REL = 1e-5;
    private static final double ABS = 1e-6;

    @Test
    void activationsMatchPyTorch() {
        Tensor x = F.tensor("act.x", 4, 5);
        Tensor g = F.tensor("act.g", 4, 5);
        Map<String, Function<Tensor, Tensor>> cases = new LinkedHashMap<>();
        cases.put("relu", Functional::relu);
        cases.put("sigmoid", Functional::sigmoid);
        cases.put("tanh", Functional::tanh);
        cases.put("leaky_relu", t -> Functional.leakyRelu(t, 0.1));
        cases.put("elu", t -> Functional.elu(t, 0.7));
        cases.put("softplus", t -> Functional.softplus(t, 2.0, 1.5));
        cases.put("gelu", Functional::gelu);
        cases.put("gelu_tanh", t -> Functional.gelu(t, "tanh"));
        cases.put("softmax1", t -> Functional.softmax(t, 1));
        cases.put("softmax0", t -> Functional.softmax(t, 0));
        cases.put("log_softmax1", t -> Functional.logSoftmax(t, 1));
        cases.put("log_softmax0", t -> Functional.logSoftmax(t, 0));
        cases.forEach((name, fn) -> {
            Tensor in = x.clone().detach().requiresGrad_(true);
            Tensor out = fn.apply(in);
            out.backward(g, false);
            F.assertClose("act." + name + ".out", out, REL, ABS);
            F.assertClose("act." + name + ".grad", in.grad(), REL, ABS);
            assertEquals(F.string("act." + name + ".fn"), out.gradFn().name(), name);
        });
        Tensor big = Torch.tensor(new double[][] {{1000, 0, -1000}, {88, 89, 90}});
        F.assertClose("act.softmax_big", Functional.softmax(big, 1), REL, ABS);
        F.assertClose("act.log_softmax_big", Functional.logSoftmax(big, 1), REL, ABS);
    }

    @Test
    void lossesMatchPyTorchForEveryReduction() {
        Tensor x = F.tensor("loss.in.x", 6, 4);
        Tensor t = F.tensor("loss.in.t", 6, 4);
        Tensor p = F.tensor("loss.in.p", 6, 4);
        Tensor y = F.tensor("loss.in.y", 6, 4);
        Tensor cls = F.longTensor("loss.in.cls", 6);
        Tensor clsIgnored = F.longTensor("loss.in.cls_ignored", 6);
        Tensor probs = F.tensor("loss.in.probs", 6, 4);
        Tensor wc = F.tensor("loss.in.wc", 4);
        Tensor we = F.tensor("loss.in.we", 6, 4);
        Tensor pw = F.tensor("loss.in.pw", 4);
        long ignore = Functional.IGNORE_INDEX;
        Map<String, BiFunction<Tensor, Reduction, Tensor>> cases = new LinkedHashMap<>();
        cases.put("mse", (a, r) -> Functional.mseLoss(a, t, r));
        cases.put("l1", (a, r) -> Functional.l1Loss(a, t, r));
        cases.put("smooth_l1", (a, r) -> Functional.smoothL1Loss(a, t, r, 1.0));
        cases.put("smooth_l1_beta", (a, r) -> Functional.smoothL1Loss(a, t, r, 0.5));
        cases.put("bce", (a, r) -> Functional.binaryCrossEntropy(a.sigmoid(), y, null, r));
        cases.put("bce_clamped", (a, r) -> Functional.binaryCrossEntropy(p.add(a.mul(0.0)), y, null, r));
        cases.put("bce_weight", (a, r) -> Functional.binaryCrossEntropy(a.sigmoid(), y, we, r));
        cases.put("bce_logits", (a, r) -> Functional.binaryCrossEntropyWithLogits(a, y, null, null, r));
        cases.put("bce_logits_pw", (a, r) -> Functional.binaryCrossEntropyWithLogits(a, y, we, pw, r));
        cases.put("ce", (a, r) -> Functional.crossEntropy(a, cls, null, ignore, r, 0.0));
        cases.put("ce_weight_ignore", (a, r) -> Functional.crossEntropy(a, clsIgnored, wc, ignore, r, 0.0));
        cases.put("ce_smooth", (a, r) -> Functional.crossEntropy(a, clsIgnored, null, ignore, r, 0.2));
        cases.put("ce_smooth_weight", (a, r) -> Functional.crossEntropy(a, cls, wc, ignore, r, 0.1));
        cases.put("ce_probs", (a, r) -> Functional.crossEntropy(a, probs, null, ignore, r, 0.0));
        cases.put("ce_probs_smooth_weight", (a, r) -> Functional.crossEntropy(a, probs, wc, ignore, r, 0.3));
        cases.put("nll", (a, r) -> Functional.nllLoss(Functional.logSoftmax(a, 1), clsIgnored, null, ignore, r));
        cases.put("nll_weight", (a, r) -> Functional.nllLoss(a, cls, wc, ignore, r));
        cases.forEach((name, fn) -> {
            for (Reduction r : Reduction.values()) {
                String key = "loss." + name + "." + r.pythonName();
                Tensor a = x.clone().detach().requiresGrad_(true);
                Tensor out = fn.apply(a, r);
                out.backward(r == Reduction.NONE ? Torch.onesLike(out) : null, false);
                F.assertClose(key + ".out", out, REL, ABS);
                F.assertClose(key + ".grad", a.grad(), REL, ABS);
                if (!name.startsWith("ce_probs") || r != Reduction.MEAN) {
                    assertEquals(F.string(key + ".fn"), out.gradFn().name(), key);
                }
            }
        });
        assertEquals(F.string("loss.target_size"), assertThrows(TorchException.class,
                () -> Functional.binaryCrossEntropy(p, y.narrow(1, 0, 2))).getMessage());
    }

    @Test
    void lossModulesCallTheFunctionalForms() {
        Tensor x = F.tensor("loss.in.x", 6, 4);
        Tensor cls = F.longTensor("loss.in.cls", 6);
        F.assertClose("loss.ce.mean.out", new CrossEntropyLoss().call(x, cls), REL, ABS);
        F.assertClose("loss.mse.sum.out", new MSELoss(Reduction.SUM).call(x, F.tensor("loss.in.t", 6, 4)), REL, ABS);
        assertEquals("xyz is not a valid value for reduction",
                assertThrows(TorchException.class, () -> Reduction.of("xyz")).getMessage());
    }
}
