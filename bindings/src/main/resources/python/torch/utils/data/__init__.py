"""torch.utils.data: datasets and the DataLoader. Batch order comes from the engine's DataLoader, so a
seeded shuffle visits samples in PyTorch's order."""
import java
from torch import _bridge
from torch._bridge import to_java, wrap

_JDataLoader = java.type("org.torchglot.engine.data.DataLoader")
_JTensorDataset = java.type("org.torchglot.engine.data.TensorDataset")
_JDataUtils = java.type("org.torchglot.engine.data.DataUtils")


class Dataset:
    def __getitem__(self, index):
        raise NotImplementedError

    def __add__(self, other):
        raise NotImplementedError("ConcatDataset is not supported")


class TensorDataset(Dataset):
    def __init__(self, *tensors):
        self.tensors = tensors
        self._j = _bridge.guard(_JTensorDataset, *[t._t for t in tensors])

    def __getitem__(self, index):
        return tuple(t[index] for t in self.tensors)

    def __len__(self):
        return self.tensors[0].size(0)


class Subset(Dataset):
    def __init__(self, dataset, indices):
        self.dataset = dataset
        self.indices = list(indices)

    def __getitem__(self, idx):
        return self.dataset[self.indices[idx]]

    def __len__(self):
        return len(self.indices)


class _IndexOnly:
    """Stands in for a Python dataset on the engine side, which only needs its length."""


def _length_dataset(n):
    return _JTensorDataset(_bridge.TABLE.call("zeros", [n], None, _bridge._ZERO_BASED))


def default_collate(batch):
    from torch import stack, tensor
    from torch._tensor import Tensor
    first = batch[0]
    if isinstance(first, Tensor):
        return stack(list(batch))
    if isinstance(first, (int, float)):
        return tensor(list(batch))
    if isinstance(first, (tuple, list)):
        return [default_collate([b[i] for b in batch]) for i in range(len(first))]
    if isinstance(first, dict):
        return {k: default_collate([b[k] for b in batch]) for k in first}
    if type(first).__name__ == "ndarray":
        from torch import from_numpy
        return stack([from_numpy(b) for b in batch])
    return list(batch)


class DataLoader:
    def __init__(self, dataset, batch_size=1, shuffle=False, sampler=None, batch_sampler=None, num_workers=0,
                 collate_fn=None, pin_memory=False, drop_last=False, timeout=0, worker_init_fn=None,
                 generator=None, **kwargs):
        self.dataset = dataset
        self.batch_size = batch_size
        self.drop_last = drop_last
        self.collate_fn = collate_fn
        jdataset = dataset._j if isinstance(dataset, TensorDataset) else _length_dataset(len(dataset))
        self._j = _bridge.guard(_JDataLoader, jdataset, int(batch_size), bool(shuffle), bool(drop_last),
                                None if generator is None else generator._g)

    def __len__(self):
        return self._j.len()

    def __iter__(self):
        if isinstance(self.dataset, TensorDataset) and self.collate_fn is None:
            for batch in self._j:
                yield [wrap(t) for t in batch]
            return
        collate = self.collate_fn or default_collate
        for indices in self._j.batchIndices():
            yield collate([self.dataset[int(i)] for i in indices])


def random_split(dataset, lengths, generator=None):
    n = len(dataset)
    jsubsets = _bridge.guard(_JDataUtils.randomSplit, _length_dataset(n), [float(x) for x in lengths],
                             None if generator is None else generator._g)
    return [Subset(dataset, [int(i) for i in s.indices()]) for s in jsubsets]
