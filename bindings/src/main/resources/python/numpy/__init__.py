"""The parts of numpy that tutorials use, on the torchglot engine: arrays are engine tensors
(float64 by default), printed exactly as numpy 1.24 prints them, and shared with torch through
torch.from_numpy and Tensor.numpy()."""
import math as _math

__version__ = "1.24.2"

from numpy._dtypes import dtype, generic, float64, float32, int64, bool_  # noqa: E402
from numpy._ndarray import ndarray, array, asarray  # noqa: E402
from numpy import _functions, _sorting, _shaping  # noqa: E402
from numpy import random, linalg  # noqa: E402,F401
from numpy._io import save, load, savetxt, loadtxt, genfromtxt  # noqa: E402,F401

# The modules' functions (zeros, cos, sum, concatenate, sort, insert, ...) are numpy's functions.
for _module in (_functions, _sorting, _shaping):
    globals().update({name: f for name, f in vars(_module).items()
                      if not name.startswith("_") and getattr(f, "__module__", None) == _module.__name__})
s_, index_exp, mgrid, ogrid = _shaping.s_, _shaping.index_exp, _shaping.mgrid, _shaping.ogrid  # noqa: E402
round = round_  # noqa: A001, F821

float_ = double = float64
single = float32
int_ = intp = int64
bool8 = bool_
number = floating = integer = generic

pi = _math.pi
e = _math.e
euler_gamma = 0.5772156649015329
inf = Inf = _math.inf
nan = NaN = _math.nan
newaxis = None
