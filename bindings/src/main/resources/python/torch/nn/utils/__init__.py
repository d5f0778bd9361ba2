"""torch.nn.utils: gradient clipping from the engine's utils op table."""
import sys as _sys
from torch import _bridge


def __getattr__(name):
    if _bridge.UTILS.has(name):
        f = _bridge.op_function(name, _bridge.UTILS)
        setattr(_sys.modules[__name__], name, f)
        return f
    raise AttributeError(f"module 'torch.nn.utils' has no attribute '{name}'")


def __dir__():
    return sorted(_bridge.UTILS.names())
