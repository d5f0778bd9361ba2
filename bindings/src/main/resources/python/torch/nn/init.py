"""torch.nn.init: in-place initialisers from the engine's init op table."""
import sys as _sys
from torch import _bridge


def __getattr__(name):
    if _bridge.INIT.has(name):
        f = _bridge.op_function(name, _bridge.INIT)
        setattr(_sys.modules[__name__], name, f)
        return f
    raise AttributeError(f"module 'torch.nn.init' has no attribute '{name}'")


def __dir__():
    return sorted(_bridge.INIT.names())
