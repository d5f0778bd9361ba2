package org.torchglot.engine.data;

import java.util.ArrayList;
import java.util.List;
import org.torchglot.engine.tensor.TorchException;

/** {@code ConcatDataset(datasets)}: the datasets one after another; item i is found by their cumulative sizes. */
public class ConcatDataset<T> implements Dataset<T> {
    private final List<Dataset<T>> datasets;
    private final int[] cumulativeSizes;

    public ConcatDataset(List<Dataset<T>> datasets) {
        if (datasets.isEmpty()) {
            throw TorchException.value("datasets should not be an empty iterable");
        }
        this.datasets = List.copyOf(datasets);
        cumulativeSizes = new int[datasets.size()];
        int total = 0;
        for (int i = 0; i < datasets.size(); i++) {
            total += datasets.get(i).len();
            cumulativeSizes[i] = total;
        }
    }

    @Override
    public int len() {
        return cumulativeSizes[cumulativeSizes.length - 1];
    }

    /** {@code cumulative_sizes}. */
    public List<Integer> cumulativeSizes() {
        List<Integer> out = new ArrayList<>();
        for (int s : cumulativeSizes) {
            out.add(s);
        }
        return out;
    }

    /** {dataset index, index within it} of item {@code index} (negative counts from the end). */
    public int[] locate(int index) {
        if (index < 0) {
            if (-index > len()) {
                throw TorchException.value("absolute value of index should not exceed dataset length");
            }
            index = len() + index;
        }
        if (index >= len()) {
            throw TorchException.index("list index out of range");
        }
        int dataset = 0;
        while (cumulativeSizes[dataset] <= index) {
            dataset++;
        }
        return new int[] {dataset, dataset == 0 ? index : index - cumulativeSizes[dataset - 1]};
    }

    @Override
    public T get(int index) {
        int[] at = locate(index);
        return datasets.get(at[0]).get(at[1]);
    }
}
