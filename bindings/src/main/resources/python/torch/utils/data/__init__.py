"""torch.utils.data: datasets, samplers and the DataLoader. Indices come from the engine's samplers and
DataLoader, so seeded shuffles and samplers visit samples in PyTorch's order."""
import java
from torch import _bridge
from torch._bridge import guard as _guard, wrap as _wrap


def _engine(name):
    return java.type("org.torchglot.engine.data." + name)


_JDataLoader = _engine("DataLoader")
_JTensorDataset = _engine("TensorDataset")
_JDataUtils = _engine("DataUtils")
_JSequentialSampler = _engine("SequentialSampler")
_JRandomSampler = _engine("RandomSampler")
_JSubsetRandomSampler = _engine("SubsetRandomSampler")
_JWeightedRandomSampler = _engine("WeightedRandomSampler")
_JBatchSampler = _engine("BatchSampler")
_JConcatDataset = _engine("ConcatDataset")


def _generator(g):
    return None if g is None else g._g


def _ints(values):
    return [int(i) for i in values]


class Dataset:
    def __getitem__(self, index):
        raise NotImplementedError

    def __add__(self, other):
        return ConcatDataset([self, other])


class IterableDataset(Dataset):
    """A dataset that is iterated (``__iter__``) rather than indexed."""

    def __iter__(self):
        raise NotImplementedError

    def __add__(self, other):
        return ChainDataset([self, other])


class TensorDataset(Dataset):
    def __init__(self, *tensors):
        self.tensors = tensors
        self._j = _guard(_JTensorDataset, *[t._t for t in tensors])

    def __getitem__(self, index):
        return tuple(t[index] for t in self.tensors)

    def __len__(self):
        return self.tensors[0].size(0)


class Subset(Dataset):
    def __init__(self, dataset, indices):
        self.dataset = dataset
        self.indices = list(indices)

    def __getitem__(self, idx):
        if isinstance(idx, list):
            return self.dataset[[self.indices[i] for i in idx]]
        return self.dataset[self.indices[idx]]

    def __len__(self):
        return len(self.indices)


def _length_dataset(n):
    """Stands in for a Python dataset on the engine side, which only needs its length."""
    return _JTensorDataset(_bridge.TABLE.call("zeros", [n], None, _bridge._ZERO_BASED))


class ConcatDataset(Dataset):
    def __init__(self, datasets):
        self.datasets = list(datasets)
        for d in self.datasets:
            if isinstance(d, IterableDataset):
                raise AssertionError("ConcatDataset does not support IterableDataset")
        self._j = _guard(_JConcatDataset, [_length_dataset(len(d)) for d in self.datasets])
        self.cumulative_sizes = _ints(self._j.cumulativeSizes())

    def __len__(self):
        return self._j.len()

    def __getitem__(self, idx):
        dataset, sample = _guard(self._j.locate, int(idx))
        return self.datasets[dataset][sample]


class ChainDataset(IterableDataset):
    def __init__(self, datasets):
        self.datasets = datasets

    def __iter__(self):
        for d in self.datasets:
            if not isinstance(d, IterableDataset):
                raise AssertionError("ChainDataset only supports IterableDataset")
            yield from d

    def __len__(self):
        return sum(len(d) for d in self.datasets)


# ---- samplers --------------------------------------------------------------------------------

class Sampler:
    def __init__(self, data_source=None):
        pass

    def __iter__(self):
        raise NotImplementedError


class _EngineSampler(Sampler):
    """A sampler whose indices the engine draws."""

    def __iter__(self):
        return iter(_ints(_guard(self._j.indices)))

    def __len__(self):
        return self._j.len()


class SequentialSampler(_EngineSampler):
    def __init__(self, data_source):
        self.data_source = data_source
        self._j = _JSequentialSampler(len(data_source))


