"""torch.finfo and torch.iinfo: the numeric limits of the float and integer dtypes, as PyTorch reports them
(the engine's org.torchglot.engine.format.TypeInfo holds them, for every language)."""
import builtins

import java

from torch import _dtypes
from torch._bridge import guard

_JTypeInfo = java.type("org.torchglot.engine.format.TypeInfo")


def _java_dtype(type, function):  # noqa: A002 - PyTorch's parameter name
    if type is None:
        return None
    if not isinstance(type, _dtypes.dtype):
        raise TypeError(f"{function}(): argument 'type' (position 1) must be torch.dtype, not {builtins.type(type).__name__}")
    return type._j



class finfo:
    """Limits of a float dtype: bits, eps, max, min, tiny (= smallest_normal) and resolution."""

    def __init__(self, type=None):  # noqa: A002 - PyTorch's parameter name
        j = guard(_JTypeInfo.finfo, _java_dtype(type, "finfo"))
        self.bits, self.eps, self.max, self.min = int(j.bits()), float(j.eps()), float(j.max()), float(j.min())
        self.tiny, self.smallest_normal, self.resolution = float(j.tiny()), float(j.smallestNormal()), float(j.resolution())
        self.dtype = str(j.dtype())
        self._repr = str(j.toString())

    def __repr__(self):
        return self._repr


class iinfo:
    """Limits of an integer dtype: bits, max and min."""

    def __init__(self, type):  # noqa: A002 - PyTorch's parameter name
        j = guard(_JTypeInfo.iinfo, _java_dtype(type, "iinfo"))
        self.bits, self.min, self.max = int(j.bits()), int(j.min()), int(j.max())
        self.dtype = str(j.dtype())
        self._repr = str(j.toString())

    def __repr__(self):
        return self._repr
