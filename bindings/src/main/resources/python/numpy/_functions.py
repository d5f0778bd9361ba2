"""numpy's module functions: creation, element-wise math, linear algebra, joining and comparison."""
import builtins
import math
from numpy import _bridge
from numpy._bridge import call, JDType
from numpy._dtypes import as_dtype, float64 as _float64_scalar, kind_of_python
from numpy._ndarray import ndarray, array, asarray, coerce, _wrap, _result, _floating, _shape_args

_F64 = JDType.FLOAT64


def _dtype_or(dtype, default):
    dt = as_dtype(dtype)
    return (dt or as_dtype(default))._j


def _shape(shape):
    return [shape] if isinstance(shape, builtins.int) else list(shape)


# ---- creation ---------------------------------------------------------------------------------

def zeros(shape, dtype=float):
    return _wrap(call("zeros", _shape(shape), dtype=_dtype_or(dtype, float)))


def ones(shape, dtype=float):
    return _wrap(call("ones", _shape(shape), dtype=_dtype_or(dtype, float)))


def empty(shape, dtype=float):
    return zeros(shape, dtype)


def full(shape, fill_value, dtype=None):
    default = {"b": bool, "i": int}.get(kind_of_python(fill_value), float)
    return _wrap(call("full", _shape(shape), fill_value, dtype=_dtype_or(dtype, default)))


def zeros_like(a, dtype=None):
    a = asarray(a)
    return zeros(a.shape, dtype or a.dtype)


def ones_like(a, dtype=None):
    a = asarray(a)
    return ones(a.shape, dtype or a.dtype)


def empty_like(a, dtype=None):
    return zeros_like(a, dtype)


def full_like(a, fill_value, dtype=None):
    a = asarray(a)
    return full(a.shape, fill_value, dtype or a.dtype)


def arange(start, stop=None, step=1, dtype=None):
    """Values from start (default 0) to stop, exclusive: int64 for ints, float64 as soon as one bound is a float."""
    if stop is None:
        start, stop = 0, start
    default = float if builtins.any(kind_of_python(v) == "f" for v in (start, stop, step)) else int
    return _wrap(call("arange", start, stop, step, dtype=_dtype_or(dtype, default)))


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None):
    """num evenly spaced float64 values, computed as numpy does: arange(num) * step + start, last = stop."""
    div = (num - 1) if endpoint else num
    step = (stop - start) / div if div > 0 else math.nan
    y = arange(0, num, dtype=float)
    y = y * step + start if div > 0 else y * (stop - start) + start
    if endpoint and num > 1:
        y[-1] = stop
    if dtype is not None:
        y = y.astype(dtype)
    return (y, step) if retstep else y


def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None):
    y = power(base, linspace(start, stop, num=num, endpoint=endpoint))
    return y if dtype is None else y.astype(dtype)


def geomspace(start, stop, num=50, endpoint=True, dtype=None):
    """Numbers spaced evenly on a log scale, with numpy's exact end points."""
    if start == 0 or stop == 0:
        raise ValueError("Geometric sequence cannot include zero")
    y = logspace(math.log10(start), math.log10(stop), num=num, endpoint=endpoint)
    if num > 0:
        y[0] = start
        if endpoint and num > 1:
            y[-1] = stop
    return y if dtype is None else y.astype(dtype)


def eye(N, M=None, k=0, dtype=float):
    if k != 0:
        raise NotImplementedError("eye(k != 0) is not supported")
    return _wrap(call("eye", N, M, dtype=_dtype_or(dtype, float)))


def identity(n, dtype=float):
    return eye(n, dtype=dtype)


def copy(a):
    return array(a, copy=True)


# ---- element-wise math ------------------------------------------------------------------------

_KINDS = {"BOOL": 0, "INT64": 1, "FLOAT32": 2, "FLOAT64": 2}


