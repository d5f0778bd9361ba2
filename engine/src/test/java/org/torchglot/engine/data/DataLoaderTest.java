package org.torchglot.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.Fixtures;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.Tensor;

/** DataLoader and random_split draw the same orders from the generators as PyTorch 1.13. */
class DataLoaderTest {
    private static final Fixtures F = Fixtures.load("fixtures/training/training.txt");

    private static TensorDataset dataset() {
        return new TensorDataset(Torch.arange(10), Torch.arange(10).mul(Tensor.scalar(10L)));
    }

    private static long[] field(Iterable<List<Tensor>> loader, int field, List<Integer> sizes) {
        List<Tensor> parts = new ArrayList<>();
        for (List<Tensor> batch : loader) {
            parts.add(batch.get(field));
            sizes.add(batch.get(field).size(0));
        }
        return Torch.cat(parts, 0).toLongArray();
    }

    @Test
    void shuffledBatchesFollowPyTorchsOrder() {
        Torch.manualSeed(123);
        DataLoader<Tensor[]> loader = new DataLoader<>(dataset(), 4, true);
        assertEquals(3, loader.len());
        assertArrayEquals(F.longs("data.shuffle.epoch0"), field(loader, 0, new ArrayList<>()));
        assertArrayEquals(F.longs("data.shuffle.epoch1"), field(loader, 0, new ArrayList<>()));
        F.assertBitEqual("data.shuffle.after", Torch.rand(2));

        Torch.manualSeed(7);
        List<Integer> sizes = new ArrayList<>();
        long[] values = field(new DataLoader<>(dataset(), 3, true, true, null), 1, sizes);
        assertArrayEquals(F.longs("data.drop_last.values"), values);
        assertEquals(List.of(3, 3, 3), sizes);

        Torch.manualSeed(7);
        field(new DataLoader<>(dataset(), 3, false), 0, new ArrayList<>());
        F.assertBitEqual("data.sequential.after", Torch.rand(2));

        Generator g = new Generator(42);
        assertArrayEquals(F.longs("data.loader_generator"),
                field(new DataLoader<>(dataset(), 5, true, false, g), 0, new ArrayList<>()));
    }

    @Test
    void randomSplitFollowsPyTorchsOrder() {
        TensorDataset ds = dataset();
        List<Long> picked = new ArrayList<>();
        for (Subset<Tensor[]> s : DataUtils.randomSplit(ds, new double[] {0.3, 0.3, 0.4}, new Generator(42))) {
            s.indices().forEach(i -> picked.add((long) i));
        }
        assertArrayEquals(F.longs("data.split_fractions"), picked.stream().mapToLong(Long::longValue).toArray());
        Torch.manualSeed(5);
        List<Subset<Tensor[]>> parts = DataUtils.randomSplit(ds, new double[] {3, 7}, null);
        assertEquals(3, parts.get(0).len());
        List<Long> all = new ArrayList<>();
        parts.forEach(s -> s.indices().forEach(i -> all.add((long) i)));
        assertArrayEquals(F.longs("data.split_default"), all.stream().mapToLong(Long::longValue).toArray());
        assertEquals(all.get(0) * 10, parts.get(0).get(0)[1].itemLong());
    }
}
