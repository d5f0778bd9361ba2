package org.torchglot.engine.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/**
 * {@code DataLoader(dataset, batch_size=1, shuffle=False, sampler=None, batch_sampler=None,
 * drop_last=False, generator=None)} in a single process, with PyTorch 1.13's checks and draws: each
 * iteration (epoch) first draws the loader's 63-bit base seed from its generator, then the batch
 * sampler's indices (by default {@link SequentialSampler}, or {@link RandomSampler} when shuffling,
 * which seeds a fresh generator from the default one unless given the loader's generator), so
 * seeded runs see PyTorch's batches.
 *
 * <p>Items that are tensors or tensor tuples ({@link TensorDataset}) are collated by stacking;
 * bindings with other item types iterate {@link #batchIndices()} and collate themselves.
 */
public class DataLoader<T> implements Iterable<List<Tensor>> {
    private final Dataset<T> dataset;
    private final BatchSampler batchSampler;
    private final Generator generator;

    public DataLoader(Dataset<T> dataset, int batchSize, boolean shuffle) {
        this(dataset, batchSize, shuffle, false, null);
    }

    /** {@code generator} null means the default generator. */
    public DataLoader(Dataset<T> dataset, int batchSize, boolean shuffle, boolean dropLast, Generator generator) {
        this(dataset, batchSize, shuffle, null, null, dropLast, generator);
    }

    /**
     * The full constructor: {@code sampler} (indices) excludes {@code shuffle}; {@code batchSampler}
     * (batches of indices) excludes batch_size other than 1, shuffle, sampler and drop_last.
     */
    public DataLoader(Dataset<T> dataset, int batchSize, boolean shuffle, Sampler sampler, BatchSampler batchSampler,
            boolean dropLast, Generator generator) {
        if (sampler != null && shuffle) {
            throw TorchException.value("sampler option is mutually exclusive with shuffle");
        }
        if (batchSampler != null && (batchSize != 1 || shuffle || sampler != null || dropLast)) {
            throw TorchException.value("batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, "
                    + "and drop_last");
        }
        this.dataset = dataset;
        this.generator = generator;
        if (batchSampler == null) {
            Sampler indices = sampler != null ? sampler
                    : shuffle ? new RandomSampler(dataset.len(), false, null, generator)
                    : new SequentialSampler(dataset.len());
            batchSampler = new BatchSampler(indices, batchSize, dropLast);
        }
        this.batchSampler = batchSampler;
    }

    public Dataset<T> dataset() {
        return dataset;
    }

    public BatchSampler batchSampler() {
        return batchSampler;
    }

    /** {@code len(loader)}: the number of batches per epoch. */
    public int len() {
        return batchSampler.len();
    }

    /** One epoch's batches of dataset indices, drawing the epoch's seeds now. */
    public List<List<Integer>> batchIndices() {
        drawSeed(generator != null ? generator : Generator.getDefault());
        return batchSampler.batches();
    }

    /**
     * Starts an epoch whose indices or items a binding produces itself (a guest sampler, an
     * iterable dataset): draws the loader's base seed as PyTorch does for every epoch.
     */
    public static void startEpoch(Generator generator) {
        drawSeed(generator != null ? generator : Generator.getDefault());
    }

    /** {@code torch.empty((), dtype=torch.int64).random_()}: 64 random bits folded to [0, 2^63). */
    static long drawSeed(Generator g) {
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
