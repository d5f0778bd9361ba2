"""numpy.ndarray: a thin face on an engine tensor (attribute `_t`). numpy's own semantics are
mapped here: float64 by default, numpy's type promotion, `axis=` and `keepdims=`, reductions
that return numpy scalars, and numpy's printing (through the engine's NumpyFormatter)."""
import builtins
from numpy import _bridge
from numpy._bridge import call, guard, JTensor, JNumpyFormatter
from numpy import _dtypes
from numpy._dtypes import as_dtype, from_java, kind_of_python

_CATEGORY = {"BOOL": 0, "INT64": 1, "FLOAT32": 2, "FLOAT64": 2}
_KIND_CATEGORY = {"b": 0, "i": 1, "f": 2}


def _wrap(jtensor):
    a = object.__new__(ndarray)
    a._t = jtensor
    return a


def _result(jtensor):
    """A 0-d result as a numpy scalar, anything else as an array."""
    return _dtypes.scalar(jtensor) if jtensor.dim() == 0 else _wrap(jtensor)


def _is_tensor_like(x):
    return hasattr(x, "_t")


def asarray(obj, dtype=None):
    """obj as an ndarray, without copying when it already is one of the requested dtype."""
    dt = as_dtype(dtype)
    if isinstance(obj, ndarray):
        return obj if dt is None or dt._j == obj._t.dtype() else obj.astype(dt)
    return array(obj, dtype=dt)


def array(obj, dtype=None, copy=True, ndmin=0):
    """A new array from nested sequences, scalars, arrays or tensors (float64 for floats, int64 for ints)."""
    dt = as_dtype(dtype)
    if _is_tensor_like(obj):
        t = obj._t.detach() if hasattr(obj._t, "detach") else obj._t
        t = t.contiguousCopy() if copy or dt is not None else t
        out = _wrap(t if dt is None else t.to(dt._j))
    elif isinstance(obj, (list, tuple)) and obj and builtins.all(isinstance(x, ndarray) for x in obj):
        from numpy._functions import stack
        out = stack(obj)
        if dt is not None:
            out = out.astype(dt)
    else:
        if isinstance(obj, range):
            obj = list(obj)
        t = call("tensor", obj, dtype=None if dt is None else dt._j)
        # NOTE: the engine infers float32 for float data as torch does; numpy's default is float64,
        # so float data is read again at float64 (no rounding through float32).
        if dt is None and t.dtype() == _bridge.JDType.FLOAT32:
            t = call("tensor", obj, dtype=_bridge.JDType.FLOAT64)
        out = _wrap(t)
    while out.ndim < ndmin:
        out = out[None]
    return out


def _kind(x):
    """(category 0/1/2, is_array, engine dtype name or None) of an operand."""
    if isinstance(x, ndarray):
        name = x._t.dtype().name()
        return _CATEGORY[name], True, name
    k = kind_of_python(x)
    if k is None:
        return None
    if isinstance(x, _dtypes.float32):
        return 2, True, "FLOAT32"
    return _KIND_CATEGORY[k], False, None


def _result_dtype(ka, kb):
    """numpy 1.24's result dtype of a binary operation (value-based casting for Python scalars)."""
    ca, a_array, na = ka
    cb, b_array, nb = kb
    if a_array and b_array:
        if ca == cb:
            return "FLOAT64" if "FLOAT64" in (na, nb) else na
        if builtins.max(ca, cb) == 2:
            # NOTE: int64 with float32 needs float64 to hold every int64; bool with float32 stays float32.
            floating = na if ca == 2 else nb
            other = builtins.min(ca, cb)
            return floating if floating == "FLOAT64" or other == 0 else "FLOAT64"
        return "INT64"
    if a_array or b_array:
        c_arr, n_arr, c_scalar = (ca, na, cb) if a_array else (cb, nb, ca)
        if c_scalar <= c_arr:
            return n_arr
        return "FLOAT64" if c_scalar == 2 else "INT64"
    return ["BOOL", "INT64", "FLOAT64"][builtins.max(ca, cb)]


