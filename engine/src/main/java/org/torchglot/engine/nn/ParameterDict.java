package org.torchglot.engine.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** {@code nn.ParameterDict}: parameters by name, in insertion order; plain tensors are wrapped as parameters. */
public class ParameterDict extends Module {
    public ParameterDict() {
    }

    public ParameterDict(Map<String, ? extends Tensor> parameters) {
        update(parameters);
    }

    public Parameter get(String key) {
        if (!ownParameters().containsKey(key)) {
            throw TorchException.index("KeyError: " + PythonRepr.ofString(key));
        }
        return ownParameters().get(key);
    }

    public void set(String key, Tensor value) {
        if (ownParameters().containsKey(key)) {
            unregister(key);
        }
        registerParameter(key, ParameterList.asParameter(value));
    }

    public boolean contains(String key) {
        return ownParameters().containsKey(key);
    }

    public Parameter pop(String key) {
        Parameter p = get(key);
        unregister(key);
        return p;
    }

    public void delete(String key) {
        pop(key);
    }

    public void clear() {
        for (String key : keys()) {
            unregister(key);
        }
    }

    public List<String> keys() {
        return new ArrayList<>(ownParameters().keySet());
    }

    public List<Parameter> values() {
        return new ArrayList<>(ownParameters().values());
    }

    public int len() {
        return ownParameters().size();
    }

    public ParameterDict update(Map<String, ? extends Tensor> parameters) {
        parameters.forEach(this::set);
        return this;
    }

    /** PyTorch's lines {@code (a): Parameter containing: [torch.FloatTensor of size 2x3]}. */
    @Override
    public String extraRepr() {
        List<String> lines = new ArrayList<>();
        ownParameters().forEach((k, p) -> lines.add("  (" + k + "): Parameter containing: [" + legacyTypeName(p)
                + " of size " + ParameterList.sizeText(p) + "]"));
        return String.join("\n", lines);
    }

    /** {@code torch.typename}: torch.FloatTensor, torch.DoubleTensor, torch.LongTensor, torch.BoolTensor. */
    private static String legacyTypeName(Tensor t) {
        return "torch." + t.dtype().scalarTypeName() + "Tensor";
    }
}
