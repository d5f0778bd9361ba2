"""numpy's broadcasting, inserting and deleting, splitting, diagonal and product functions, and the
type queries (isscalar, finfo, iinfo), on the engine's broadcast_to, index_select, repeat_interleave,
diag, diagonal, einsum, kron and cross ops."""
import builtins
import numbers
from numpy._bridge import call, JDType
from numpy._ndarray import ndarray, asarray, array, coerce, _wrap, _result
from numpy import _dtypes


class AxisError(ValueError, IndexError):
    """An axis beyond an array's dimensions."""

    def __init__(self, axis, ndim=None, msg_prefix=None):
        if ndim is None:
            super().__init__(axis)
        else:
            message = f"axis {axis} is out of bounds for array of dimension {ndim}"
            super().__init__(f"{msg_prefix}: {message}" if msg_prefix else message)


def check_axis(axis, ndim):
    """axis as a non-negative axis of an ndim-dimensional array; numpy's AxisError beyond it."""
    if not -builtins.max(ndim, 1) <= axis < builtins.max(ndim, 1):
        raise AxisError(axis, ndim)
    return axis % builtins.max(ndim, 1)


# ---- broadcasting ------------------------------------------------------------------------------

def broadcast_shapes(*args):
    """The shape numpy broadcasts the given shapes to; ValueError when they do not broadcast."""
    shapes = [(s,) if isinstance(s, builtins.int) else tuple(s) for s in args]
    n = builtins.max((len(s) for s in shapes), default=0)
    out = []
    for d in range(n):
        sizes = {s[d - n + len(s)] for s in shapes if d - n + len(s) >= 0} - {1}
        if len(sizes) > 1:
            raise ValueError("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between "
                             + _mismatch(shapes))
        out.append(sizes.pop() if sizes else 1)
    return tuple(out)


def _mismatch(shapes):
    """numpy's 'arg i with shape ... and arg j with shape ...' for the first pair that does not broadcast."""
    for i in range(len(shapes)):
        for j in range(i + 1, len(shapes)):
            a, b = shapes[i], shapes[j]
            if builtins.any(x != y and 1 not in (x, y) for x, y in zip(reversed(a), reversed(b))):
                return f"arg {i} with shape {a} and arg {j} with shape {b}."
    return ""


def broadcast_to(array, shape, subok=False):  # noqa: A002
    shape = [shape] if isinstance(shape, builtins.int) else list(shape)
    have = asarray(array).shape
    if len(have) > len(shape) or builtins.any(h not in (1, w) for h, w in zip(reversed(have), reversed(shape))):
        def text(dims):
            return "(" + ",".join(str(d) for d in dims) + ("," if len(dims) == 1 else "") + ")"
        raise ValueError("operands could not be broadcast together with remapped shapes [original->remapped]: "
                         f"{text(have)}  and requested shape {text(shape)}")
    return _wrap(call("broadcast_to", asarray(array)._t, shape))


def broadcast_arrays(*args, subok=False):
    arrays = [asarray(a) for a in args]
    shape = broadcast_shapes(*(a.shape for a in arrays))
    return [a if a.shape == shape else broadcast_to(a, shape) for a in arrays]


# ---- inserting, deleting, repeating ------------------------------------------------------------

def _normal_axis(a, axis):
    """(array, axis): flattened when axis is None."""
    a = asarray(a)
    return (a.ravel(), 0) if axis is None else (a, check_axis(axis, a.ndim))


def _select(a, axis, positions):
    return _wrap(call("index_select", a._t, axis, call("tensor", list(positions), dtype=JDType.INT64)))


def append(arr, values, axis=None):
    from numpy._functions import concatenate
    if axis is None:
        return concatenate([asarray(arr).ravel(), asarray(values).ravel()])
    return concatenate([arr, values], axis=axis)


def insert(arr, obj, values, axis=None):
    """arr with values inserted before the given index (or indices) along axis."""
    from numpy._functions import concatenate, moveaxis
    arr, axis = _normal_axis(arr, axis)
    length = arr.shape[axis]
    scalar = isinstance(obj, builtins.int) or (isinstance(obj, ndarray) and obj.ndim == 0)
    values = asarray(values, arr.dtype)
    if scalar:
        index = builtins.int(obj)
        if not -length <= index <= length:
            raise IndexError(f"index {index} is out of bounds for axis {axis} with size {length}")
        values = array(values, ndmin=arr.ndim)
        values = moveaxis(values, 0, axis)
        count = values.shape[axis]
        indices = [index + length if index < 0 else index] * count
    else:
        indices = [builtins.int(i) for i in (range(length)[obj] if isinstance(obj, slice) else asarray(obj).tolist())]
        indices = [i + length if i < 0 else i for i in indices]
        count = len(indices)
    block_shape = list(arr.shape)
    block_shape[axis] = count
    block = broadcast_to(values, block_shape)
    joined = concatenate([arr, block], axis=axis)
    # numpy places the new items at their index shifted by the new items before them (in stable index order).
    order = sorted(range(count), key=lambda k: indices[k])
    new_at = {indices[k] + rank: length + k for rank, k in enumerate(order)}
    positions, old = [], 0
    for p in range(length + count):
        if p in new_at:
            positions.append(new_at[p])
        else:
            positions.append(old)
            old += 1
    return _select(joined, axis, positions)


