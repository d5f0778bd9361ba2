"""numpy's sorting, searching, counting and statistics functions, on the engine's sort, unique,
searchsorted, bincount, quantile, cumsum and cov ops."""
import builtins
from numpy._bridge import call, JDType
from numpy._ndarray import ndarray, asarray, coerce, _wrap, _result, _floating
from numpy._shaping import check_axis


def _flat_or(a, axis):
    """(tensor, dim): a flattened when axis is None, as numpy's axis=None means."""
    a = asarray(a)
    return (a._t.reshape([-1]), 0) if axis is None else (a._t, check_axis(axis, a.ndim))


def sort(a, axis=-1, kind=None, order=None):
    t, dim = _flat_or(a, axis)
    return _wrap(call("sort", t, dim, stable=True)[0])


def argsort(a, axis=-1, kind=None, order=None):
    t, dim = _flat_or(a, axis)
    return _wrap(call("argsort", t, dim, stable=True))


def cumsum(a, axis=None, dtype=None):
    t, dim = _flat_or(a, axis)
    from numpy._dtypes import as_dtype
    return _wrap(call("cumsum", t, dim, dtype=None if dtype is None else as_dtype(dtype)._j))


def cumprod(a, axis=None, dtype=None):
    t, dim = _flat_or(a, axis)
    from numpy._dtypes import as_dtype
    return _wrap(call("cumprod", t, dim, dtype=None if dtype is None else as_dtype(dtype)._j))


def unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None):
    """The sorted distinct values of the flattened array; with the flags a tuple (values, first indices,
    inverse, counts) in numpy's order."""
    if axis is not None:
        raise NotImplementedError("unique(axis=...) is not supported; call it without axis")
    flat = asarray(ar)._t.reshape([-1])
    values, inverse, counts = call("unique", flat, True, True, True)
    out = [_wrap(values)]
    if return_index:
        first = [-1] * values.numel()
        for position, k in enumerate(inverse.toLongArray()):
            if first[k] < 0:
                first[k] = position
        out.append(_wrap(call("tensor", first, dtype=JDType.INT64)))
    if return_inverse:
        out.append(_wrap(inverse))
    if return_counts:
        out.append(_wrap(counts))
    return out[0] if len(out) == 1 else tuple(out)


def searchsorted(a, v, side="left", sorter=None):
    seq, values = coerce(asarray(a), v if isinstance(v, ndarray) else asarray(v))
    return _result(call("searchsorted", seq, values, side=side,
                        sorter=None if sorter is None else asarray(sorter)._t))


def digitize(x, bins, right=False):
    """The bin of each x: bins increasing or decreasing, right says which edge a bin includes."""
    bins = asarray(bins)
    side = "left" if right else "right"
    if bins.size > 1 and builtins.bool(bins[0] > bins[-1]):
        return len(bins) - searchsorted(bins[::-1], x, side=side)
    return searchsorted(bins, x, side=side)


def bincount(x, weights=None, minlength=0):
    x = asarray(x)
    if x._t.dtype() != JDType.INT64:
        raise TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'")
    return _wrap(call("bincount", x._t, None if weights is None else asarray(weights, float)._t, minlength))


def histogram(a, bins=10, range=None, density=None, weights=None):  # noqa: A002
    """(counts, edges): equal-width bins over range (the data's range by default) or the given edges; the last
    bin includes its right edge."""
    from numpy._functions import linspace, diff
    a = asarray(a).ravel()
    if isinstance(bins, builtins.int):
        first, last = (builtins.float(a.min()), builtins.float(a.max())) if range is None and a.size else \
            (range if range is not None else (0.0, 1.0))
        if first > last:
            raise ValueError("max must be larger than min in range parameter.")
        if first == last:
            first, last = first - 0.5, last + 0.5
        edges = linspace(first, last, bins + 1)
    else:
        edges = asarray(bins)
    n = edges.size - 1
    inside = (a >= edges[0]) & (a <= edges[-1])
    kept = a[inside]
    index = searchsorted(edges, kept, side="right") - 1
    index[index == n] = n - 1
    w = None if weights is None else asarray(weights).ravel()[inside]
    counts = _wrap(call("bincount", index._t, None if w is None else w._t, n))
    if weights is not None and w.dtype.name == "int64":
        counts = counts.astype(int)
    if density:
        return counts / diff(edges) / counts.sum(), edges
    return counts, edges