class RandomSampler(_EngineSampler):
    def __init__(self, data_source, replacement=False, num_samples=None, generator=None):
        if not isinstance(replacement, bool):
            raise TypeError("replacement should be a boolean value, but got replacement={}".format(replacement))
        if num_samples is not None and (not isinstance(num_samples, int) or num_samples <= 0):
            raise ValueError("num_samples should be a positive integer value, but got num_samples={}".format(
                num_samples))
        self.data_source = data_source
        self.replacement = replacement
        self.generator = generator
        self._j = _guard(_JRandomSampler, len(data_source), replacement, num_samples, _generator(generator))

    @property
    def num_samples(self):
        return self._j.len()


class SubsetRandomSampler(_EngineSampler):
    def __init__(self, indices, generator=None):
        self.indices = indices
        self.generator = generator
        self._j = _guard(_JSubsetRandomSampler, _ints(indices), _generator(generator))


class WeightedRandomSampler(_EngineSampler):
    def __init__(self, weights, num_samples, replacement=True, generator=None):
        if not isinstance(num_samples, int) or isinstance(num_samples, bool) or num_samples <= 0:
            raise ValueError("num_samples should be a positive integer value, but got num_samples={}".format(
                num_samples))
        if not isinstance(replacement, bool):
            raise ValueError("replacement should be a boolean value, but got replacement={}".format(replacement))
        from torch import as_tensor, float64
        self.weights = as_tensor(weights, dtype=float64)
        if self.weights.dim() != 1:
            raise ValueError("weights should be a 1d sequence but given weights have shape {}".format(
                tuple(self.weights.shape)))
        self.num_samples = num_samples
        self.replacement = replacement
        self.generator = generator
        self._j = _guard(_JWeightedRandomSampler, [float(w) for w in self.weights.tolist()], num_samples, replacement,
                        _generator(generator))


class BatchSampler(Sampler):
    def __init__(self, sampler, batch_size, drop_last):
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size <= 0:
            raise ValueError("batch_size should be a positive integer value, but got batch_size={}".format(batch_size))
        if not isinstance(drop_last, bool):
            raise ValueError("drop_last should be a boolean value, but got drop_last={}".format(drop_last))
        self.sampler = sampler
        self.batch_size = batch_size
        self.drop_last = drop_last
        engine_sampler = sampler._j if isinstance(sampler, _EngineSampler) else None
        self._j = None if engine_sampler is None else _JBatchSampler(engine_sampler, batch_size, drop_last)

    def __iter__(self):
        batches = (_guard(self._j.batches) if self._j is not None
                   else _JBatchSampler.batch(_ints(self.sampler), self.batch_size, self.drop_last))
        return iter([_ints(b) for b in batches])

    def __len__(self):
        if self._j is not None:
            return self._j.len()
        return _JBatchSampler(_JSequentialSampler(len(self.sampler)), self.batch_size, self.drop_last).len()


# ---- collation and the loader --------------------------------------------------------------------

def default_collate(batch):
    """Stacks tensors, makes numbers a tensor (Python floats float64, as PyTorch), collates sequences and
    dicts per field; strings stay a list."""
    from torch import stack, tensor, float64
    from torch._tensor import Tensor
    first = batch[0]
    if isinstance(first, Tensor):
        return stack(list(batch))
    if isinstance(first, float):
        return tensor(list(batch), dtype=float64)
    if isinstance(first, int):
        return tensor(list(batch))
    if isinstance(first, str):
        return list(batch)
    if isinstance(first, dict):
        return {k: default_collate([b[k] for b in batch]) for k in first}
    if isinstance(first, (tuple, list)):
        if any(len(b) != len(first) for b in batch):
            raise RuntimeError("each element in list of batch should be of equal size")
        return [default_collate([b[i] for b in batch]) for i in range(len(first))]
    if type(first).__name__ == "ndarray":
        from torch import from_numpy
        return stack([from_numpy(b) for b in batch])
    return list(batch)


def default_convert(data):
    """What DataLoader does to each item without batching: numpy arrays become tensors, containers are
    converted item by item, anything else is kept."""
    if type(data).__name__ == "ndarray":
        from torch import from_numpy
        return from_numpy(data)
    if isinstance(data, dict):
        return {k: default_convert(v) for k, v in data.items()}
    if isinstance(data, tuple):
        return tuple(default_convert(v) for v in data)
    if isinstance(data, list):
        return [default_convert(v) for v in data]
    return data


