package org.torchglot.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.torchglot.engine.Torch;
import org.torchglot.engine.nn.Fixtures;
import org.torchglot.engine.random.Generator;
import org.torchglot.engine.tensor.Tensor;
import org.torchglot.engine.tensor.TorchException;

/** Samplers and DataLoader's sampler options draw the same indices as PyTorch 1.13 (tools/fixtures/data_fixtures.py). */
class SamplerTest {
    private static final Fixtures F = Fixtures.load("fixtures/data/data.txt");
    private static final double[] WEIGHTS = F.doubles("weights");

    private static Map<String, Supplier<Sampler>> samplers() {
        Map<String, Supplier<Sampler>> m = new LinkedHashMap<>();
        m.put("random", () -> new RandomSampler(10, false, null, null));
        m.put("random_generator", () -> new RandomSampler(10, false, null, new Generator(3)));
        m.put("random_replacement", () -> new RandomSampler(10, true, 40, null));
        m.put("random_more_samples", () -> new RandomSampler(6, false, 15, new Generator(4)));
        m.put("subset", () -> new SubsetRandomSampler(List.of(5, 3, 8, 1, 9), null));
        m.put("weighted", () -> new WeightedRandomSampler(WEIGHTS, 12, true, null));
        m.put("weighted_generator", () -> new WeightedRandomSampler(WEIGHTS, 9, true, new Generator(5)));
        m.put("weighted_no_replacement", () -> new WeightedRandomSampler(WEIGHTS, 4, false, null));
        m.put("weighted_one", () -> new WeightedRandomSampler(WEIGHTS, 1, true, null));
        return m;
    }

    private static long[] longs(List<Integer> values) {
        return values.stream().mapToLong(Integer::longValue).toArray();
    }

    @Test
    void everySamplerDrawsPyTorchsIndices() {
        samplers().forEach((name, make) -> {
            Torch.manualSeed(11);
            Sampler sampler = make.get();
            for (int epoch = 0; epoch < 2; epoch++) {
                List<Integer> indices = sampler.indices();
                assertArrayEquals(F.longs("sampler." + name + "." + epoch), longs(indices), name);
                assertEquals(sampler.len(), indices.size(), name);
            }
            F.assertBitEqual("sampler." + name + ".after", Torch.rand(2));
        });
    }

    private static Map<String, Supplier<DataLoader<Tensor[]>>> loaders() {
        TensorDataset data = new TensorDataset(Torch.arange(10));
        double[] weights = new double[WEIGHTS.length + 3];
        System.arraycopy(WEIGHTS, 0, weights, 0, WEIGHTS.length);
        System.arraycopy(new double[] {1.0, 0.2, 0.7}, 0, weights, WEIGHTS.length, 3);
        Map<String, Supplier<DataLoader<Tensor[]>>> m = new LinkedHashMap<>();
        m.put("loader_sampler", () -> new DataLoader<>(data, 4, false, new RandomSampler(10, true, null, null), null,
                false, null));
        m.put("loader_batch_sampler", () -> new DataLoader<>(data, 1, false, null,
                new BatchSampler(new RandomSampler(10, false, null, null), 3, false), false, null));
        m.put("loader_drop_last", () -> new DataLoader<>(data, 4, true, true, null));
        m.put("loader_weighted", () -> new DataLoader<>(data, 5, false, new WeightedRandomSampler(weights, 10, true,
                null), null, false, null));
        return m;
    }

    @Test
    void loadersWithSamplersGivePyTorchsBatches() {
        loaders().forEach((name, make) -> {
            Torch.manualSeed(11);
            DataLoader<Tensor[]> loader = make.get();
            assertEquals((int) F.longs(name + ".len")[0], loader.len(), name);
            for (int epoch = 0; epoch < 2; epoch++) {
                List<Tensor> parts = new ArrayList<>();
                List<Long> sizes = new ArrayList<>();
                for (List<Tensor> batch : loader) {
                    parts.add(batch.get(0));
                    sizes.add((long) batch.get(0).size(0));
                }
                assertArrayEquals(F.longs(name + "." + epoch), Torch.cat(parts, 0).toLongArray(), name);
                assertArrayEquals(F.longs(name + "." + epoch + ".sizes"),
                        sizes.stream().mapToLong(Long::longValue).toArray(), name);
            }
            F.assertBitEqual(name + ".after", Torch.rand(2));
        });
    }

    @Test
    void batchSamplerAndConcatDatasetIndexLikePyTorch() {
        BatchSampler batches = new BatchSampler(new SequentialSampler(10), 3, false);
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8), List.of(9)), batches.batches());
        assertEquals(F.longs("batch_sampler.sizes").length, batches.len());
        assertEquals(3, new BatchSampler(new SequentialSampler(10), 3, true).len());
        ConcatDataset<Tensor[]> both = new ConcatDataset<>(List.of(new TensorDataset(Torch.arange(3)),
                new TensorDataset(Torch.arange(4))));
        assertEquals(7, both.len());
        assertArrayEquals(new int[] {1, 0}, both.locate(3));
        assertArrayEquals(new int[] {1, 3}, both.locate(-1));
        assertEquals(2L, both.get(5)[0].itemLong());
    }

    @Test
    void exclusiveOptionsFailWithPyTorchsMessages() {
        TensorDataset data = new TensorDataset(Torch.arange(4));
        assertEquals("sampler option is mutually exclusive with shuffle", assertThrows(TorchException.class,
                () -> new DataLoader<>(data, 1, true, new SequentialSampler(4), null, false, null)).getMessage());
        assertEquals("batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last",
                assertThrows(TorchException.class, () -> new DataLoader<>(data, 2, false, null,
                        new BatchSampler(new SequentialSampler(4), 2, false), false, null)).getMessage());
        assertEquals("num_samples should be a positive integer value, but got num_samples=0",
                assertThrows(TorchException.class, () -> new RandomSampler(4, true, 0, null)).getMessage());
    }
}
