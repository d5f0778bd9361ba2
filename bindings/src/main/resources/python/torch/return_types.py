"""Named tuples PyTorch returns from max(dim), min(dim) and friends."""
from collections import namedtuple

_Pair = namedtuple("values_indices", ["values", "indices"])


class values_indices(_Pair):
    __slots__ = ()

    def __repr__(self):
        return f"torch.return_types.max(\nvalues={self.values!r},\nindices={self.indices!r})"


_NAMED = {}


def named(type_name, fields, values):
    """The named tuple PyTorch returns from an op with named results, e.g. torch.return_types.linalg_slogdet."""
    cls = _NAMED.get((type_name, fields))
    if cls is None:
        base = namedtuple(type_name, fields)

        def __repr__(self):
            inner = ",\n".join(f"{f}={v!r}" for f, v in zip(self._fields, self))
            return f"torch.return_types.{type_name}(\n{inner})"
        cls = type(type_name, (base,), {"__slots__": (), "__repr__": __repr__})
        _NAMED[(type_name, fields)] = cls
    return cls(*values)
