"""torch.finfo and torch.iinfo: the numeric limits of the float and integer dtypes, as PyTorch reports them."""
from torch import _dtypes

_FLOATS = {
    "float32": (32, 1.1920928955078125e-07, 3.4028234663852886e+38, 1.1754943508222875e-38, 1e-06),
    "float64": (64, 2.220446049250313e-16, 1.7976931348623157e+308, 2.2250738585072014e-308, 1e-15),
}
_INTS = {"int64": (64, -(2 ** 63), 2 ** 63 - 1)}


def _g(v):
    return format(float(v), ".6g")


class finfo:
    """Limits of a float dtype: bits, eps, max, min, tiny (= smallest_normal) and resolution."""

    def __init__(self, type=None):  # noqa: A002 - PyTorch's parameter name
        type = _dtypes.float32 if type is None else type
        if not isinstance(type, _dtypes.dtype) or type._name not in _FLOATS:
            raise TypeError("torch.finfo() requires a floating point input type. Use torch.iinfo to handle "
                            "'torch.finfo'")
        self.bits, self.eps, self.max, self.tiny, self.resolution = _FLOATS[type._name]
        self.min = -self.max
        self.smallest_normal = self.tiny
        self.dtype = type._name

    def __repr__(self):
        return (f"finfo(resolution={_g(self.resolution)}, min={_g(self.min)}, max={_g(self.max)}, "
                f"eps={_g(self.eps)}, smallest_normal={_g(self.smallest_normal)}, tiny={_g(self.tiny)}, "
                f"dtype={self.dtype})")


class iinfo:
    """Limits of an integer dtype: bits, max and min."""

    def __init__(self, type):  # noqa: A002 - PyTorch's parameter name
        if isinstance(type, _dtypes.dtype) and type._name == "bool":
            raise TypeError("torch.bool is not supported by torch.iinfo")
        if not isinstance(type, _dtypes.dtype) or type._name not in _INTS:
            raise TypeError("torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'")
        self.bits, self.min, self.max = _INTS[type._name]
        self.dtype = type._name

    def __repr__(self):
        return f"iinfo(min={_g(self.min)}, max={_g(self.max)}, dtype={self.dtype})"
