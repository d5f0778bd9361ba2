"""numpy's one door to the engine. It reuses torch's bridge (the same op table and error
translation) and adds numpy's conversion of Python values: numpy scalars become plain numbers,
arrays and tensors their engine tensor."""
import builtins
from torch import _bridge as _torch_bridge
import java
from torch._bridge import JTensor, JDType, JIndex, JGenerator, JNumpyFormatter  # noqa: F401

CMath = java.type("org.torchglot.bindings.numpy.CMath")

_TABLE = _torch_bridge.TABLE
_ZERO_BASED = _torch_bridge._ZERO_BASED


def to_java(value):
    """A Python argument as the engine expects it."""
    t = getattr(value, "_t", None)
    if t is not None:
        return t
    if value is None or isinstance(value, (str, builtins.bool)):
        return value
    if isinstance(value, builtins.int):
        return builtins.int(value)
    if isinstance(value, builtins.float):
        return builtins.float(value)
    j = getattr(value, "_j", None)
    if j is not None:
        return j
    if isinstance(value, range):
        value = list(value)
    if isinstance(value, (list, tuple)):
        return [to_java(v) for v in value]
    return value


def call(name, *args, **kwargs):
    """Runs op `name` of the engine's table; returns the raw engine result."""
    jargs = [to_java(a) for a in args]
    jkwargs = {k: to_java(v) for k, v in kwargs.items() if v is not None}
    try:
        return _TABLE.call(name, jargs, jkwargs or None, _ZERO_BASED)
    except BaseException as e:
        py = _torch_bridge.translate(e)
        if py is None:
            raise
        raise py from None


def guard(fn, *args):
    """Calls an engine method, turning engine errors into Python's."""
    return _torch_bridge.guard(fn, *args)