def _ufunc(name, nin, compute):
    """A numpy ufunc: compute(*arrays) with numpy's keyword arguments out= (written in place, so memory shared with a
    tensor sees the result), where= (positions left as they were in out), dtype= (the operands' type) and casting."""
    def f(*args, out=None, where=True, dtype=None, casting="same_kind", order="K", subok=True):
        if len(args) == nin + 1:
            if out is not None:
                raise TypeError("cannot specify 'out' as both a positional and keyword argument")
            out, args = args[nin], args[:nin]
        if len(args) != nin:
            raise TypeError(f"{name}() takes from {nin} to {nin + 1} positional arguments but {len(args)} were given")
        if isinstance(out, tuple):
            out, = out
        if out is not None and not isinstance(out, ndarray):
            raise TypeError("return arrays must be of ArrayType")
        if dtype is not None:
            args = [asarray(a).astype(dtype) for a in args]
        result = compute(*args)
        if out is None and where is True:
            return result
        result = asarray(result)
        if out is not None:
            _check_output(name, result, out, casting)
        if where is not True:
            base = out if out is not None else zeros(result.shape, result.dtype)
            result = _result(call("where", asarray(where, bool)._t, *coerce(asarray(result), base)))
        if out is None:
            return result
        out[...] = result
        return out
    f.__name__ = f.__qualname__ = name
    f.__doc__ = f"numpy.{name}: element-wise, with out=, where=, dtype= and casting= as numpy's ufuncs take them."
    return f


class _UFuncTypeError(TypeError):
    """What numpy raises when a ufunc's result cannot be cast to out's dtype."""


_UFuncTypeError.__name__ = _UFuncTypeError.__qualname__ = "UFuncTypeError"
_UFuncTypeError.__module__ = "numpy.core._exceptions"


def _shape_text(shape):
    return "(" + ",".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def _check_output(name, result, out, casting):
    if _broadcast(result.shape, out.shape) != tuple(out.shape):
        raise ValueError(f"non-broadcastable output operand with shape {_shape_text(out.shape)} doesn't match the "
                         f"broadcast shape {_shape_text(_broadcast(result.shape, out.shape))}")
    frm, to = result._t.dtype().name(), out._t.dtype().name()
    if casting != "unsafe" and _KINDS[frm] > _KINDS[to]:
        raise _UFuncTypeError(f"Cannot cast ufunc '{name}' output from dtype('{result.dtype}') to dtype('{out.dtype}') "
                              f"with casting rule '{casting}'")


def _broadcast(a, b):
    a, b = tuple(a), tuple(b)
    n = builtins.max(len(a), len(b))
    a, b = (1,) * (n - len(a)) + a, (1,) * (n - len(b)) + b
    return tuple(builtins.max(x, y) if builtins.min(x, y) != 0 else 0 for x, y in zip(a, b))


def _unary(op, floating=True, name=None):
    """A numpy function of one argument: scalars in, numpy scalar out; int data promoted to float64."""
    def compute(x):
        a = asarray(x)
        return _result(call(op, _floating(a) if floating else a._t))
    return _ufunc(name or op, 1, compute)


sin = _unary("sin")
cos = _unary("cos")
exp = _unary("exp")
log = _unary("log")
log1p = _unary("log1p")
tanh = _unary("tanh")
sqrt = _unary("sqrt")
floor = _unary("floor")
ceil = _unary("ceil")
abs = absolute = _unary("abs", floating=False, name="absolute")  # noqa: A001
negative = _unary("neg", floating=False, name="negative")
square = _unary("square", floating=False)
sign = _unary("sign", floating=False)


tan = _unary("tan")
arcsin = _unary("asin", name="arcsin")
arccos = _unary("acos", name="arccos")
arctan = _unary("atan", name="arctan")
sinh = _unary("sinh")
cosh = _unary("cosh")
arcsinh = _unary("asinh", name="arcsinh")
arccosh = _unary("acosh", name="arccosh")
arctanh = _unary("atanh", name="arctanh")
log2 = _unary("log2")
log10 = _unary("log10")
expm1 = _unary("expm1")
deg2rad = _unary("deg2rad")
radians = _unary("deg2rad", name="radians")
rad2deg = _unary("rad2deg")
degrees = _unary("rad2deg", name="degrees")
fix = _unary("trunc", name="fix")
trunc = _unary("trunc")
reciprocal = _unary("reciprocal", floating=False)
rint = _unary("round", name="rint")
fabs = _unary("abs", name="fabs")
positive = _unary("positive", floating=False)
signbit = _unary("signbit", floating=False)


