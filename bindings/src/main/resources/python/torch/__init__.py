"""PyTorch's API for Python on the torchglot engine. Ops come from the engine's op table; this
package maps Python idioms onto it."""
import builtins as _builtins
import sys as _sys

__version__ = "1.13.1"

from torch import _bridge
from torch._bridge import call as _call
from torch._dtypes import dtype, float32, float64, int64, bool_ as bool  # noqa: A001
from torch._type_info import finfo, iinfo
from torch._size import Size
from torch._tensor import Tensor
from torch._generator import Generator
from torch.autograd.grad_mode import no_grad, enable_grad, set_grad_enabled, inference_mode, is_inference_mode_enabled
_bridge.late_bind()
from torch import autograd, cuda, return_types, nn, optim, utils, linalg
from torch.serialization import save, load

float = float32  # noqa: A001
double = float64
long = int64
int = int64  # noqa: A001  (the engine has no int32: torch.int is int64 here)
int32 = int64
cfloat = None

default_generator = Generator._wrap(_bridge.JGenerator.getDefault())


class device:
    """torch.device: only the CPU exists."""

    def __init__(self, type="cpu", index=None):
        if isinstance(type, device):
            type = type.type
        self.type = str(type).split(":")[0]
        self.index = index

    def __repr__(self):
        return f"device(type='{self.type}')" if self.index is None else f"device(type='{self.type}', index={self.index})"

    def __str__(self):
        return self.type if self.index is None else f"{self.type}:{self.index}"

    def __eq__(self, other):
        return str(self) == str(other)

    def __hash__(self):
        return hash(str(self))


def tensor(data, dtype=None, device=None, requires_grad=False, pin_memory=False):
    """A tensor copied from data (nested lists, numbers, arrays or tensors)."""
    if isinstance(data, Tensor):
        out = data.detach().clone()
        if dtype is not None:
            out = out.to(dtype)
        return out.requires_grad_(True) if requires_grad else out
    return _call("tensor", (data,), {"dtype": dtype, "requires_grad": requires_grad})


def as_tensor(data, dtype=None, device=None):
    if isinstance(data, Tensor) and (dtype is None or data.dtype == dtype):
        return data
    if hasattr(data, "_t") and type(data).__name__ == "ndarray":
        return from_numpy(data) if dtype is None else from_numpy(data).to(dtype)
    return tensor(data, dtype=dtype)


def from_numpy(array):
    """A tensor sharing the numpy array's memory."""
    return Tensor._wrap(array._t)


def is_tensor(obj):
    return isinstance(obj, Tensor)


def is_floating_point(t):
    return t.is_floating_point()


def numel(t):
    return t.numel()


def manual_seed(seed):
    """Seeds the default generator (libtorch's stream: same seed, same numbers as PyTorch)."""
    _bridge.JGenerator.getDefault().manualSeed(_builtins.int(seed))
    return default_generator


def seed():
    return default_generator.seed()


def initial_seed():
    return default_generator.initial_seed()


def get_rng_state():
    return default_generator.get_state()


def set_rng_state(state):
    default_generator.set_state(state)


def is_grad_enabled():
    return _bridge.JGradMode.isEnabled()


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None):
    _bridge.JPyTorchFormatter.options().set(precision, None if threshold is None else _builtins.float(threshold),
                                            edgeitems, linewidth, profile, sci_mode)


def arange(*args, **kwargs):
    """torch.arange: as in PyTorch, the default dtype follows the bounds' types: any float gives the default dtype."""
    # NOTE: the engine sees Python's 6.0 as JavaScript's 6 (a double either way) and decides by value,
    # which is right for JavaScript's one number type but not for Python's int and float.
    bounds = args + tuple(kwargs[k] for k in ("start", "end", "step") if k in kwargs)
    if kwargs.get("dtype") is None and _builtins.any(_is_float(b) for b in bounds):
        kwargs["dtype"] = _call("get_default_dtype", (), {})
    return _call("arange", args, kwargs)


def _is_float(value):
    return isinstance(value, _builtins.float) or (isinstance(value, Tensor) and value.is_floating_point())


def _typed_constructor(name, dt):
    def make(*args):
        if len(args) == 1 and not isinstance(args[0], _builtins.int):
            return tensor(args[0], dtype=dt)
        return _call("empty", args, {"dtype": dt})
    make.__name__ = name
    return make


FloatTensor = _typed_constructor("FloatTensor", float32)
DoubleTensor = _typed_constructor("DoubleTensor", float64)
LongTensor = _typed_constructor("LongTensor", int64)
IntTensor = _typed_constructor("IntTensor", int64)
BoolTensor = _typed_constructor("BoolTensor", bool)


def __getattr__(name):
    # Every op of the engine's table is a torch function: torch.zeros, torch.matmul, ...
    if _bridge.has_op(name):
        f = _bridge.op_function(name)
        setattr(_sys.modules[__name__], name, f)
        return f
    raise AttributeError(f"module 'torch' has no attribute '{name}'")


def __dir__():
    return sorted(set(globals()) | set(_bridge.TABLE.names()))
