"""numpy.random with numpy's own generators, from the engine (org.torchglot.engine.random.numpy): the legacy
RandomState behind np.random.seed, rand, randn, randint... and Generator (PCG64) from default_rng. Seeded streams are
numpy 1.24's bit for bit, and independent of torch's generator. This module only maps numpy's arguments."""
import builtins
import operator

import java

from numpy._bridge import guard
from numpy._ndarray import ndarray, asarray, _wrap

_JRandomState = java.type("org.torchglot.engine.random.numpy.RandomState")
_JGenerator = java.type("org.torchglot.engine.random.numpy.NumpyGenerator")

__all__ = ["RandomState", "Generator", "default_rng", "seed", "rand", "randn", "random", "random_sample", "ranf",
           "sample", "randint", "standard_normal", "normal", "uniform", "choice", "shuffle", "permutation",
           "exponential", "poisson", "binomial", "gamma", "standard_gamma", "beta"]


def _shape(size):
    if size is None:
        return []
    if isinstance(size, (tuple, list)):
        return [operator.index(s) for s in size]
    return [operator.index(size)]


def _out(jtensor, size):
    """numpy returns a Python scalar when no size is given, an array otherwise."""
    if size is not None:
        return _wrap(jtensor)
    return jtensor.item() if jtensor.isFloatingPoint() else jtensor.itemLong()


def _is_array_like(x):
    return isinstance(x, (ndarray, list, tuple))


def _affine(offset, factor, standard, size):
    """offset + factor * standard(shape) for array-valued parameters: the same per-element arithmetic as numpy's
    broadcasting loop, so the values stay numpy's bit for bit."""
    offset, factor = asarray(offset, float), asarray(factor, float)
    shape = _shape(size) if size is not None else list(_broadcast_shape(offset.shape, factor.shape))
    return offset + factor * standard(shape)


def _broadcast_shape(a, b):
    a, b = tuple(a), tuple(b)
    n = builtins.max(len(a), len(b))
    a, b = (1,) * (n - len(a)) + a, (1,) * (n - len(b)) + b
    return tuple(builtins.max(x, y) for x, y in zip(a, b))


def _population(a):
    if isinstance(a, builtins.int) or (not _is_array_like(a) and hasattr(a, "__index__")):
        return operator.index(a), None
    try:
        pool = asarray(a)
    except TypeError:
        # NOTE: arrays hold numbers only here, so a list of strings or objects is sampled as a list.
        return len(a), list(a)
    if pool.ndim != 1:
        raise ValueError("a must be 1-dimensional")
    return len(pool), pool


def _pick(pool, jindices, size):
    if size is None:
        index = jindices.itemLong()
        return index if pool is None else pool[index]
    if isinstance(pool, list):
        return [pool[builtins.int(i)] for i in jindices.toLongArray()]
    indices = _wrap(jindices)
    return indices if pool is None else pool[indices]


def _shuffle_with(order, x):
    """Puts x's items (an array's rows) in the order numpy's in-place Fisher-Yates leaves them."""
    if isinstance(x, ndarray):
        x[...] = x[_wrap(order)]
    else:
        items = [x[builtins.int(i)] for i in order.toLongArray()]
        x[:] = items


def _permuted(order, x):
    if isinstance(x, builtins.int) or (not _is_array_like(x) and hasattr(x, "__index__")):
        return _wrap(order)
    arr = asarray(x)
    if arr.ndim < 1:
        raise IndexError("x must be an integer or at least 1-dimensional")
    return arr[_wrap(order)]


