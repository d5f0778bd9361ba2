package org.torchglot.engine.nn;

import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.functional.Normalization;
import org.torchglot.engine.tensor.TorchException;
import org.torchglot.engine.tensor.Tensor;

/** {@code nn.GroupNorm(num_groups, num_channels, eps=1e-05, affine=True)}: standardises groups of channels per sample. */
public class GroupNorm extends Module {
    private final int numGroups;
    private final int numChannels;
    private final Number eps;
    private final boolean affine;

    public GroupNorm(int numGroups, int numChannels, Number eps, boolean affine) {
        if (numGroups <= 0 || numChannels % numGroups != 0) {
            throw TorchException.value("num_channels must be divisible by num_groups");
        }
        this.numGroups = numGroups;
        this.numChannels = numChannels;
        this.eps = eps;
        this.affine = affine;
        registerParameter("weight", affine ? new Parameter(Torch.ones(numChannels)) : null);
        registerParameter("bias", affine ? new Parameter(Torch.zeros(numChannels)) : null);
    }

    public int numGroups() {
        return numGroups;
    }

    public int numChannels() {
        return numChannels;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Normalization.groupNorm(input, numGroups, (Tensor) get("weight"), (Tensor) get("bias"), eps.doubleValue());
    }

    @Override
    public String extraRepr() {
        return numGroups + ", " + numChannels + ", eps=" + PythonRepr.ofNumber(eps) + ", affine=" + PythonRepr.ofBool(affine);
    }
}