def delete(arr, obj, axis=None):
    """arr without the given index, indices or slice along axis."""
    arr, axis = _normal_axis(arr, axis)
    length = arr.shape[axis]
    if isinstance(obj, slice):
        gone = set(range(length)[obj])
    else:
        items = asarray(obj)
        if items.dtype.name == "bool":
            gone = {i for i, flag in enumerate(items.tolist()) if flag}
        else:
            gone = set()
            for i in ([items.item()] if items.ndim == 0 else items.tolist()):
                if not -length <= i < length:
                    raise IndexError(f"index {i} is out of bounds for axis {axis} with size {length}")
                gone.add(i % length)
    return _select(arr, axis, [i for i in range(length) if i not in gone])


def repeat(a, repeats, axis=None):
    a, axis = _normal_axis(a, axis)
    if not isinstance(repeats, builtins.int) and asarray(repeats).size not in (1, a.shape[axis]):
        raise ValueError(f"operands could not be broadcast together with shape ({a.shape[axis]},) "
                         f"({asarray(repeats).size},)")
    reps = repeats if isinstance(repeats, builtins.int) else asarray(repeats)._t
    return _wrap(call("repeat_interleave", a._t, reps, axis))


def ediff1d(ary, to_end=None, to_begin=None):
    from numpy._functions import concatenate, diff
    a = asarray(ary).ravel()
    parts = [diff(a)]
    if to_begin is not None:
        parts.insert(0, asarray(to_begin, a.dtype).ravel())
    if to_end is not None:
        parts.append(asarray(to_end, a.dtype).ravel())
    return concatenate(parts) if len(parts) > 1 else parts[0]


# ---- stacking and splitting --------------------------------------------------------------------

def atleast_3d(*arys):
    out = []
    for a in (asarray(x) for x in arys):
        if a.ndim == 0:
            a = a.reshape(1, 1, 1)
        elif a.ndim == 1:
            a = a.reshape(1, -1, 1)
        elif a.ndim == 2:
            a = a.reshape(a.shape[0], a.shape[1], 1)
        out.append(a)
    return out[0] if len(out) == 1 else out


def dstack(tup):
    from numpy._functions import concatenate
    return concatenate([atleast_3d(a) for a in tup], axis=2)


def hsplit(ary, indices_or_sections):
    from numpy._functions import split
    ary = asarray(ary)
    if ary.ndim == 0:
        raise ValueError("hsplit only works on arrays of 1 or more dimensions")
    return split(ary, indices_or_sections, 1 if ary.ndim > 1 else 0)


def vsplit(ary, indices_or_sections):
    from numpy._functions import split
    ary = asarray(ary)
    if ary.ndim < 2:
        raise ValueError("vsplit only works on arrays of 2 or more dimensions")
    return split(ary, indices_or_sections, 0)


def ix_(*args):
    """Open-mesh index arrays: the k-th of n sequences shaped (1, ..., len, ..., 1)."""
    from numpy._functions import nonzero
    out = []
    for k, seq in enumerate(args):
        seq = asarray(seq)
        if seq.ndim != 1:
            raise ValueError("Cross index must be 1 dimensional")
        if seq.dtype.name == "bool":
            seq = nonzero(seq)[0]
        shape = [1] * len(args)
        shape[k] = seq.size
        out.append(seq.reshape(shape))
    return tuple(out)


def indices(dimensions, dtype=int):
    """A grid of each axis' index, shape (len(dimensions), *dimensions)."""
    from numpy._functions import arange, stack
    dims = list(dimensions)
    grids = []
    for k, n in enumerate(dims):
        shape = [1] * len(dims)
        shape[k] = n
        grids.append(broadcast_to(arange(n, dtype=dtype).reshape(shape), dims))
    return stack(grids) if grids else array([], dtype=dtype)


def take_along_axis(arr, indices, axis):
    arr = asarray(arr)
    if axis is None:
        arr, axis = arr.ravel(), 0
    return _wrap(call("take_along_dim", arr._t, asarray(indices)._t, axis))


def tril_indices(n, k=0, m=None):
    from numpy._functions import ones, tril, nonzero
    return nonzero(tril(ones((n, n if m is None else m), dtype=bool), k))


def triu_indices(n, k=0, m=None):
    from numpy._functions import ones, triu, nonzero
    return nonzero(triu(ones((n, n if m is None else m), dtype=bool), k))


