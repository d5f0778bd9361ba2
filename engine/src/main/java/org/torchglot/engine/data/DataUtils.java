package org.torchglot.engine.data;

import java.util.ArrayList;
import java.util.List;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.TorchException;

/** Free functions of {@code torch.utils.data}. */
public final class DataUtils {
    private DataUtils() {
    }

    /**
     * {@code random_split(dataset, lengths, generator)}: disjoint subsets from one
     * {@code randperm(len)}. Lengths are counts, or fractions summing to 1 (floored, then the
     * remainder handed out round-robin). A null generator means the default generator.
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, double[] lengths, Generator generator) {
        int n = dataset.len();
        double total = 0;
        for (double l : lengths) {
            total += l;
        }
        int[] counts = new int[lengths.length];
        if (Math.abs(total - 1) <= 1e-9 && total <= 1) {
            int assigned = 0;
            for (int i = 0; i < lengths.length; i++) {
                if (lengths[i] < 0 || lengths[i] > 1) {
                    throw TorchException.value("Fraction at index " + i + " is not between 0 and 1");
                }
                counts[i] = (int) Math.floor(n * lengths[i]);
                assigned += counts[i];
            }
            for (int i = 0; i < n - assigned; i++) {
                counts[i % counts.length]++;
            }
        } else {
            for (int i = 0; i < lengths.length; i++) {
                counts[i] = (int) lengths[i];
            }
        }
        int sum = 0;
        for (int c : counts) {
            sum += c;
        }
        if (sum != n) {
            throw TorchException.value("Sum of input lengths does not equal the length of the input dataset!");
        }
        long[] perm = (generator != null ? generator : Generator.getDefault()).randperm(n);
        List<Subset<T>> out = new ArrayList<>();
        int offset = 0;
        for (int c : counts) {
            List<Integer> indices = new ArrayList<>(c);
            for (int i = offset; i < offset + c; i++) {
                indices.add((int) perm[i]);
            }
            out.add(new Subset<>(dataset, indices));
            offset += c;
        }
        return out;
    }
}
