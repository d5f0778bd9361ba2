"""nn.Parameter: a tensor a module learns, sharing the data it wraps."""
from torch import _bridge
from torch._tensor import Tensor


class Parameter(Tensor):
    def __new__(cls, data=None, requires_grad=True):
        if data is None:
            from torch import empty
            data = empty(0)
        p = object.__new__(cls)
        p._t = _bridge.guard(_bridge.JParameter, data._t, bool(requires_grad))
        return p

    def __init__(self, data=None, requires_grad=True):
        pass