def interp(x, xp, fp, left=None, right=None):
    """Piecewise-linear interpolation of the points (xp, fp) at x, as numpy's C loop computes it."""
    x_arr, xp, fp = asarray(x, float), asarray(xp, float), asarray(fp, float)
    scalar = x_arr.ndim == 0
    x_arr = x_arr.reshape(-1) if scalar else x_arr
    n = xp.size
    j = asarray(searchsorted(xp, x_arr, side="right")) - 1
    inner = j.clip(0, builtins.max(n - 2, 0))
    x0, y0 = xp[inner], fp[inner]
    x1, y1 = xp[(inner + 1).clip(0, n - 1)], fp[(inner + 1).clip(0, n - 1)]
    from numpy._functions import where
    slope = (y1 - y0) / (x1 - x0) if n > 1 else y0 * 0
    out = where(x_arr == x0, y0, slope * (x_arr - x0) + y0)
    out = where(x_arr >= xp[-1], fp[-1], out)
    out = where(x_arr == xp[-1], fp[-1], out)
    out = where(x_arr < xp[0], fp[0] if left is None else left, out)
    out = where(x_arr > xp[-1], fp[-1] if right is None else right, out)
    return out[0] if scalar else out


def _quantiles(q, scale=1):
    qs = asarray(q, float)
    if not builtins.all(0 <= v <= 1 for v in qs.ravel().tolist()):
        raise ValueError("Percentiles must be in the range [0, 100]" if scale == 100 else
                         "Quantiles must be in the range [0, 1]")
    return qs


def quantile(a, q, axis=None, keepdims=False, method="linear", interpolation=None):
    a = asarray(a)
    t = _floating(a)
    qs = _quantiles(q)
    if axis is not None:
        axis = check_axis(axis, a.ndim)
    if axis is None:
        out = call("quantile", t.reshape([-1]), qs._t, interpolation=interpolation or method)
        if keepdims:
            out = out.reshape(list(qs.shape) + [1] * a.ndim)
        return _result(out)
    return _result(call("quantile", t, qs._t, axis, keepdims, interpolation=interpolation or method))


def nanquantile(a, q, axis=None, keepdims=False, method="linear", interpolation=None):
    a = asarray(a)
    t = _floating(a)
    qs = asarray(q, float)
    how = interpolation or method
    if axis is None:
        out = call("nanquantile", t.reshape([-1]), qs._t, interpolation=how)
        return _result(out.reshape(list(qs.shape) + [1] * a.ndim) if keepdims else out)
    return _result(call("nanquantile", t, qs._t, axis, keepdims, interpolation=how))


def nanpercentile(a, q, axis=None, keepdims=False, method="linear", interpolation=None):
    return nanquantile(a, asarray(q, float) / 100, axis, keepdims, method, interpolation)


def nanmedian(a, axis=None, keepdims=False):
    return nanquantile(a, 0.5, axis, keepdims)


def percentile(a, q, axis=None, keepdims=False, method="linear", interpolation=None):
    return quantile(a, _quantiles(asarray(q, float) / 100, 100), axis, keepdims, method, interpolation)


def median(a, axis=None, keepdims=False):
    return quantile(a, 0.5, axis, keepdims)


def cov(m, y=None, rowvar=True, bias=False, ddof=None):
    """The covariance matrix of the variables in m's rows (columns when rowvar is False)."""
    from numpy._functions import vstack
    m = asarray(m, float)
    if m.ndim == 1:
        m = m.reshape(1, -1)
    if not rowvar and m.shape[0] != 1:
        m = m.T
    if y is not None:
        y = asarray(y, float)
        y = y.reshape(1, -1) if y.ndim == 1 else y if rowvar else y.T
        m = vstack([m, y])
    correction = ddof if ddof is not None else 0 if bias else 1
    out = _wrap(call("cov", m._t, correction=correction))
    return out.reshape(()) if m.shape[0] == 1 else out


