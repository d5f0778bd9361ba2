package org.torchglot.engine.nn;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.torchglot.engine.tensor.Tensor;

/** {@code nn.ParameterList}: parameters named "0", "1", ...; plain tensors are wrapped as parameters. */
public class ParameterList extends Module implements Iterable<Parameter> {
    public ParameterList() {
    }

    public ParameterList(List<? extends Tensor> values) {
        extend(values);
    }

    static Parameter asParameter(Tensor t) {
        return t instanceof Parameter p ? p : new Parameter(t);
    }

    public Parameter get(int index) {
        return list().get(Sequential.wrapIndex(index, len()));
    }

    public void set(int index, Tensor value) {
        String key = Integer.toString(Sequential.wrapIndex(index, len()));
        registerParameter(key, asParameter(value));
    }

    public int len() {
        return ownParameters().size();
    }

    public ParameterList append(Tensor value) {
        registerParameter(Integer.toString(len()), asParameter(value));
        return this;
    }

    public ParameterList extend(List<? extends Tensor> values) {
        for (Tensor t : values) {
            append(t);
        }
        return this;
    }

    @Override
    public Iterator<Parameter> iterator() {
        return list().iterator();
    }

    private List<Parameter> list() {
        return new ArrayList<>(ownParameters().values());
    }

    /** PyTorch's lines {@code (0): Parameter containing: [torch.float32 of size 2x3]}. */
    @Override
    public String extraRepr() {
        List<String> lines = new ArrayList<>();
        int i = 0;
        for (Parameter p : this) {
            lines.add("  (" + i++ + "): Parameter containing: [torch." + p.dtype().pythonName() + " of size "
                    + sizeText(p) + "]");
        }
        return String.join("\n", lines);
    }

    static String sizeText(Tensor t) {
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < t.dim(); d++) {
            sb.append(d == 0 ? "" : "x").append(t.size(d));
        }
        return sb.toString();
    }
}