def _pair(op, floating=False, name=None):
    def compute(x, y):
        a = asarray(x) if not isinstance(x, ndarray) and kind_of_python(x) is None else x
        if not isinstance(a, ndarray):
            a = asarray(a)
        tx, ty = coerce(a, y, floating)
        return _result(call(op, tx, ty))
    return _ufunc(name or op, 2, compute)


add = _pair("add")
subtract = _pair("sub", name="subtract")
multiply = _pair("mul", name="multiply")
divide = true_divide = _pair("div", floating=True, name="divide")
power = _pair("pow", name="power")
maximum = _pair("maximum")
minimum = _pair("minimum")
equal = _pair("eq", name="equal")
not_equal = _pair("ne", name="not_equal")
less = _pair("lt", name="less")
greater = _pair("gt", name="greater")
less_equal = _pair("le", name="less_equal")
greater_equal = _pair("ge", name="greater_equal")
logical_and = _pair("logical_and")
logical_or = _pair("logical_or")
logical_not = _unary("logical_not", floating=False)
arctan2 = _pair("atan2", floating=True, name="arctan2")
hypot = _pair("hypot", floating=True)
copysign = _pair("copysign", floating=True)
logaddexp = _pair("logaddexp", floating=True)
fmax = _pair("fmax")
fmin = _pair("fmin")
fmod = _pair("fmod")
floor_divide = _pair("floor_divide")
remainder = mod = _pair("remainder", name="remainder")
heaviside = _pair("heaviside", floating=True)
gcd = _pair("gcd")
logaddexp2 = _pair("logaddexp2", floating=True)
float_power = _pair("float_power", floating=True)
lcm = _pair("lcm")


def divmod(x1, x2):  # noqa: A001
    """(floor_divide(x1, x2), remainder(x1, x2)), element-wise."""
    return floor_divide(x1, x2), remainder(x1, x2)



def _logical_xor(x, y):
    return not_equal(asarray(x, bool), asarray(y, bool))


logical_xor = _ufunc("logical_xor", 2, _logical_xor)


def exp2(x):
    return power(2.0, x)


def round_(a, decimals=0):
    a = asarray(a)
    if decimals == 0:
        return _result(call("round", a._t))
    scale = 10.0 ** decimals
    return _result(call("div", call("round", call("mul", _floating(a), scale)), scale))


around = round_


def clip(a, a_min, a_max):
    a = asarray(a)
    out = a
    if a_min is not None:
        out = maximum(out, a_min)
    if a_max is not None:
        out = minimum(out, a_max)
    return out


def where(condition, x=None, y=None):
    if x is None and y is None:
        return nonzero(condition)
    cond = asarray(condition, bool)
    tx, ty = coerce(asarray(x), y)
    return _result(call("where", cond._t, tx, ty))