def get_worker_info():
    """None: torchglot's DataLoader loads in the main process (num_workers is ignored)."""
    return None


class DataLoader:
    def __init__(self, dataset, batch_size=1, shuffle=None, sampler=None, batch_sampler=None, num_workers=0,
                 collate_fn=None, pin_memory=False, drop_last=False, timeout=0, worker_init_fn=None,
                 multiprocessing_context=None, generator=None, *, prefetch_factor=2, persistent_workers=False,
                 pin_memory_device=""):
        self.dataset = dataset
        self.batch_size = None if batch_sampler is not None else batch_size
        self.drop_last = drop_last
        self.collate_fn = collate_fn
        self.generator = generator
        self.sampler = sampler
        self.batch_sampler = batch_sampler
        self._j = None
        if isinstance(dataset, IterableDataset):
            for name, value in (("shuffle", shuffle), ("sampler", sampler), ("batch_sampler", batch_sampler)):
                if value not in (None, False):
                    raise ValueError("DataLoader with IterableDataset: expected unspecified {} option, but got "
                                     "{}={}".format(name, name, value))
            return
        if batch_size is None:
            raise ValueError("batch_size=None (no automatic batching) is not supported")
        # NOTE: a guest sampler takes part in the engine's option checks as a stand-in; its indices are Python's.
        jsampler = None if sampler is None else getattr(sampler, "_j", None) or _JSequentialSampler(0)
        jbatch_sampler = None
        if batch_sampler is not None:
            jbatch_sampler = getattr(batch_sampler, "_j", None) or _JBatchSampler(_JSequentialSampler(0), 1, False)
        jdataset = dataset._j if isinstance(dataset, TensorDataset) else _length_dataset(len(dataset))
        self._j = _guard(_JDataLoader, jdataset, int(batch_size), bool(shuffle), jsampler, jbatch_sampler,
                        bool(drop_last), _generator(generator))
        self._guest_indices = (sampler is not None and not isinstance(sampler, _EngineSampler)) or (
            batch_sampler is not None and getattr(batch_sampler, "_j", None) is None)

    def __len__(self):
        if self._j is None:
            n = len(self.dataset)
            return n if self.batch_size is None else (
                n // self.batch_size if self.drop_last else -(-n // self.batch_size))
        if self._guest_indices:
            return len(self.batch_sampler) if self.batch_sampler is not None else len(
                BatchSampler(self.sampler, self.batch_size, self.drop_last))
        return self._j.len()

    def _batches(self):
        if self._guest_indices:
            _JDataLoader.startEpoch(_generator(self.generator))
            if self.batch_sampler is not None:
                return iter(self.batch_sampler)
            return iter(BatchSampler(self.sampler, self.batch_size, self.drop_last))
        return iter(_ints(b) for b in _guard(self._j.batchIndices))

    def __iter__(self):
        collate = self.collate_fn or default_collate
        if self._j is None:
            yield from self._iterate_items(collate)
            return
        if isinstance(self.dataset, TensorDataset) and self.collate_fn is None and not self._guest_indices:
            for batch in self._j:
                yield [_wrap(t) for t in batch]
            return
        for indices in self._batches():
            yield collate([self.dataset[i] for i in indices])

    def _iterate_items(self, collate):
        """An IterableDataset: its items in order, batched batch_size at a time."""
        _JDataLoader.startEpoch(_generator(self.generator))
        if self.batch_size is None:
            for item in self.dataset:
                yield (self.collate_fn or default_convert)(item)
            return
        batch = []
        for item in self.dataset:
            batch.append(item)
            if len(batch) == self.batch_size:
                yield collate(batch)
                batch = []
        if batch and not self.drop_last:
            yield collate(batch)


def random_split(dataset, lengths, generator=None):
    n = len(dataset)
    jsubsets = _guard(_JDataUtils.randomSplit, _length_dataset(n), [float(x) for x in lengths], _generator(generator))
    return [Subset(dataset, _ints(s.indices())) for s in jsubsets]
