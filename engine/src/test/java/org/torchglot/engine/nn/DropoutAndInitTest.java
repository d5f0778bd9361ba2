package org.torchglot.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.tensor.Tensor;

/** Dropout masks and nn.init draw PyTorch's random streams. */
class DropoutAndInitTest {
    private static final Fixtures F = Fixtures.load("fixtures/nn/nn.txt");

    @Test
    void dropoutMasksAndScalingAreBitEqual() {
        Tensor x = F.tensor("dropout.x", 7, 9);
        Torch.manualSeed(99);
        for (String p : new String[] {"0.5", "0.2", "0.9"}) {
            Tensor in = x.clone().detach().requiresGrad_(true);
            Tensor out = Functional.dropout(in, Double.parseDouble(p), true);
            out.sum().backward();
            F.assertBitEqual("dropout." + p + ".out", out);
            F.assertBitEqual("dropout." + p + ".grad", in.grad());
            assertEquals("MulBackward0", out.gradFn().name());
        }
        Sequential m = new Sequential(new Linear(9, 4), new Dropout(0.3));
        F.assertClose("dropout.module.out", m.call(x), 1e-6, 1e-7);
        m.eval();
        F.assertClose("dropout.eval.out", m.call(x), 1e-6, 1e-7);
        assertSame(x, new Dropout(0.3).eval().call(x));
        F.assertBitEqual("dropout.after", Torch.rand(2));
    }

    @Test
    void initialisersMatchPyTorch() {
        Torch.manualSeed(3);
        Tensor t = Torch.empty(new int[] {30, 20}, Torch.DEFAULT_DTYPE);
        Init.uniform_(t, -2, 3);
        F.assertBitEqual("init.uniform", t);
        Init.normal_(t, 1, 0.5);
        F.assertBitEqual("init.normal", t);
        Init.xavierUniform_(t, 2.0);
        F.assertBitEqual("init.xavier_uniform", t);
        Init.xavierNormal_(t);
        F.assertBitEqual("init.xavier_normal", t);
        Init.kaimingUniform_(t, 0.0, Init.FanMode.of("fan_out"), "relu");
        F.assertBitEqual("init.kaiming_uniform", t);
        Init.kaimingNormal_(t, 0.1, Init.FanMode.FAN_IN, "leaky_relu");
        F.assertBitEqual("init.kaiming_normal", t);
        double[] gains = {Init.calculateGain("linear"), Init.calculateGain("sigmoid"), Init.calculateGain("tanh"),
            Init.calculateGain("relu"), Init.calculateGain("leaky_relu"), Init.calculateGain("selu"),
            Init.calculateGain("leaky_relu", 0.2)};
        Fixtures.assertClose("init.gains", F.doubles("init.gains"), gains, 0, 0);
    }
}
