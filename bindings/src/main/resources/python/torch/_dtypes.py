"""torch.dtype objects over the engine's DType."""
from torch import _bridge


class dtype:
    __slots__ = ("_j", "_name")

    def __init__(self, jdtype, name):
        self._j = jdtype
        self._name = name

    @property
    def is_floating_point(self):
        return self._j.isFloatingPoint()

    @property
    def is_complex(self):
        return False

    @property
    def is_signed(self):
        return self._j != _bridge.JDType.BOOL

    def __repr__(self):
        return "torch." + self._name

    def __eq__(self, other):
        return isinstance(other, dtype) and other._j == self._j

    def __hash__(self):
        return hash(self._name)

    def __reduce__(self):
        return (_by_name, (self._name,))


float32 = dtype(_bridge.JDType.FLOAT32, "float32")
float64 = dtype(_bridge.JDType.FLOAT64, "float64")
int64 = dtype(_bridge.JDType.INT64, "int64")
bool_ = dtype(_bridge.JDType.BOOL, "bool")

_BY_JAVA = {"FLOAT32": float32, "FLOAT64": float64, "INT64": int64, "BOOL": bool_}
_NAMES = {"float32": float32, "float": float32, "float64": float64, "double": float64, "int64": int64,
          "long": int64, "int": int64, "int32": int64, "bool": bool_}


def _by_name(name):
    return _NAMES[name]


def from_java(jdtype):
    return _BY_JAVA[jdtype.name()]
