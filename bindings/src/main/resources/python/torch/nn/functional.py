"""torch.nn.functional (import as F): every function comes from the engine's functional op table."""
import sys as _sys
from torch import _bridge


def __getattr__(name):
    if _bridge.FUNCTIONAL.has(name):
        f = _bridge.op_function(name, _bridge.FUNCTIONAL)
        setattr(_sys.modules[__name__], name, f)
        return f
    raise AttributeError(f"module 'torch.nn.functional' has no attribute '{name}'")


def __dir__():
    return sorted(_bridge.FUNCTIONAL.names())
