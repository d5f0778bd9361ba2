package org.torchglot.engine.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.Tensor;

/** {@code nn.ParameterDict}: parameters by name, in insertion order; plain tensors are wrapped as parameters. */
public class ParameterDict extends NamedDict<Parameter> {
    public ParameterDict() {
    }

    public ParameterDict(Map<String, ? extends Tensor> parameters) {
        update(parameters);
    }

    @Override
    protected Map<String, Parameter> entries() {
        return ownParameters();
    }

    public void set(String key, Tensor value) {
        replace(key);
        registerParameter(key, ParameterList.asParameter(value));
    }

    /** Adds or replaces each entry of {@code parameters}, in its order. */
    public ParameterDict update(Map<String, ? extends Tensor> parameters) {
        parameters.forEach(this::set);
        return this;
    }

    /** PyTorch's lines {@code (a): Parameter containing: [torch.FloatTensor of size 2x3]}. */
    @Override
    public String extraRepr() {
        List<String> lines = new ArrayList<>();
        ownParameters().forEach((k, p) -> lines.add("  (" + k + "): Parameter containing: [" + p.dtype().typeName()
                + " of size " + ParameterList.sizeText(p) + "]"));
        return String.join("\n", lines);
    }
}