def nonzero(a):
    """Indices of the non-zero elements, one int64 array per dimension."""
    a = asarray(a)
    flat = [i for i, v in enumerate(a.ravel().tolist()) if v]
    shape = a.shape
    per_dim = []
    for d in range(len(shape)):
        stride = 1
        for s in shape[d + 1:]:
            stride *= s
        per_dim.append(array([(i // stride) % shape[d] for i in flat], dtype=int))
    return tuple(per_dim)


def isnan(x):
    a = asarray(x)
    return a != a


def isinf(x):
    a = asarray(x)
    return absolute(a) == math.inf


def isposinf(x):
    return asarray(x) == math.inf


def isneginf(x):
    return asarray(x) == -math.inf


def nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):
    """NaN as nan, infinities as posinf/neginf (the dtype's largest and smallest by default); ints unchanged."""
    a = asarray(x)
    if not a._t.isFloatingPoint():
        return a.copy() if copy else a
    out = _result(call("nan_to_num", a._t, nan, posinf=posinf, neginf=neginf))
    if not copy and isinstance(out, ndarray):
        a[...] = out
        return a
    return out


def isfinite(x):
    a = asarray(x)
    return (a == a) & (absolute(a) != math.inf)


# ---- reductions -------------------------------------------------------------------------------

def sum(a, axis=None, dtype=None, keepdims=False):  # noqa: A001
    return asarray(a).sum(axis=axis, dtype=dtype, keepdims=keepdims)


def mean(a, axis=None, keepdims=False):
    return asarray(a).mean(axis=axis, keepdims=keepdims)


def std(a, axis=None, ddof=0, keepdims=False):
    return asarray(a).std(axis=axis, ddof=ddof, keepdims=keepdims)


def var(a, axis=None, ddof=0, keepdims=False):
    return asarray(a).var(axis=axis, ddof=ddof, keepdims=keepdims)


def prod(a, axis=None, keepdims=False):
    return asarray(a).prod(axis=axis, keepdims=keepdims)


def max(a, axis=None, keepdims=False):  # noqa: A001
    return asarray(a).max(axis=axis, keepdims=keepdims)


def min(a, axis=None, keepdims=False):  # noqa: A001
    return asarray(a).min(axis=axis, keepdims=keepdims)


amax = max
amin = min


def argmax(a, axis=None, keepdims=False):
    return asarray(a).argmax(axis=axis, keepdims=keepdims)


def argmin(a, axis=None, keepdims=False):
    return asarray(a).argmin(axis=axis, keepdims=keepdims)


def all(a, axis=None, keepdims=False):  # noqa: A001
    return asarray(a).all(axis=axis, keepdims=keepdims)


def any(a, axis=None, keepdims=False):  # noqa: A001
    return asarray(a).any(axis=axis, keepdims=keepdims)


def count_nonzero(a, axis=None, keepdims=False):
    return asarray(a, bool).astype(int).sum(axis=axis, keepdims=keepdims)


def ptp(a, axis=None, keepdims=False):
    a = asarray(a)
    return a.max(axis=axis, keepdims=keepdims) - a.min(axis=axis, keepdims=keepdims)


def average(a, axis=None, weights=None, returned=False, keepdims=False):
    """The mean, or with weights sum(a * w) / sum(w) (weights of a's shape, or 1-D along axis)."""
    a = asarray(a)
    if weights is None:
        avg = a.mean(axis=axis, keepdims=keepdims)
        count = a.size if axis is None else a.shape[axis]
        return (avg, asarray(count, float) * ones_like(avg) if isinstance(avg, ndarray) else float(count)) \
            if returned else avg
    w = asarray(weights, float)
    if w.shape != a.shape:
        if axis is None or w.ndim != 1 or w.shape[0] != a.shape[axis]:
            raise ValueError("Length of weights not compatible with specified axis.")
        w = w.reshape([a.shape[axis] if d == axis % a.ndim else 1 for d in range(a.ndim)])
        w = w * ones(a.shape)
    total = w.sum(axis=axis, keepdims=keepdims)
    avg = (a * w).sum(axis=axis, keepdims=keepdims) / total
    return (avg, total) if returned else avg


# ---- linear algebra ---------------------------------------------------------------------------

def dot(a, b):
    """Inner product of vectors, matrix product of matrices, product with a scalar."""
    a, b = asarray(a), asarray(b)
    if a.ndim == 0 or b.ndim == 0:
        return multiply(a, b)
    tx, ty = coerce(a, b)
    if a.ndim == 1 and b.ndim == 1:
        return _result(call("dot", tx, ty))
    return _result(call("matmul", tx, ty))


def matmul(a, b):
    a, b = asarray(a), asarray(b)
    if a.ndim == 0 or b.ndim == 0:
        raise ValueError("matmul: Input operand does not have enough dimensions")
    return a @ b


def vdot(a, b):
    return dot(asarray(a).ravel(), asarray(b).ravel())


def tensordot(a, b, axes=2):
    tx, ty = coerce(asarray(a), asarray(b))
    return _wrap(call("tensordot", tx, ty, axes if isinstance(axes, builtins.int) else [list(x) if isinstance(
        x, (list, tuple)) else [x] for x in axes]))


def inner(a, b):
    return dot(a, b)


def outer(a, b):
    a, b = asarray(a).ravel(), asarray(b).ravel()
    return a[:, None] * b[None, :]


# ---- shape and joining ------------------------------------------------------------------------

def reshape(a, newshape, order="C"):
    return asarray(a).reshape(newshape)


def ravel(a):
    return asarray(a).ravel()


def transpose(a, axes=None):
    return asarray(a).transpose(*(axes or ()))


def squeeze(a, axis=None):
    return asarray(a).squeeze(axis)


def expand_dims(a, axis):
    return _wrap(call("unsqueeze", asarray(a)._t, axis))


def atleast_1d(*arys):
    out = [a if a.ndim >= 1 else a.reshape(1) for a in (asarray(x) for x in arys)]
    return out[0] if len(out) == 1 else out


def atleast_2d(*arys):
    out = [a if a.ndim >= 2 else a.reshape(1, -1) for a in (asarray(x) for x in arys)]
    return out[0] if len(out) == 1 else out


def swapaxes(a, axis1, axis2):
    return asarray(a).swapaxes(axis1, axis2)


def moveaxis(a, source, destination):
    a = asarray(a)
    order = [d for d in range(a.ndim) if d != source % a.ndim]
    order.insert(destination % a.ndim, source % a.ndim)
    return a.transpose(order)


def _along(a, axis, index):
    """a[..., index, ...] with index (an int or slice) at axis."""
    key = [slice(None)] * a.ndim
    key[axis] = index
    return a[tuple(key)]


def roll(a, shift, axis=None):
    a = asarray(a)
    shifts = [shift] if isinstance(shift, builtins.int) else list(shift)
    dims = [] if axis is None else [axis] if isinstance(axis, builtins.int) else list(axis)
    return _wrap(call("roll", a._t, shifts, dims))


def rot90(m, k=1, axes=(0, 1)):
    return _wrap(call("rot90", asarray(m)._t, k, list(axes)))


def tril(m, k=0):
    return _wrap(call("tril", asarray(m)._t, k))


def triu(m, k=0):
    return _wrap(call("triu", asarray(m)._t, k))


def tri(N, M=None, k=0, dtype=float):
    return tril(ones((N, N if M is None else M), dtype=dtype), k)


def flip(m, axis=None):
    m = asarray(m)
    axes = range(m.ndim) if axis is None else [axis] if isinstance(axis, builtins.int) else axis
    for ax in axes:
        m = _along(m, ax, slice(None, None, -1))
    return m


def fliplr(m):
    return flip(m, 1)


def flipud(m):
    return flip(m, 0)


def diff(a, n=1, axis=-1):
    """n-th discrete difference along axis: a[1:] - a[:-1], n times."""
    a = asarray(a)
    for _ in range(n):
        a = _along(a, axis, slice(1, None)) - _along(a, axis, slice(None, -1))
    return a


def tile(A, reps):
    """A repeated reps times along each axis (a shorter reps pads with ones on the left, a shorter A with axes)."""
    A = asarray(A)
    reps = [reps] if isinstance(reps, builtins.int) else list(reps)
    reps = [1] * (A.ndim - len(reps)) + reps
    A = A.reshape([1] * (len(reps) - A.ndim) + list(A.shape))
    return _wrap(call("repeat", A._t, reps))


def take(a, indices, axis=None):
    a = asarray(a)
    if axis is None:
        return a.ravel()[asarray(indices) if not isinstance(indices, builtins.int) else indices]
    return _along(a, axis, asarray(indices) if not isinstance(indices, builtins.int) else indices)


def flatnonzero(a):
    return nonzero(asarray(a).ravel())[0]


def argwhere(a):
    indices = nonzero(a)
    return stack(indices, axis=1) if indices else zeros((0, 0), dtype=int)


def isin(element, test_elements, invert=False):
    e = asarray(element)
    t = asarray(test_elements).ravel()
    found = (e.reshape(list(e.shape) + [1]) == t).any(axis=-1) if t.size else zeros(e.shape, dtype=bool)
    return ~found if invert else found


def array_split(ary, indices_or_sections, axis=0):
    """Pieces of ary along axis: n nearly equal sections (the first ones one longer), or cut at the given indices."""
    ary = asarray(ary)
    length = ary.shape[axis]
    if isinstance(indices_or_sections, builtins.int):
        n = indices_or_sections
        if n <= 0:
            raise ValueError("number sections must be larger than 0.")
        each, extra = builtins.divmod(length, n)
        bounds = [0]
        for i in range(n):
            bounds.append(bounds[-1] + each + (1 if i < extra else 0))
    else:
        bounds = [0] + [builtins.min(builtins.max(i if i >= 0 else i + length, 0), length)
                        for i in indices_or_sections] + [length]
    return [_along(ary, axis, slice(lo, builtins.max(lo, hi))) for lo, hi in zip(bounds[:-1], bounds[1:])]


def split(ary, indices_or_sections, axis=0):
    if isinstance(indices_or_sections, builtins.int) and asarray(ary).shape[axis] % indices_or_sections:
        raise ValueError("array split does not result in an equal division")
    return array_split(ary, indices_or_sections, axis)


def meshgrid(*xi, indexing="xy"):
    """Coordinate matrices from 1-D vectors ('xy': the first two axes swapped, as for plotting)."""
    vectors = [asarray(x).ravel() for x in xi]
    shape = [v.size for v in vectors]
    if indexing == "xy" and len(shape) > 1:
        shape[0], shape[1] = shape[1], shape[0]
    grids = []
    for i, v in enumerate(vectors):
        axis = (1 if i == 0 else 0 if i == 1 else i) if indexing == "xy" and len(vectors) > 1 else i
        view = [1] * len(shape)
        view[axis] = v.size
        grids.append(v.reshape(view) * ones(shape, dtype=v.dtype) if v.dtype.name != "bool" else v.reshape(view))
    return grids


def _common(arrays):
    """Arrays converted to one dtype, as numpy promotes them."""
    arrays = [asarray(a) for a in arrays]
    if not arrays:
        raise ValueError("need at least one array to concatenate")
    first = arrays[0]
    for other in arrays[1:]:
        first = _wrap(coerce(first, other)[0])
    name = first._t.dtype()
    return [a._t if a._t.dtype() == name else a._t.to(name) for a in arrays]


def concatenate(arrays, axis=0):
    return _wrap(call("cat", _common(arrays), axis))


def stack(arrays, axis=0):
    return _wrap(call("stack", _common(arrays), axis))


def vstack(arrays):
    return concatenate([a if a.ndim >= 2 else a.reshape(1, -1) for a in (asarray(x) for x in arrays)], 0)


def hstack(arrays):
    arrays = [asarray(a) for a in arrays]
    return concatenate(arrays, 0 if builtins.all(a.ndim == 1 for a in arrays) else 1)


def column_stack(arrays):
    return hstack([a.reshape(-1, 1) if a.ndim == 1 else a for a in (asarray(x) for x in arrays)])


def shape(a):
    return asarray(a).shape


def ndim(a):
    return asarray(a).ndim


def size(a):
    return asarray(a).size


# ---- comparison -------------------------------------------------------------------------------

def isclose(a, b, rtol=1e-05, atol=1e-08):
    """|a - b| <= atol + rtol * |b|, element-wise."""
    a, b = asarray(a, float), asarray(b, float)
    return absolute(a - b) <= atol + rtol * absolute(b)


def allclose(a, b, rtol=1e-05, atol=1e-08):
    return builtins.bool(isclose(a, b, rtol, atol).all())


def array_equal(a1, a2):
    a1, a2 = asarray(a1), asarray(a2)
    return a1.shape == a2.shape and builtins.bool((a1 == a2).all())
