"""Named tuples PyTorch returns from max(dim), min(dim) and friends."""
from collections import namedtuple

_Pair = namedtuple("values_indices", ["values", "indices"])


class values_indices(_Pair):
    __slots__ = ()

    def __repr__(self):
        return f"torch.return_types.max(\nvalues={self.values!r},\nindices={self.indices!r})"
