package org.torchglot.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.torchglot.bindings.PolyglotFixture.CONTEXT;

import org.junit.jupiter.api.Test;

/**
 * torch.utils.data in Python and JavaScript over the engine's samplers and DataLoader: the same
 * batches, collation and generator state as PyTorch 1.13 (the Python script's output is real PyTorch's).
 */
class DataBindingsTest {

    @Test
    void pythonSamplersLoadersAndCollationPrintWhatPyTorchPrints() {
        PolyglotFixture.takeOutput();
        CONTEXT.eval(Language.PYTHON, """
                import torch
                from torch.utils.data import (DataLoader, TensorDataset, RandomSampler, WeightedRandomSampler, BatchSampler, SubsetRandomSampler, IterableDataset, ChainDataset, ConcatDataset, random_split, SequentialSampler)
                torch.manual_seed(11)
                ds = TensorDataset(torch.arange(10), torch.arange(10) * 1.5)
                print([b[0].tolist() for b in DataLoader(ds, batch_size=4, shuffle=True)])
                print(list(RandomSampler(range(10), replacement=True, num_samples=5)))
                print(list(WeightedRandomSampler([0.1, 0.9, 0.4], 6)))
                print(list(BatchSampler(SubsetRandomSampler([5, 3, 8, 1]), 3, drop_last=False)))
                print([b for b in DataLoader(list(range(7)), batch_size=3, sampler=[6, 5, 4, 3, 2, 1, 0])])
                print([b for b in DataLoader([(1, 2.5), (3, 4.5)], batch_size=2)])
                print([b for b in DataLoader([{"a": 1.0, "b": "x"}, {"a": 2.0, "b": "y"}], batch_size=2)])
                class It(IterableDataset):
                    def __iter__(self):
                        return iter(range(5))
                print([b for b in DataLoader(It(), batch_size=2)])
                print(list(ChainDataset([It(), It()]))[:7])
                c = ConcatDataset([list(range(3)), list(range(10, 14))])
                print(len(c), c[4], c[-1], c.cumulative_sizes)
                a, b = random_split(range(10), [0.3, 0.7], generator=torch.Generator().manual_seed(42))
                print(list(a), list(b))
                print([b.tolist() for b in DataLoader(range(9), batch_sampler=BatchSampler(RandomSampler(range(9)), 4, True))])
                try:
                    DataLoader(ds, shuffle=True, sampler=SequentialSampler(ds))
                except ValueError as e:
                    print("ValueError", e)
                print(torch.rand(2))
                """);
        assertEquals("""
                [[4, 3, 2, 6], [7, 9, 8, 5], [1, 0]]
                [4, 7, 2, 7, 6]
                [1, 1, 1, 1, 1, 2]
                [[5, 8, 3], [1]]
                [tensor([6, 5, 4]), tensor([3, 2, 1]), tensor([0])]
                [[tensor([1, 3]), tensor([2.5000, 4.5000], dtype=torch.float64)]]
                [{'a': tensor([1., 2.], dtype=torch.float64), 'b': ['x', 'y']}]
                [tensor([0, 1]), tensor([2, 3]), tensor([4])] 
                [0, 1, 2, 3, 4, 0, 1]
                7 11 13 [3, 7]
                [2, 6, 1] [8, 4, 5, 0, 9, 3, 7]
                [[4, 0, 2, 7], [6, 3, 5, 1]]
                ValueError sampler option is mutually exclusive with shuffle
                tensor([0.3382, 0.8847])
                """, PolyglotFixture.takeOutput());
    }

    @Test
    void javaScriptSamplersDrawTheSameIndices() {
        PolyglotFixture.takeOutput();
        CONTEXT.eval(Language.JS, "(() => {\n" + """
                const torch = require('torch');
                const { DataLoader, TensorDataset, RandomSampler, WeightedRandomSampler, BatchSampler, SubsetRandomSampler,
                  IterableDataset, ConcatDataset } = torch.utils.data;
                torch.manual_seed(11);
                const ds = new TensorDataset(torch.arange(10));
                console.log(JSON.stringify(Array.from(new DataLoader(ds, { batch_size: 4, shuffle: true }), (b) => b[0].tolist())));
                console.log(JSON.stringify([...new RandomSampler({ length: 10 }, { replacement: true, numSamples: 5 })]));
                console.log(JSON.stringify([...new WeightedRandomSampler([0.1, 0.9, 0.4], 6)]));
                console.log(JSON.stringify([...new BatchSampler(new SubsetRandomSampler([5, 3, 8, 1]), 3, false)]));
                class It extends IterableDataset { *[Symbol.iterator]() { yield* [0, 1, 2, 3, 4]; } }
                console.log(JSON.stringify(Array.from(new DataLoader(new It(), { batch_size: 2 }), (b) => b.tolist())));
                const c = new ConcatDataset([new TensorDataset(torch.arange(3)), new TensorDataset(torch.arange(10, 14))]);
                console.log(c.length, c.get(4)[0].item(), JSON.stringify(c.cumulative_sizes));
                console.log(torch.rand(2).tolist().map((v) => v.toFixed(4)).join(' '));
                """ + "})();");
        assertEquals("""
                [[4,3,2,6],[7,9,8,5],[1,0]]
                [4,7,2,7,6]
                [1,1,1,1,1,2]
                [[5,8,3],[1]]
                [[0,1],[2,3],[4]]
                7 11 [3,7]
                0.5820 0.8395
                """, PolyglotFixture.takeOutput());
    }
}