def corrcoef(x, y=None, rowvar=True):
    """cov divided by the outer product of the standard deviations, clipped to [-1, 1] as numpy does."""
    from numpy._functions import sqrt, clip
    from numpy._shaping import diag
    c = cov(x, y, rowvar)
    if c.ndim == 0:
        return c / c
    d = sqrt(diag(c))
    c = c / d[:, None]
    c = c / d[None, :]
    return clip(c, -1, 1)


# ---- set operations ---------------------------------------------------------------------------

def union1d(ar1, ar2):
    from numpy._functions import concatenate
    return unique(concatenate([asarray(ar1).ravel(), asarray(ar2).ravel()]))


def intersect1d(ar1, ar2, assume_unique=False):
    from numpy._functions import isin
    both = union1d(ar1, ar2)
    return both[isin(both, ar1) & isin(both, ar2)]


def setdiff1d(ar1, ar2, assume_unique=False):
    from numpy._functions import isin
    values = unique(ar1)
    return values[isin(values, ar2, invert=True)]


# ---- statistics ignoring NaN -------------------------------------------------------------------

def nansum(a, axis=None, dtype=None, keepdims=False):
    a = asarray(a)
    if not a._t.isFloatingPoint():
        return a.sum(axis=axis, dtype=dtype, keepdims=keepdims)
    from numpy._functions import where
    return where(a != a, 0.0, a).sum(axis=axis, dtype=dtype, keepdims=keepdims)


def nanmean(a, axis=None, dtype=None, keepdims=False):
    a = asarray(a)
    if not a._t.isFloatingPoint():
        return a.mean(axis=axis, keepdims=keepdims)
    count = (a == a).sum(axis=axis, keepdims=keepdims)
    return nansum(a, axis=axis, keepdims=keepdims) / count


def _nan_filled(a, fill):
    """a with NaN replaced by fill (ints and bools as they are)."""
    from numpy._functions import where
    a = asarray(a)
    return a if not a._t.isFloatingPoint() else where(a != a, fill, a)


def nanprod(a, axis=None, keepdims=False):
    return _nan_filled(a, 1.0).prod(axis=axis, keepdims=keepdims)


def nancumsum(a, axis=None):
    return cumsum(_nan_filled(a, 0.0), axis)


def nancumprod(a, axis=None):
    return cumprod(_nan_filled(a, 1.0), axis)


def _nan_extreme(a, axis, keepdims, which):
    """nanmax/nanmin: NaN only where a whole slice is NaN."""
    from numpy._functions import where
    a = asarray(a)
    if not a._t.isFloatingPoint():
        return getattr(a, which)(axis=axis, keepdims=keepdims)
    fill = float("-inf") if which == "max" else float("inf")
    out = getattr(_nan_filled(a, fill), which)(axis=axis, keepdims=keepdims)
    all_nan = (a != a).all(axis=axis, keepdims=keepdims)
    return where(all_nan, float("nan"), out) if asarray(all_nan).any() else out


def nanmax(a, axis=None, keepdims=False):
    return _nan_extreme(a, axis, keepdims, "max")


def nanmin(a, axis=None, keepdims=False):
    return _nan_extreme(a, axis, keepdims, "min")


def nanargmax(a, axis=None, keepdims=False):
    a = asarray(a)
    if a._t.isFloatingPoint() and builtins.bool((a != a).all(axis=axis).any() if axis is not None else (a != a).all()):
        raise ValueError("All-NaN slice encountered")
    return _nan_filled(a, float("-inf")).argmax(axis=axis, keepdims=keepdims)


def nanargmin(a, axis=None, keepdims=False):
    a = asarray(a)
    if a._t.isFloatingPoint() and builtins.bool((a != a).all(axis=axis).any() if axis is not None else (a != a).all()):
        raise ValueError("All-NaN slice encountered")
    return _nan_filled(a, float("inf")).argmin(axis=axis, keepdims=keepdims)
