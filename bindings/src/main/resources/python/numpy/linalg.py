"""numpy.linalg on the engine's torch.linalg ops: numpy's names, float64 for integer input, LinAlgError for
singular and non-positive-definite matrices."""
from torch import _bridge as _torch_bridge
from numpy._ndarray import asarray, _result, _wrap

__all__ = ["LinAlgError", "norm", "inv", "det", "slogdet", "solve", "lstsq", "cholesky", "qr", "eig", "eigh",
           "eigvals", "eigvalsh", "svd", "pinv", "matrix_rank", "matrix_power", "multi_dot"]


class LinAlgError(ValueError):
    """numpy's error for matrices an algorithm cannot handle (singular, not positive definite)."""


def _call(name, *args, **kwargs):
    """Runs a torch.linalg op on float arrays; numpy's LinAlgError where PyTorch raises its linalg errors."""
    return _call_engine(name, [_float(a)._t if _is_array_like(a) else a for a in args], kwargs)


def _call_engine(name, jargs, kwargs):
    try:
        return _torch_bridge.LINALG.call(name, jargs, {k: v for k, v in kwargs.items() if v is not None} or None,
                                         _torch_bridge._ZERO_BASED)
    except BaseException as e:
        py = _torch_bridge.translate(e)
        if py is None:
            raise
        message = str(py)
        if "singular" in message:
            raise LinAlgError("Singular matrix") from None
        if "positive-definite" in message:
            raise LinAlgError("Matrix is not positive definite") from None
        raise py from None


def _is_array_like(a):
    return hasattr(a, "_t") or isinstance(a, (list, tuple, int, float))


def _float(a):
    a = asarray(a)
    return a if a.dtype.kind == "f" else a.astype("float64")


def norm(x, ord=None, axis=None, keepdims=False):
    if isinstance(axis, int):
        axis = (axis,)
    return _result(_call("norm", x, ord=ord, dim=list(axis) if axis is not None else None, keepdim=keepdims))


def inv(a):
    return _wrap(_call("inv", a))


def det(a):
    # NOTE: numpy computes det as sign * exp(log|det|) from the LU factors (5.000000000000001 for [[2, 1], [1, 3]]),
    # PyTorch as their product (5.0).
    import numpy
    sign, logdet = _call("slogdet", a)
    return _result(sign) * numpy.exp(_result(logdet))


def slogdet(a):
    sign, logdet = _call("slogdet", a)
    return _result(sign), _result(logdet)


def solve(a, b):
    return _wrap(_call("solve", a, b))


def lstsq(a, b, rcond="warn"):
    a, b = _float(a), _float(b)
    x = _wrap(_call("lstsq", a, b, rcond=None if rcond in ("warn", None) else rcond)[0])
    s = svd(a, compute_uv=False)
    rank = matrix_rank(a)
    m, n = a.shape
    if rank == n and m > n:
        r = b - a @ x
        residuals = asarray((r * r).sum(axis=0))
        residuals = residuals.reshape((1,)) if residuals.ndim == 0 else residuals
    else:
        residuals = asarray([], float)
    return x, residuals, rank, s


def cholesky(a):
    return _wrap(_call("cholesky", a))


def qr(a, mode="reduced"):
    if mode not in ("reduced", "complete", "r"):
        raise ValueError(f"Unrecognized mode '{mode}'")
    q, r = _call("qr", a, mode=mode)
    return _wrap(r) if mode == "r" else (_wrap(q), _wrap(r))


def eig(a):
    w, v = _call("eig", a)
    return _wrap(w), _wrap(v)


def eigvals(a):
    return _wrap(_call("eigvals", a))


def eigh(a, UPLO="L"):
    w, v = _call("eigh", a, UPLO=UPLO)
    return _wrap(w), _wrap(v)


def eigvalsh(a, UPLO="L"):
    return _wrap(_call("eigvalsh", a, UPLO=UPLO))


def svd(a, full_matrices=True, compute_uv=True, hermitian=False):
    if not compute_uv:
        return _wrap(_call("svdvals", a))
    u, s, vh = _call("svd", a, full_matrices=full_matrices)
    return _wrap(u), _wrap(s), _wrap(vh)


def pinv(a, rcond=1e-15, hermitian=False):
    return _wrap(_call("pinv", a, rtol=rcond))


def matrix_rank(A, tol=None, hermitian=False):
    A = _float(A)
    if A.ndim < 2:
        return int(not (A == 0).all())
    return _result(_call("matrix_rank", A, atol=tol, rtol=0.0 if tol is not None else None))


def matrix_power(a, n):
    return _wrap(_call_engine("matrix_power", [asarray(a)._t, n], {}))


def multi_dot(arrays):
    return _result(_call_engine("multi_dot", [[_float(a)._t for a in arrays]], {}))
