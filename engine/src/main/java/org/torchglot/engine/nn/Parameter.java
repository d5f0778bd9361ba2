package org.torchglot.engine.nn;

import org.torchglot.engine.tensor.Tensor;

/**
 * {@code nn.Parameter}: a leaf tensor that a {@link Module} registers as learnable. It shares the
 * storage of the tensor it wraps and requires grad unless told otherwise.
 */
public class Parameter extends Tensor {
    /** Wraps {@code data} (no copy) as a parameter that requires grad. */
    public Parameter(Tensor data) {
        this(data, true);
    }

    public Parameter(Tensor data, boolean requiresGrad) {
        super(data);
        requiresGrad_(requiresGrad);
    }

    /** PyTorch prints parameters as {@code Parameter containing:} followed by the tensor. */
    @Override
    protected org.torchglot.engine.format.PyTorchFormatter.Suffix printSuffix() {
        return org.torchglot.engine.format.PyTorchFormatter.Suffix.parameter(requiresGrad());
    }

    /** Always true; lets bindings tell parameters from plain tensors without instanceof. */
    public boolean isParameter() {
        return true;
    }
}
