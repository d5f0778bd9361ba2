package org.torchglot.engine.nn;

import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.functional.Functional;
import org.torchglot.engine.tensor.Tensor;

/**
 * {@code nn.Linear(in_features, out_features, bias=True)}: {@code y = x W^T + b} with W of shape
 * [out, in], initialised exactly as PyTorch 1.13 does, so a seeded run draws the same weights.
 */
public class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;

    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    public Linear(int inFeatures, int outFeatures, boolean bias) {
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        registerParameter("weight", new Parameter(Torch.empty(new int[] {outFeatures, inFeatures}, Torch.DEFAULT_DTYPE)));
        registerParameter("bias", bias ? new Parameter(Torch.empty(new int[] {outFeatures}, Torch.DEFAULT_DTYPE)) : null);
        resetParameters();
    }

    /**
     * Kaiming-uniform weight (a = sqrt(5)), then bias from U(-1/sqrt(fan_in), 1/sqrt(fan_in)): both
     * from the default generator, in that order.
     */
    public void resetParameters() {
        Init.kaimingUniform_(weight(), Math.sqrt(5), Init.FanMode.FAN_IN, "leaky_relu");
        if (bias() != null) {
            int fanIn = Init.fanInAndFanOut(weight())[0];
            double bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
            Init.uniform_(bias(), -bound, bound);
        }
    }

    public Parameter weight() {
        return (Parameter) get("weight");
    }

    /** The bias, or null when built with {@code bias=false}. */
    public Parameter bias() {
        return (Parameter) get("bias");
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.linear(input, weight(), bias());
    }

    @Override
    public String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + PythonRepr.ofBool(bias() != null);
    }
}
