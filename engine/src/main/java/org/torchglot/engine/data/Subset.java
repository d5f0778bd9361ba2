package org.torchglot.engine.data;

import java.util.List;

/** {@code Subset(dataset, indices)}: the items of {@code dataset} at {@code indices}, in that order. */
public class Subset<T> implements Dataset<T> {
    private final Dataset<T> dataset;
    private final List<Integer> indices;

    public Subset(Dataset<T> dataset, List<Integer> indices) {
        this.dataset = dataset;
        this.indices = List.copyOf(indices);
    }

    @Override
    public int len() {
        return indices.size();
    }

    @Override
    public T get(int index) {
        return dataset.get(indices.get(index));
    }

    public List<Integer> indices() {
        return indices;
    }

    public Dataset<T> dataset() {
        return dataset;
    }
}
