"""torch.linalg: every function comes from the engine's linalg op table (decompositions on ojalgo)."""
import sys as _sys
from torch import _bridge


def __getattr__(name):
    if _bridge.LINALG.has(name):
        f = _bridge.op_function(name, _bridge.LINALG, "linalg_")
        setattr(_sys.modules[__name__], name, f)
        return f
    raise AttributeError(f"module 'torch.linalg' has no attribute '{name}'")


def __dir__():
    return sorted(_bridge.LINALG.names())
