package org.torchglot.engine.data;

import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** {@code TensorDataset(*tensors)}: item i is the tuple of every tensor's i-th row. */
public class TensorDataset implements Dataset<Tensor[]> {
    private final Tensor[] tensors;

    public TensorDataset(Tensor... tensors) {
        for (Tensor t : tensors) {
            if (t.dim() == 0 || t.size(0) != tensors[0].size(0)) {
                throw TorchException.value("Size mismatch between tensors");
            }
        }
        this.tensors = tensors.clone();
    }

    @Override
    public int len() {
        return tensors[0].size(0);
    }

    @Override
    public Tensor[] get(int index) {
        Tensor[] item = new Tensor[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            item[i] = tensors[i].select(0, index);
        }
        return item;
    }

    public Tensor[] tensors() {
        return tensors.clone();
    }
}
