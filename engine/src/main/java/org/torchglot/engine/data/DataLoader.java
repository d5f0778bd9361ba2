package org.torchglot.engine.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code DataLoader(dataset, batch_size=1, shuffle=False, drop_last=False, generator=None)} in a
 * single process. Each iteration (epoch) draws from the generator exactly as PyTorch 1.13 does:
 * one 63-bit base seed for the iterator, then, when shuffling, a second one that seeds a fresh
 * generator for {@code randperm(len(dataset))}, so seeded runs see the same batches.
 *
 * <p>Items that are tensors or tensor tuples ({@link TensorDataset}) are collated by stacking;
 * bindings with other item types iterate {@link #batchIndices()} and collate themselves.
 */
public class DataLoader<T> implements Iterable<List<Tensor>> {
    private final Dataset<T> dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;
    private final Generator generator;

    public DataLoader(Dataset<T> dataset, int batchSize, boolean shuffle) {
        this(dataset, batchSize, shuffle, false, null);
    }

    /** {@code generator} null means the default generator. */
    public DataLoader(Dataset<T> dataset, int batchSize, boolean shuffle, boolean dropLast, Generator generator) {
        if (batchSize <= 0) {
            throw TorchException.value("batch_size should be a positive integer value, but got batch_size=" + batchSize);
        }
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
        this.generator = generator;
    }

    public Dataset<T> dataset() {
        return dataset;
    }

    public int batchSize() {
        return batchSize;
    }

    /** {@code len(loader)}: the number of batches per epoch. */
    public int len() {
        int n = dataset.len();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** One epoch's batches of dataset indices, drawing the epoch's seeds now. */
    public List<List<Integer>> batchIndices() {
        Generator source = generator != null ? generator : Generator.getDefault();
        drawSeed(source);
        int n = dataset.len();
        long[] order;
        if (shuffle) {
            // NOTE: RandomSampler without a generator seeds a fresh one from the default generator.
            Generator permuter = generator != null ? generator : new Generator(drawSeed(source));
            order = permuter.randperm(n);
        } else {
            order = new long[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
        }
        List<List<Integer>> batches = new ArrayList<>();
        for (int start = 0; start < n; start += batchSize) {
            int end = Math.min(n, start + batchSize);
            if (dropLast && end - start < batchSize) {
                break;
            }
            List<Integer> batch = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                batch.add((int) order[i]);
            }
            batches.add(batch);
        }
        return batches;
    }

    /** {@code torch.empty((), dtype=torch.int64).random_()}: 64 random bits folded to [0, 2^63). */
    private static long drawSeed(Generator g) {
        return g.random64() & Long.MAX_VALUE;
    }

    /** Iterates one epoch of collated batches: one stacked tensor per item field. */
    @Override
    public Iterator<List<Tensor>> iterator() {
        Iterator<List<Integer>> batches = batchIndices().iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return batches.hasNext();
            }

            @Override
            public List<Tensor> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return collate(batches.next());
            }
        };
    }

    private List<Tensor> collate(List<Integer> indices) {
        List<Tensor[]> items = new ArrayList<>(indices.size());
        for (int i : indices) {
            Object item = dataset.get(i);
            if (item instanceof Tensor t) {
                items.add(new Tensor[] {t});
            } else if (item instanceof Tensor[] tuple) {
                items.add(tuple);
            } else {
                throw TorchException.type("default_collate: batch must contain tensors; iterate batchIndices() for "
                        + "other item types");
            }
        }
        List<Tensor> out = new ArrayList<>();
        for (int field = 0; field < items.get(0).length; field++) {
            List<Tensor> column = new ArrayList<>(items.size());
            for (Tensor[] item : items) {
                column.add(item[field]);
            }
            out.add(Tensor.stack(column, 0));
        }
        return out;
    }
}
