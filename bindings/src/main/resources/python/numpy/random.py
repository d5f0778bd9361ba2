"""numpy.random on the engine's generator. The stream is the engine's (libtorch's mt19937),
not numpy's: np.random.seed(s) makes a script repeatable, not numpy-identical."""
import builtins
from numpy._bridge import call, JGenerator as _JGenerator, JDType as _JDType
from numpy._ndarray import ndarray, asarray, _wrap, _result

_generator = _JGenerator()


def seed(seed=None):
    """Seeds numpy's own generator (separate from torch's default generator)."""
    if seed is None:
        _generator.seed()
    else:
        _generator.manualSeed(builtins.int(seed))


def _size(size):
    if size is None:
        return None
    return [size] if isinstance(size, builtins.int) else list(size)


def _sample(op, size):
    shape = _size(size)
    t = call(op, [] if shape is None else shape, generator=_generator, dtype=_JDType.FLOAT64)
    return _result(t)


def rand(*shape):
    """Uniform float64 samples in [0, 1) of the given shape; a float without arguments."""
    return _sample("rand", list(shape) if shape else None)


def randn(*shape):
    """Standard normal float64 samples of the given shape; a float without arguments."""
    return _sample("randn", list(shape) if shape else None)


def random(size=None):
    return _sample("rand", size)


random_sample = ranf = sample = random


def uniform(low=0.0, high=1.0, size=None):
    return random(size) * (high - low) + low


def normal(loc=0.0, scale=1.0, size=None):
    return _sample("randn", size) * scale + loc


def standard_normal(size=None):
    return _sample("randn", size)


def randint(low, high=None, size=None, dtype=int):
    """Integers in [low, high), or [0, low) when high is None."""
    if high is None:
        low, high = 0, low
    shape = _size(size)
    t = call("randint", low, high, [] if shape is None else shape, generator=_generator)
    return _result(t)


def permutation(x):
    """A shuffled copy of an array, or of arange(x) for an int."""
    if isinstance(x, builtins.int):
        return _wrap(call("randperm", x, generator=_generator))
    a = asarray(x)
    return a[_wrap(call("randperm", len(a), generator=_generator))]


def shuffle(x):
    """Shuffles an array in place along its first axis."""
    if isinstance(x, list):
        order = call("randperm", len(x), generator=_generator).toLongArray()
        x[:] = [x[i] for i in order]
        return
    x[...] = permutation(x)


def choice(a, size=None, replace=True, p=None):
    """Samples from a 1-D array (or arange(a) for an int), with replacement unless told otherwise."""
    pool = _wrap(call("arange", a, dtype=_JDType.INT64)) if isinstance(a, builtins.int) else asarray(a)
    n = len(pool)
    count = 1
    for s in _size(size) or []:
        count *= s
    if p is not None:
        index = _weighted(asarray(p, float).tolist(), count)
    elif replace:
        index = _wrap(call("randint", 0, n, [count], generator=_generator))
    else:
        if count > n:
            raise ValueError("Cannot take a larger sample than population when 'replace=False'")
        index = _wrap(call("randperm", n, generator=_generator))[:count]
    picked = pool[index]
    if size is None:
        return picked[0]
    return picked.reshape(_size(size))


def _weighted(p, count):
    cumulative = []
    total = 0.0
    for w in p:
        total += w
        cumulative.append(total)
    out = []
    for u in rand(count).tolist():
        u *= total
        i = 0
        while i < len(cumulative) - 1 and cumulative[i] <= u:
            i += 1
        out.append(i)
    return asarray(out, int)


class RandomState:
    """A separate generator with numpy.random's functions as methods."""

    def __init__(self, seed=None):
        self._g = _JGenerator() if seed is None else _JGenerator(builtins.int(seed))

    def __getattr__(self, name):
        f = globals().get(name)
        if f is None or name.startswith("_"):
            raise AttributeError(name)

        def method(*args, **kwargs):
            global _generator
            saved, _generator = _generator, self._g
            try:
                return f(*args, **kwargs)
            finally:
                _generator = saved
        return method


def default_rng(seed=None):
    return RandomState(seed)