class RandomState:
    """numpy's legacy generator (MT19937), as numpy.random.RandomState."""

    def __init__(self, seed=None):
        self._j = _JRandomState()
        if seed is not None:
            self.seed(seed)

    def seed(self, seed=None):
        if seed is None:
            guard(self._j.seed)
        elif isinstance(seed, (builtins.int, ndarray, list, tuple)) or hasattr(seed, "__index__"):
            if isinstance(seed, (ndarray, list, tuple)):
                words = asarray(seed).tolist()
                guard(self._j.seed, [words] if isinstance(words, builtins.int) else words)
            else:
                seed = operator.index(seed)
                if seed < 0 or seed > 0xFFFFFFFF:
                    raise ValueError("Seed must be between 0 and 2**32 - 1")
                guard(self._j.seed, seed)
        else:
            raise TypeError("Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'")

    def get_state(self, legacy=True):
        key, pos, has_gauss, cached = self._j.getState()
        state = ("MT19937", _wrap(key), builtins.int(pos), builtins.int(has_gauss), builtins.float(cached))
        if legacy:
            return state
        return {"bit_generator": "MT19937", "state": {"key": state[1], "pos": state[2]}, "has_gauss": state[3],
                "gauss": state[4]}

    def set_state(self, state):
        if isinstance(state, dict):
            state = ("MT19937", state["state"]["key"], state["state"]["pos"], state.get("has_gauss", 0),
                     state.get("gauss", 0.0))
        if state[0] != "MT19937":
            raise ValueError("set_state can only be used with legacy MT19937 state instances.")
        has_gauss, cached = (state[3], state[4]) if len(state) > 3 else (0, 0.0)
        guard(self._j.setState, asarray(state[1], int)._t, operator.index(state[2]), builtins.int(has_gauss),
              builtins.float(cached))

    def random_sample(self, size=None):
        return _out(guard(self._j.randomSample, _shape(size)), size)

    random = ranf = sample = random_sample

    def rand(self, *args):
        return self.random_sample(args or None)

    def randn(self, *args):
        return self.standard_normal(args or None)

    def standard_normal(self, size=None):
        return _out(guard(self._j.standardNormal, _shape(size)), size)

    def normal(self, loc=0.0, scale=1.0, size=None):
        if _is_array_like(loc) or _is_array_like(scale):
            return _affine(loc, scale, lambda shape: self.standard_normal(shape), size)
        return _out(guard(self._j.normal, float(loc), float(scale), _shape(size)), size)

    def uniform(self, low=0.0, high=1.0, size=None):
        if _is_array_like(low) or _is_array_like(high):
            low = asarray(low, float)
            return _affine(low, asarray(high, float) - low, lambda shape: self.random_sample(shape), size)
        return _out(guard(self._j.uniform, float(low), float(high), _shape(size)), size)

    def randint(self, low, high=None, size=None, dtype=int):
        if high is None:
            low, high = 0, low
        return _out(guard(self._j.randint, operator.index(low), operator.index(high), _shape(size)), size)

    def permutation(self, x):
        n = operator.index(x) if isinstance(x, builtins.int) else len(asarray(x))
        return _permuted(guard(self._j.permutation, n), x)

    def shuffle(self, x):
        _shuffle_with(guard(self._j.permutation, len(x)), x)

    def choice(self, a, size=None, replace=True, p=None):
        n, pool = _population(a)
        weights = None if p is None else [float(v) for v in asarray(p, float).tolist()]
        shape = _shape(size) if size is not None else []
        return _pick(pool, guard(self._j.choiceIndices, n, shape, bool(replace), weights), size)

    def exponential(self, scale=1.0, size=None):
        return _out(guard(self._j.exponential, float(scale), _shape(size)), size)

    def standard_exponential(self, size=None):
        return self.exponential(1.0, size)

    def poisson(self, lam=1.0, size=None):
        return _out(guard(self._j.poisson, float(lam), _shape(size)), size)

    def binomial(self, n, p, size=None):
        return _out(guard(self._j.binomial, operator.index(n), float(p), _shape(size)), size)

    def standard_gamma(self, shape, size=None):
        return _out(guard(self._j.standardGamma, float(shape), _shape(size)), size)

    def gamma(self, shape, scale=1.0, size=None):
        return _out(guard(self._j.gamma, float(shape), float(scale), _shape(size)), size)

    def beta(self, a, b, size=None):
        return _out(guard(self._j.beta, float(a), float(b), _shape(size)), size)

    def __repr__(self):
        return f"RandomState(MT19937) at 0x{id(self):X}"


class Generator:
    """numpy's Generator over PCG64, as numpy.random.default_rng returns it."""

    def __init__(self, _j):
        self._j = _j

    def random(self, size=None, dtype=float, out=None):
        return _out(guard(self._j.random, _shape(size)), size)

    def standard_normal(self, size=None, dtype=float, out=None):
        return _out(guard(self._j.standardNormal, _shape(size)), size)

    def normal(self, loc=0.0, scale=1.0, size=None):
        if _is_array_like(loc) or _is_array_like(scale):
            return _affine(loc, scale, lambda shape: self.standard_normal(shape), size)
        return _out(guard(self._j.normal, float(loc), float(scale), _shape(size)), size)

    def uniform(self, low=0.0, high=1.0, size=None):
        if _is_array_like(low) or _is_array_like(high):
            low = asarray(low, float)
            return _affine(low, asarray(high, float) - low, lambda shape: self.random(shape), size)
        return _out(guard(self._j.uniform, float(low), float(high), _shape(size)), size)

    def integers(self, low, high=None, size=None, dtype=None, endpoint=False):
        if high is None:
            low, high = 0, low
        return _out(guard(self._j.integers, operator.index(low), operator.index(high), _shape(size), bool(endpoint)),
                    size)

    def permutation(self, x, axis=0):
        n = operator.index(x) if isinstance(x, builtins.int) else len(asarray(x))
        return _permuted(guard(self._j.permutation, n), x)

    def shuffle(self, x, axis=0):
        _shuffle_with(guard(self._j.permutation, len(x)), x)

    def choice(self, a, size=None, replace=True, p=None, axis=0, shuffle=True):
        n, pool = _population(a)
        weights = None if p is None else [float(v) for v in asarray(p, float).tolist()]
        shape = _shape(size) if size is not None else []
        return _pick(pool, guard(self._j.choiceIndices, n, shape, bool(replace), weights, bool(shuffle)), size)

    def __repr__(self):
        return f"Generator(PCG64) at 0x{id(self):X}"


def default_rng(seed=None):
    """A Generator over PCG64 seeded through numpy's SeedSequence (fresh entropy without a seed)."""
    if isinstance(seed, Generator):
        return seed
    if seed is None:
        return Generator(_JGenerator())
    words = asarray(seed).tolist() if isinstance(seed, (ndarray, list, tuple)) else [operator.index(seed)]
    words = words if isinstance(words, list) else [words]
    for w in words:
        if w < 0:
            raise ValueError("expected non-negative integer")
        if w >= 2 ** 64:
            raise ValueError("torchglot's default_rng takes seeds below 2**64")
    # NOTE: Java's long is signed; the engine reads each seed word as unsigned 64-bit.
    return Generator(_JGenerator([w - 2 ** 64 if w >= 2 ** 63 else w for w in words]))


_rand = RandomState()
seed = _rand.seed
get_state = _rand.get_state
set_state = _rand.set_state
random_sample = _rand.random_sample
random = ranf = sample = random_sample
rand = _rand.rand
randn = _rand.randn
standard_normal = _rand.standard_normal
normal = _rand.normal
uniform = _rand.uniform
randint = _rand.randint
permutation = _rand.permutation
shuffle = _rand.shuffle
choice = _rand.choice
exponential = _rand.exponential
standard_exponential = _rand.standard_exponential
poisson = _rand.poisson
binomial = _rand.binomial
standard_gamma = _rand.standard_gamma
gamma = _rand.gamma
beta = _rand.beta
