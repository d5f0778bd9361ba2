package org.torchglot.engine.nn;

import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.functional.Activations;
import org.torchglot.engine.tensor.Tensor;

/** {@code nn.PReLU(num_parameters=1, init=0.25)}: x for x > 0, else a learnt slope (one, or one per channel) times x. */
public class PReLU extends Module {
    private final int numParameters;

    public PReLU(int numParameters, double init) {
        this.numParameters = numParameters;
        Tensor w = Torch.empty(new int[] {numParameters}, Torch.DEFAULT_DTYPE);
        w.fillNoGrad(init);
        registerParameter("weight", new Parameter(w));
    }

    public int numParameters() {
        return numParameters;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Activations.prelu(input, (Tensor) get("weight"));
    }

    @Override
    public String extraRepr() {
        return "num_parameters=" + numParameters;
    }
}
