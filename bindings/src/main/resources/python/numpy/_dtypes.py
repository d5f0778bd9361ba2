"""numpy's dtypes and scalar types over the engine's DType: float64 (the default for floats),
float32, int64 (the default for ints) and bool. Scalar types are callable constructors and
compare equal to their dtype, as in numpy."""
import builtins
import math
import operator
import struct
from numpy._bridge import JDType, JNumpyFormatter, CMath


def _round_to_float32(value):
    return struct.unpack("f", struct.pack("f", builtins.float(value)))[0]


class generic:
    __module__ = "numpy"
    """Base of numpy's scalar types."""
    __slots__ = ()

    def item(self):
        return _PYTHON_TYPES[self.dtype.name](self)

    @property
    def shape(self):
        return ()

    @property
    def ndim(self):
        return 0


class float64(builtins.float, generic):
    __module__ = "numpy"
    """A float64 scalar: a Python float (as in numpy), printed with Python's repr."""
    __slots__ = ()

    def __new__(cls, value=0.0):
        if hasattr(value, "_t"):
            return value.astype(float64)
        return builtins.float.__new__(cls, value)

    def __neg__(self):
        return float64(-builtins.float(self))

    def __abs__(self):
        return float64(builtins.abs(builtins.float(self)))

    @property
    def dtype(self):
        return _FLOAT64


class float32(builtins.float, generic):
    __module__ = "numpy"
    """A float32 scalar, printed with the shortest digits that identify the float32 value."""
    __slots__ = ()

    def __new__(cls, value=0.0):
        if hasattr(value, "_t"):
            return value.astype(float32)
        return builtins.float.__new__(cls, _round_to_float32(value))

    @property
    def dtype(self):
        return _FLOAT32

    def __repr__(self):
        return JNumpyFormatter.str([], [builtins.float(self)], JDType.FLOAT32)

    __str__ = __repr__

    def __neg__(self):
        return float32(-builtins.float(self))


def _divide(a, b):
    """IEEE division: x / 0 is inf or nan (numpy warns; Python would raise)."""
    if b == 0:
        if a == 0 or a != a:
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)
    return a / b


_ARITHMETIC = {"add": operator.add, "sub": operator.sub, "mul": operator.mul, "truediv": _divide,
               "floordiv": operator.floordiv, "mod": operator.mod, "pow": CMath.pow}


def _install_arithmetic(cls, result_type):
    """float64/float32 scalar arithmetic that keeps numpy's scalar type and uses C's pow, as numpy does."""
    for name, f in _ARITHMETIC.items():
        def forward(self, other, f=f):
            if not isinstance(other, (builtins.int, builtins.float)):
                return NotImplemented
            return result_type(other)(f(builtins.float(self), builtins.float(other)))

        def reflected(self, other, f=f):
            if not isinstance(other, (builtins.int, builtins.float)):
                return NotImplemented
            return result_type(other)(f(builtins.float(other), builtins.float(self)))
        setattr(cls, f"__{name}__", forward)
        setattr(cls, f"__r{name}__", reflected)


# NOTE: in numpy 1.24, float32 with float32 stays float32; with any other number it is float64.
_install_arithmetic(float64, lambda other: float64)
_install_arithmetic(float32, lambda other: float32 if isinstance(other, float32) else float64)


class int64(builtins.int, generic):
    __module__ = "numpy"
    """An int64 scalar (a Python int here)."""
    __slots__ = ()

    def __new__(cls, value=0):
        if hasattr(value, "_t"):
            return value.astype(int64)
        return builtins.int.__new__(cls, value)

    @property
    def dtype(self):
        return _INT64


class bool_(generic):
    __module__ = "numpy"
    """numpy's bool scalar type; its values are Python's True and False here."""
    __slots__ = ()

    def __new__(cls, value=False):
        if hasattr(value, "_t"):
            return value.astype(bool_)
        return builtins.bool(value)


class dtype:
    __module__ = "numpy"
    """A numpy dtype: dtype('float64'). Equal to its scalar type, its name and another dtype of that name."""
    __slots__ = ("name", "type", "itemsize", "kind", "_j")

    def __new__(cls, spec):
        return as_dtype(spec)

    @classmethod
    def _make(cls, name, scalar_type, itemsize, kind, jdtype):
        d = object.__new__(cls)
        d.name, d.type, d.itemsize, d.kind, d._j = name, scalar_type, itemsize, kind, jdtype
        return d

    @property
    def char(self):
        return {"float64": "d", "float32": "f", "int64": "l", "bool": "?"}[self.name]

    def __repr__(self):
        return f"dtype('{self.name}')"

    def __str__(self):
        return self.name

    def __eq__(self, other):
        try:
            return as_dtype(other) is self
        except TypeError:
            return False

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self.name)


_FLOAT64 = dtype._make("float64", float64, 8, "f", JDType.FLOAT64)
_FLOAT32 = dtype._make("float32", float32, 4, "f", JDType.FLOAT32)
_INT64 = dtype._make("int64", int64, 8, "i", JDType.INT64)
_BOOL = dtype._make("bool", bool_, 1, "b", JDType.BOOL)

_BY_JAVA = {"FLOAT64": _FLOAT64, "FLOAT32": _FLOAT32, "INT64": _INT64, "BOOL": _BOOL}
_BY_SPEC = {
    float64: _FLOAT64, builtins.float: _FLOAT64, "float64": _FLOAT64, "float": _FLOAT64, "double": _FLOAT64,
    "f8": _FLOAT64, "d": _FLOAT64, "float_": _FLOAT64,
    float32: _FLOAT32, "float32": _FLOAT32, "single": _FLOAT32, "f4": _FLOAT32, "f": _FLOAT32,
    int64: _INT64, builtins.int: _INT64, "int64": _INT64, "int": _INT64, "i8": _INT64, "long": _INT64, "int_": _INT64,
    bool_: _BOOL, builtins.bool: _BOOL, "bool": _BOOL, "bool_": _BOOL, "?": _BOOL,
}
_PYTHON_TYPES = {"float64": builtins.float, "float32": builtins.float, "int64": builtins.int, "bool": builtins.bool}


def as_dtype(spec):
    """The dtype meant by a dtype, scalar type, Python type or name; None stays None."""
    if spec is None or isinstance(spec, dtype):
        return spec
    inner = getattr(spec, "dtype", None)
    if isinstance(inner, dtype) and not isinstance(spec, type):
        return inner
    try:
        return _BY_SPEC[spec]
    except (KeyError, TypeError):
        pass
    jname = getattr(getattr(spec, "_j", None), "name", None)
    if jname is not None and jname() in _BY_JAVA:
        return _BY_JAVA[jname()]
    raise TypeError(f"data type {spec!r} not understood")


def from_java(jdtype):
    return _BY_JAVA[jdtype.name()]


def scalar(jtensor):
    """The numpy scalar of a one-element engine tensor."""
    kind = jtensor.dtype().name()
    if kind == "FLOAT64":
        return float64(jtensor.item())
    if kind == "FLOAT32":
        return float32(jtensor.item())
    if kind == "INT64":
        return int64(jtensor.itemLong())
    return jtensor.item() != 0


def kind_of_python(value):
    """numpy's kind of a Python scalar: 'b', 'i' or 'f'; None when it is not a number."""
    if isinstance(value, builtins.bool):
        return "b"
    if isinstance(value, builtins.int):
        return "i"
    if isinstance(value, builtins.float):
        return "f"
    return None
