"""The named tuples PyTorch returns from ops such as max(dim), sort and topk (torch.return_types.sort...),
made from the field names an op's signature declares: "(Tensor values, IndexTensor indices)"."""
from collections import namedtuple

_TYPES = {}


def named(op, fields):
    """The torch.return_types class of `op` with `fields`, made once."""
    cls = _TYPES.get(op)
    if cls is None:
        base = namedtuple(op, fields)

        def __repr__(self):
            items = ",\n".join(f"{f}={getattr(self, f)!r}" for f in self._fields)
            return f"torch.return_types.{op}(\n{items})"
        cls = type(op, (base,), {"__slots__": (), "__repr__": __repr__, "__module__": "torch.return_types"})
        _TYPES[op] = cls
        globals()[op] = cls
    return cls


def fields_of(returns):
    """Field names of a signature's tuple return, or None ("(Tensor, Tensor)" has none: a plain tuple)."""
    if not returns.startswith("("):
        return None
    parts = [p.strip().split() for p in returns[1:-1].split(",")]
    return [p[1] for p in parts] if all(len(p) == 2 for p in parts) else None
