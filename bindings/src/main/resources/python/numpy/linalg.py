"""numpy.linalg: the vector and Frobenius norm."""
from numpy._ndarray import asarray


def norm(x, ord=None, axis=None, keepdims=False):
    if ord not in (None, 2, "fro"):
        raise NotImplementedError("only the 2-norm and the Frobenius norm are supported")
    a = asarray(x, float)
    return ((a * a).sum(axis=axis, keepdims=keepdims)) ** 0.5
