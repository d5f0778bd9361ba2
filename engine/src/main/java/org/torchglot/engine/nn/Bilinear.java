package org.torchglot.engine.nn;

import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.functional.Layers;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code nn.Bilinear(in1_features, in2_features, out_features, bias=True)}: {@code y = x1 W x2 + b},
 * weight and bias from U(-1/sqrt(in1), 1/sqrt(in1)) in that order, as PyTorch initialises them.
 */
public class Bilinear extends Module {
    private final int in1Features;
    private final int in2Features;
    private final int outFeatures;

    public Bilinear(int in1Features, int in2Features, int outFeatures, boolean bias) {
        this.in1Features = in1Features;
        this.in2Features = in2Features;
        this.outFeatures = outFeatures;
        Parameter w = registerParameter("weight", new Parameter(Torch.empty(new int[] {outFeatures, in1Features,
            in2Features}, Torch.DEFAULT_DTYPE)));
        Parameter b = registerParameter("bias", bias ? new Parameter(Torch.empty(new int[] {outFeatures},
                Torch.DEFAULT_DTYPE)) : null);
        double bound = 1 / Math.sqrt(in1Features);
        Init.uniform_(w, -bound, bound);
        if (b != null) {
            Init.uniform_(b, -bound, bound);
        }
    }

    @Override
    public Object forward(Object... args) {
        if (args.length != 2 || !(args[0] instanceof Tensor x1) || !(args[1] instanceof Tensor x2)) {
            throw TorchException.type("Bilinear.forward() takes 3 positional arguments but " + (args.length + 1)
                    + " were given");
        }
        return Layers.bilinear(x1, x2, (Tensor) get("weight"), (Tensor) get("bias"));
    }

    @Override
    public String extraRepr() {
        return "in1_features=" + in1Features + ", in2_features=" + in2Features + ", out_features=" + outFeatures
                + ", bias=" + PythonRepr.ofBool(get("bias") != null);
    }
}