def diag_indices(n, ndim=2):
    from numpy._functions import arange
    return (arange(n),) * ndim


def fill_diagonal(a, val, wrap=False):
    """Writes val on a's main diagonal, in place."""
    from numpy._functions import arange
    a = asarray(a)
    if a.ndim < 2:
        raise ValueError("array must be at least 2-d")
    if a.ndim > 2 and len(set(a.shape)) != 1:
        raise ValueError("All dimensions of input must be of equal length")
    a[(arange(builtins.min(a.shape)),) * a.ndim] = val


def diagflat(v, k=0):
    return diag(asarray(v).ravel(), k)


def unravel_index(indices, shape):
    """The coordinates in an array of the given shape of each flat index (a tuple of int64 arrays or ints)."""
    flat = asarray(indices)
    if not flat.size or flat.dtype.name != "int64":
        raise TypeError("only int indices permitted")
    total = 1
    for d in shape:
        total *= d
    bad = [i for i in flat.ravel().tolist() if not 0 <= i < total]
    if bad:
        raise ValueError(f"index {bad[0]} is out of bounds for array with size {total}")
    out, rest = [], flat
    for d in reversed(list(shape)):
        out.append(rest % d)
        rest = rest // d
    return tuple(reversed(out))


def ravel_multi_index(multi_index, dims):
    """The flat index of each coordinate tuple in an array of shape dims."""
    total = 0
    for coords, d in zip(multi_index, dims):
        coords = asarray(coords)
        if not builtins.all(0 <= i < d for i in coords.ravel().tolist()):
            raise ValueError("invalid entry in coordinates array")
        total = total * d + coords
    return total


def compress(condition, a, axis=None):
    from numpy._functions import nonzero
    a, axis = _normal_axis(a, axis)
    kept = nonzero(asarray(condition, bool).ravel())[0].tolist()
    if kept and kept[-1] >= a.shape[axis]:
        raise IndexError(f"index {kept[-1]} is out of bounds for axis {axis} with size {a.shape[axis]}")
    return _select(a, axis, kept)


def apply_along_axis(func1d, axis, arr, *args, **kwargs):
    """func1d applied to every 1-D slice along axis; its results (scalars or arrays) stacked in that axis' place."""
    from numpy._functions import moveaxis, stack
    arr = asarray(arr)
    moved = moveaxis(arr, axis, -1)
    outer = moved.shape[:-1]
    flat = moved.reshape(-1, moved.shape[-1])
    results = [asarray(func1d(row, *args, **kwargs)) for row in flat]
    out = stack(results).reshape(list(outer) + list(results[0].shape))
    if results[0].ndim == 0:
        return out
    return moveaxis(out, -1, axis % arr.ndim) if results[0].ndim == 1 else out


def fromfunction(function, shape, dtype=float, **kwargs):
    return function(*indices(shape, dtype=dtype), **kwargs)


class _IndexExpression:
    """np.s_ and np.index_exp: what a[...] would receive as its key."""

    def __init__(self, maketuple):
        self._maketuple = maketuple

    def __getitem__(self, item):
        return (item,) if self._maketuple and not isinstance(item, tuple) else item


s_ = _IndexExpression(False)
index_exp = _IndexExpression(True)


class _Grid:
    """np.mgrid (dense) and np.ogrid (open): coordinate arrays from slices, a complex step being a count."""

    def __init__(self, sparse):
        self._sparse = sparse

    def __getitem__(self, key):
        from numpy._functions import arange, linspace, stack
        keys = key if isinstance(key, tuple) else (key,)
        axes = []
        for k in keys:
            start = 0 if k.start is None else k.start
            step = 1 if k.step is None else k.step
            if isinstance(step, complex):
                axes.append(linspace(start, k.stop, builtins.int(abs(step))))
            else:
                axes.append(arange(start, k.stop, step))
        if not isinstance(key, tuple):
            return axes[0]
        shape = [v.size for v in axes]
        grids = []
        for i, v in enumerate(axes):
            view = [1] * len(axes)
            view[i] = v.size
            g = v.reshape(view)
            grids.append(g if self._sparse else broadcast_to(g, shape).copy())
        if self._sparse:
            return grids
        kinds = {g.dtype.name for g in grids}
        return stack([g.astype(float) for g in grids] if "float64" in kinds else grids)


mgrid = _Grid(False)
ogrid = _Grid(True)


# ---- diagonals and products --------------------------------------------------------------------

def diag(v, k=0):
    return _wrap(call("diag", asarray(v)._t, k))


def diagonal(a, offset=0, axis1=0, axis2=1):
    if asarray(a).ndim < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    return _wrap(call("diagonal", asarray(a)._t, offset, axis1, axis2))