def _tensor_of(x, name):
    """An operand as an engine tensor of dtype `name`."""
    jdtype = getattr(_bridge.JDType, name)
    if isinstance(x, ndarray):
        t = x._t
        return t if t.dtype() == jdtype else t.to(jdtype)
    return call("tensor", x, dtype=jdtype)


def coerce(a, b, floating=False):
    """Both operands as engine tensors of numpy's result dtype; None when b is not an operand."""
    if isinstance(b, (list, tuple)):
        b = array(b)
    elif _is_tensor_like(b) and not isinstance(b, ndarray):
        return None
    ka, kb = _kind(a), _kind(b)
    if ka is None or kb is None:
        return None
    name = _result_dtype(ka, kb)
    if floating and name in ("BOOL", "INT64"):
        name = "FLOAT64"
    return _tensor_of(a, name), _tensor_of(b, name)


def _binary(op, floating=False, reflected=False):
    def method(self, other):
        pair = coerce(self, other, floating)
        if pair is None:
            return NotImplemented
        x, y = (pair[1], pair[0]) if reflected else pair
        return _result(call(op, x, y))
    method.__name__ = op
    return method


def _floating(x):
    """An engine tensor with int and bool data promoted to float64, as numpy's float functions do."""
    t = x._t
    return t if t.isFloatingPoint() else t.to(_bridge.JDType.FLOAT64)


def _axis_list(axis, ndim):
    if axis is None:
        return None
    return [a for a in axis] if isinstance(axis, (tuple, list)) else [axis]


def _reduce(op, a, axis, keepdims, tensor=None, **extra):
    t = a._t if tensor is None else tensor
    dims = _axis_list(axis, t.dim())
    if dims is None and keepdims:
        dims = list(range(t.dim()))
    if dims is None:
        return _result(call(op, t, **extra))
    return _result(call(op, t, dims, keepdims, **extra))


def _extreme(op, a, axis, keepdims):
    t = a._t
    if t.numel() == 0:
        raise ValueError(f"zero-size array to reduction operation {'maximum' if op == 'max' else 'minimum'} "
                         "which has no identity")
    if axis is None:
        out = call(op, t)
        if keepdims:
            out = out.reshape([1] * t.dim())
        return _result(out)
    if isinstance(axis, (tuple, list)):
        out = a
        for ax in sorted((x % t.dim() for x in axis), reverse=True):
            out = _wrap(call(op, out._t, ax, keepdims)[0])
        return out
    return _result(call(op, t, axis, keepdims)[0])


def _negative_steps(key, shape):
    """The key with backward slices replaced by ':', and (output axis, positions) to gather for each."""
    items = key if isinstance(key, tuple) else (key,)
    if not builtins.any(isinstance(k, slice) and k.step is not None and k.step < 0 for k in items):
        return key, []
    if builtins.any(k is Ellipsis for k in items):
        raise IndexError("slices with a negative step cannot be combined with '...' here")
    plain, flips = [], []
    axis_in = axis_out = 0
    for k in items:
        if k is None:
            axis_out += 1
        elif isinstance(k, slice) and k.step is not None and k.step < 0:
            flips.append((axis_out, list(range(shape[axis_in]))[k]))
            k = slice(None)
            axis_in += 1
            axis_out += 1
        elif isinstance(k, builtins.int) and not isinstance(k, builtins.bool):
            axis_in += 1
        else:
            axis_in += 1
            axis_out += 1
        plain.append(k)
    return tuple(plain), flips


def _shape_args(shape):
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        return list(shape[0])
    return list(shape)


