package org.torchglot.engine.data;

import java.util.ArrayList;
import java.util.List;
import org.torchglot.engine.random.Generator;

/** {@code SubsetRandomSampler(indices, generator=None)}: the given indices in {@code randperm} order. */
public class SubsetRandomSampler implements Sampler {
    private final List<Integer> subset;
    private final Generator generator;

    public SubsetRandomSampler(List<Integer> indices, Generator generator) {
        this.subset = List.copyOf(indices);
        this.generator = generator;
    }

    @Override
    public int len() {
        return subset.size();
    }

    @Override
    public List<Integer> indices() {
        long[] order = (generator != null ? generator : Generator.getDefault()).randperm(subset.size());
        List<Integer> out = new ArrayList<>(order.length);
        for (long i : order) {
            out.add(subset.get((int) i));
        }
        return out;
    }
}