def trace(a, offset=0, axis1=0, axis2=1, dtype=None):
    d = diagonal(a, offset, axis1, axis2)
    return d.sum(axis=-1, dtype=dtype)


def einsum(subscripts, *operands, optimize=False):
    arrays = [asarray(o) for o in operands]
    first = arrays[0]
    for other in arrays[1:]:
        first = _wrap(coerce(first, other)[0])
    name = first._t.dtype()
    tensors = [a._t if a._t.dtype() == name else a._t.to(name) for a in arrays]
    return _result(call("einsum", subscripts, *tensors))


def kron(a, b):
    ta, tb = coerce(asarray(a), asarray(b))
    return _wrap(call("kron", ta, tb))


def cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None):
    """The cross product of 3-vectors (or the z component of 2-vectors) along the last axis."""
    a, b = asarray(a), asarray(b)
    if a.shape[-1] == 2 and b.shape[-1] == 2:
        return asarray(a[..., 0] * b[..., 1] - a[..., 1] * b[..., 0])
    if a.shape[-1] not in (2, 3) or b.shape[-1] not in (2, 3):
        raise ValueError("incompatible dimensions for cross product\n(dimension must be 2 or 3)")
    from numpy._functions import concatenate, zeros
    if a.shape[-1] == 2:
        a = concatenate([a, zeros(a.shape[:-1] + (1,), a.dtype)], axis=-1)
    if b.shape[-1] == 2:
        b = concatenate([b, zeros(b.shape[:-1] + (1,), b.dtype)], axis=-1)
    ta, tb = coerce(a, b)
    shape = broadcast_shapes(a.shape, b.shape)
    return _wrap(call("cross", call("broadcast_to", ta, list(shape)), call("broadcast_to", tb, list(shape)), dim=-1))


# ---- type queries ------------------------------------------------------------------------------

def iterable(y):
    try:
        iter(y)
    except TypeError:
        return False
    return True


def asanyarray(a, dtype=None):
    return asarray(a, dtype)


def ascontiguousarray(a, dtype=None):
    return array(a, dtype=dtype, copy=False, ndmin=1)


def array_equiv(a1, a2):
    a1, a2 = asarray(a1), asarray(a2)
    try:
        broadcast_shapes(a1.shape, a2.shape)
    except ValueError:
        return False
    return builtins.bool((a1 == a2).all())


def select(condlist, choicelist, default=0):
    """From the first true condition's choice at each position, default where none is true."""
    from numpy._functions import where
    if len(condlist) != len(choicelist):
        raise ValueError("list of cases must be same length as list of conditions")
    result = asarray(default)
    for cond, choice in reversed(list(zip(condlist, choicelist))):
        result = asarray(where(cond, choice, result))
    shape = broadcast_shapes(*(asarray(c).shape for c in condlist))
    return broadcast_to(result, shape) if result.shape != shape else result


def isscalar(element):
    return isinstance(element, (_dtypes.generic, numbers.Number, str, bytes, memoryview)) and \
        not isinstance(element, ndarray)


class finfo:
    """Machine limits of a float type: eps, max, min, tiny, resolution, bits, precision."""
    _LIMITS = {
        "float64": (2.220446049250313e-16, 1.7976931348623157e+308, 2.2250738585072014e-308, 1e-15, 64, 15),
        "float32": (1.1920929e-07, 3.4028235e+38, 1.1754944e-38, 1e-06, 32, 6),
    }

    def __init__(self, dtype=float):
        dt = _dtypes.as_dtype(dtype if not isinstance(dtype, (builtins.float, ndarray)) else
                              asarray(dtype).dtype)
        if dt.name not in self._LIMITS:
            raise ValueError(f"data type {dt.type!r} not inexact")
        eps, big, tiny, resolution, bits, precision = self._LIMITS[dt.name]
        cast = dt.type
        self.dtype = dt
        self.eps, self.max, self.min = cast(eps), cast(big), cast(-big)
        self.tiny = self.smallest_normal = cast(tiny)
        self.resolution, self.bits, self.precision = cast(resolution), bits, precision

    def __repr__(self):
        return f"finfo(resolution={self.resolution}, min={self.min:.7e}, max={self.max:.7e}, dtype={self.dtype})" \
            if self.bits == 32 else \
            f"finfo(resolution={self.resolution}, min={self.min:.15e}, max={self.max:.15e}, dtype={self.dtype})"


class iinfo:
    """Machine limits of an integer type: min, max, bits."""

    def __init__(self, int_type=int):
        dt = _dtypes.as_dtype(int_type)
        if dt.name != "int64":
            raise ValueError(f"Invalid integer data type {dt.kind!r}.")
        self.dtype, self.kind, self.bits = dt, "i", 64
        self.min, self.max = -2 ** 63, 2 ** 63 - 1

    def __repr__(self):
        return f"iinfo(min={self.min}, max={self.max}, dtype={self.dtype})"