class ndarray:
    __module__ = "numpy"
    """An n-dimensional array of float64, float32, int64 or bool values."""
    __slots__ = ("_t", "__weakref__")

    def __new__(cls, shape, dtype=float):
        dt = as_dtype(dtype)
        shape = [shape] if isinstance(shape, builtins.int) else list(shape)
        return _wrap(call("zeros", shape, dtype=dt._j))

    @classmethod
    def _from_tensor(cls, jtensor):
        """The array sharing an engine tensor's memory (Tensor.numpy())."""
        return _wrap(jtensor)

    # ---- attributes --------------------------------------------------------------------------

    @property
    def shape(self):
        return tuple(self._t.shape())

    @shape.setter
    def shape(self, value):
        self._t = guard(self._t.view, list(value) if isinstance(value, (tuple, list)) else [value])

    @property
    def ndim(self):
        return self._t.dim()

    @property
    def size(self):
        return self._t.numel()

    @property
    def dtype(self):
        return from_java(self._t.dtype())

    @property
    def itemsize(self):
        return self.dtype.itemsize

    @property
    def nbytes(self):
        return self.size * self.dtype.itemsize

    @property
    def T(self):
        return self.transpose()

    # ---- conversions -------------------------------------------------------------------------

    def item(self, *index):
        if index:
            return self[index if len(index) > 1 else index[0]].item()
        if self._t.numel() != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return _dtypes.scalar(self._t.reshape([])).item()

    def tolist(self):
        t = self._t
        kind = t.dtype().name()
        if kind == "INT64":
            flat = [builtins.int(v) for v in t.toLongArray()]
        elif kind == "BOOL":
            flat = [v != 0 for v in t.toDoubleArray()]
        else:
            flat = list(t.toDoubleArray())
        shape = self.shape
        if not shape:
            return flat[0]

        def nest(values, dims):
            if len(dims) == 1:
                return values
            step = len(values) // dims[0] if dims[0] else 0
            return [nest(values[i * step:(i + 1) * step], dims[1:]) for i in range(dims[0])]
        return nest(flat, shape)

    def astype(self, dtype, copy=True):
        dt = as_dtype(dtype)
        if dt._j == self._t.dtype() and not copy:
            return self
        return _wrap(self._t.to(dt._j).contiguousCopy() if dt._j == self._t.dtype() else self._t.to(dt._j))

    def copy(self):
        return _wrap(self._t.contiguousCopy())

    def view(self):
        return _wrap(self._t.view(list(self._t.shape())))

    def fill(self, value):
        self._t.fill_(builtins.float(value))

    def __float__(self):
        return builtins.float(self.item())

    def __int__(self):
        return builtins.int(self.item())

    def __index__(self):
        if self._t.isFloatingPoint() or self._t.dtype().name() == "BOOL" or self._t.numel() != 1:
            raise TypeError("only integer scalar arrays can be converted to a scalar index")
        return self._t.itemLong()

    def __bool__(self):
        if self._t.numel() != 1:
            raise ValueError("The truth value of an array with more than one element is ambiguous. "
                             "Use a.any() or a.all()")
        return self._t.item() != 0

    def __repr__(self):
        t = self._t
        return JNumpyFormatter.repr(t.shape(), t.toDoubleArray(), t.dtype())

    def __str__(self):
        t = self._t
        return JNumpyFormatter.str(t.shape(), t.toDoubleArray(), t.dtype())

    def __format__(self, spec):
        if self._t.dim() == 0:
            return format(self.item(), spec)
        return format(str(self), spec)

    def __len__(self):
        if self._t.dim() == 0:
            raise TypeError("len() of unsized object")
        return self._t.size(0)

    def __iter__(self):
        t = self._t
        if t.dim() == 0:
            raise TypeError("iteration over a 0-d array")
        for i in range(t.size(0)):
            yield _result(t.select(0, i))

    def __contains__(self, item):
        return builtins.bool((self == item).any())

    __hash__ = None

    # ---- indexing ----------------------------------------------------------------------------

    def __getitem__(self, key):
        from torch._tensor import _index_items
        key, flips = _negative_steps(key, self._t.shape())
        t = guard(self._t.index, _index_items(key))
        for axis, positions in flips:
            # NOTE: the engine's slices step forward only; a backward slice becomes a gather (a copy, not a view).
            items = [_bridge.JIndex.all()] * axis + [_bridge.JIndex.select(call("tensor", positions))]
            t = guard(t.index, items)
        return _result(t)

    def __setitem__(self, key, value):
        from torch._tensor import _index_items
        guard(self._t.indexPut, _index_items(key), _tensor_of(value, self._t.dtype().name())
              if isinstance(value, ndarray) else asarray(value, self.dtype)._t)

    # ---- shape -------------------------------------------------------------------------------

    def reshape(self, *shape, order="C"):
        return _wrap(guard(self._t.reshape, _shape_args(shape)))

    def flatten(self):
        return _wrap(self._t.reshape([-1]).contiguousCopy())

    def ravel(self):
        return _wrap(self._t.reshape([-1]))

    def transpose(self, *axes):
        axes = _shape_args(axes) or list(reversed(range(self._t.dim())))
        return _wrap(guard(self._t.permute, axes))

    def squeeze(self, axis=None):
        return _wrap(call("squeeze", self._t, axis))

    def swapaxes(self, a, b):
        return _wrap(call("transpose", self._t, a, b))

    # ---- reductions --------------------------------------------------------------------------

    def sum(self, axis=None, dtype=None, keepdims=False):
        return _reduce("sum", self, axis, keepdims, tensor=None if dtype is None else self._t.to(as_dtype(dtype)._j))

    def mean(self, axis=None, dtype=None, keepdims=False):
        return _reduce("mean", self, axis, keepdims, tensor=_floating(self))

    def prod(self, axis=None, keepdims=False):
        if axis is None:
            out = _result(call("prod", self._t))
            return asarray(out).reshape([1] * self.ndim) if keepdims else out
        return _result(call("prod", self._t, axis, keepdims))

    def std(self, axis=None, ddof=0, keepdims=False):
        return self._variance("std", axis, ddof, keepdims)

    def var(self, axis=None, ddof=0, keepdims=False):
        return self._variance("var", axis, ddof, keepdims)

    def _variance(self, op, axis, ddof, keepdims):
        if ddof not in (0, 1):
            raise NotImplementedError("only ddof=0 and ddof=1 are supported")
        t = _floating(self)
        dims = _axis_list(axis, t.dim())
        if dims is None:
            dims = list(range(t.dim()))
        return _result(call(op, t, dims, ddof == 1, keepdims))

    def max(self, axis=None, keepdims=False):
        return _extreme("max", self, axis, keepdims)

    def min(self, axis=None, keepdims=False):
        return _extreme("min", self, axis, keepdims)

    def argmax(self, axis=None, keepdims=False):
        return _result(call("argmax", self._t, axis, keepdims))

    def argmin(self, axis=None, keepdims=False):
        return _result(call("argmin", self._t, axis, keepdims))

    def all(self, axis=None, keepdims=False):
        if axis is None and not keepdims:
            return _result(call("all", self._t))
        return _reduce("sum", self, axis, keepdims, tensor=call("logical_not", self._t)) == 0

    def any(self, axis=None, keepdims=False):
        if axis is None and not keepdims:
            return _result(call("any", self._t))
        return _reduce("sum", self, axis, keepdims, tensor=self._t.to(_bridge.JDType.BOOL)) > 0

    # ---- element-wise methods ----------------------------------------------------------------

    def dot(self, other):
        from numpy._functions import dot
        return dot(self, other)

    def clip(self, min=None, max=None):
        from numpy._functions import clip
        return clip(self, min, max)

    def round(self, decimals=0):
        from numpy._functions import round_
        return round_(self, decimals)

    # ---- sorting, searching and the rest of numpy's array methods ------------------------------

    def sort(self, axis=-1, kind=None, order=None):
        """Sorts in place, as numpy's method does (np.sort returns a sorted copy)."""
        guard(self._t.copy_, call("sort", self._t, axis, stable=True)[0])

    def argsort(self, axis=-1, kind=None, order=None):
        from numpy._sorting import argsort
        return argsort(self, axis, kind, order)

    def searchsorted(self, v, side="left", sorter=None):
        from numpy._sorting import searchsorted
        return searchsorted(self, v, side, sorter)

    def cumsum(self, axis=None, dtype=None):
        from numpy._sorting import cumsum
        return cumsum(self, axis, dtype)

    def cumprod(self, axis=None, dtype=None):
        from numpy._sorting import cumprod
        return cumprod(self, axis, dtype)

    def diagonal(self, offset=0, axis1=0, axis2=1):
        from numpy._shaping import diagonal
        return diagonal(self, offset, axis1, axis2)

    def trace(self, offset=0, axis1=0, axis2=1, dtype=None):
        from numpy._shaping import trace
        return trace(self, offset, axis1, axis2, dtype)

    def nonzero(self):
        from numpy._functions import nonzero
        return nonzero(self)

    def repeat(self, repeats, axis=None):
        from numpy._shaping import repeat
        return repeat(self, repeats, axis)

    def take(self, indices, axis=None):
        from numpy._functions import take
        return take(self, indices, axis)

    def compress(self, condition, axis=None):
        from numpy._shaping import compress
        return compress(condition, self, axis)

    def ptp(self, axis=None, keepdims=False):
        from numpy._functions import ptp
        return ptp(self, axis, keepdims)

    @property
    def flat(self):
        return _FlatIter(self)

    # ---- operators ---------------------------------------------------------------------------

    __add__ = _binary("add")
    __radd__ = _binary("add", reflected=True)
    __sub__ = _binary("sub")
    __rsub__ = _binary("sub", reflected=True)
    __mul__ = _binary("mul")
    __rmul__ = _binary("mul", reflected=True)
    __truediv__ = _binary("div", floating=True)
    __rtruediv__ = _binary("div", floating=True, reflected=True)
    __floordiv__ = _binary("floor_divide")
    __rfloordiv__ = _binary("floor_divide", reflected=True)
    __mod__ = _binary("remainder")
    __rmod__ = _binary("remainder", reflected=True)
    __pow__ = _binary("pow")
    __rpow__ = _binary("pow", reflected=True)
    __matmul__ = _binary("matmul")
    __rmatmul__ = _binary("matmul", reflected=True)
    __eq__ = _binary("eq")
    __ne__ = _binary("ne")
    __lt__ = _binary("lt")
    __le__ = _binary("le")
    __gt__ = _binary("gt")
    __ge__ = _binary("ge")
    __and__ = _binary("logical_and")
    __or__ = _binary("logical_or")

    def _inplace(op, floating=False):
        def method(self, other):
            pair = coerce(self, other, floating)
            if pair is None:
                return NotImplemented
            result = call(op, pair[0], pair[1])
            if result.dtype() != self._t.dtype():
                raise TypeError(f"Cannot cast ufunc '{op}' output from dtype('{from_java(result.dtype()).name}') "
                                f"to dtype('{self.dtype.name}') with casting rule 'same_kind'")
            guard(self._t.copy_, result)
            return self
        return method

    __iadd__ = _inplace("add")
    __isub__ = _inplace("sub")
    __imul__ = _inplace("mul")
    __itruediv__ = _inplace("div", floating=True)
    __ipow__ = _inplace("pow")
    del _inplace

    def __neg__(self):
        return _wrap(call("neg", self._t))

    def __pos__(self):
        return self.copy()

    def __abs__(self):
        return _wrap(call("abs", self._t))

    def __invert__(self):
        if self._t.dtype().name() != "BOOL":
            raise TypeError("ufunc 'invert' is only supported for bool arrays here")
        return _wrap(call("logical_not", self._t))

    def __reduce__(self):
        return (array, (self.tolist(), self.dtype.name))


class _FlatIter:
    """numpy's a.flat: the array's elements in row-major order, readable and writable by index."""
    __slots__ = ("base",)

    def __init__(self, base):
        self.base = base

    def __len__(self):
        return self.base.size

    def __iter__(self):
        return iter(self.base.ravel())

    def __getitem__(self, key):
        return self.base.ravel()[key]

    def __setitem__(self, key, value):
        # NOTE: the write goes through a flat copy so that non-contiguous arrays (a.T.flat) are written too.
        flat = self.base.flatten()
        flat[key] = value
        self.base[...] = flat.reshape(self.base.shape)

    def __array__(self):
        return self.base.flatten()


_FlatIter.__name__ = _FlatIter.__qualname__ = "flatiter"
_FlatIter.__module__ = "numpy"
