"""The one place where Python meets the torchglot engine: Java types, argument conversion,
result wrapping and error translation. Everything else in the package goes through here."""
import java

_OpTable = java.type("org.torchglot.engine.api.OpTable")
_Convention = java.type("org.torchglot.engine.api.Convention")
JTensor = java.type("org.torchglot.engine.tensor.Tensor")
JDType = java.type("org.torchglot.engine.tensor.DType")
JIndex = java.type("org.torchglot.engine.tensor.Index")
JGradMode = java.type("org.torchglot.engine.autograd.GradMode")
JGenerator = java.type("org.torchglot.engine.random.Generator")
JTorchException = java.type("org.torchglot.engine.tensor.TorchException")
JPyTorchFormatter = java.type("org.torchglot.engine.format.PyTorchFormatter")
JNumpyFormatter = java.type("org.torchglot.engine.format.NumpyFormatter")

TABLE = _OpTable.standard()
FUNCTIONAL = _OpTable.functional()
MODULES = _OpTable.modules()
OPTIMIZERS = _OpTable.optimizers()
INIT = _OpTable.init()
LINALG = _OpTable.linalg()
UTILS = _OpTable.utils()
JModule = java.type("org.torchglot.engine.nn.Module")
JCustomModule = java.type("org.torchglot.engine.nn.CustomModule")
JParameter = java.type("org.torchglot.engine.nn.Parameter")
JOptimizer = java.type("org.torchglot.engine.optim.Optimizer")
_ZERO_BASED = _Convention.ZERO_BASED

_ERRORS = {
    "RuntimeError": RuntimeError,
    "IndexError": IndexError,
    "TypeError": TypeError,
    "ValueError": ValueError,
    "NotImplementedError": NotImplementedError,
    "AssertionError": AssertionError,
}


def translate(e):
    """The Python exception PyTorch would raise for an engine error, or None if it is not one."""
    if isinstance(e, JTorchException):
        return _ERRORS.get(e.pythonName(), RuntimeError)(e.getMessage())
    return None


# Classes of the package itself, bound once torch has imported them (see late_bind).
_Tensor = _dtype = _Generator = _wrap_tensor = None


def late_bind():
    global _Tensor, _dtype, _Generator, _wrap_tensor
    from torch._tensor import Tensor
    from torch._dtypes import dtype
    from torch._generator import Generator
    _Tensor, _dtype, _Generator, _wrap_tensor = Tensor, dtype, Generator, Tensor._wrap


def to_java(value):
    """A Python argument as the engine expects it: tensors and modules unwrapped, sequences as lists."""
    if isinstance(value, _Tensor):
        return value._t
    if value is None or isinstance(value, (int, float, str)):
        return value
    j = getattr(value, "_j", None)
    if j is not None:
        return j
    if isinstance(value, dict):
        return {k: to_java(v) for k, v in value.items()}
    if isinstance(value, (range, type((x for x in ())))):
        value = list(value)
    if isinstance(value, (list, tuple)):
        return [to_java(v) for v in value]
    if isinstance(value, _dtype):
        return value._j
    if isinstance(value, _Generator):
        return value._g
    if type(value).__name__ == "ndarray" and hasattr(value, "_t"):
        return value._t
    if type(value).__name__ == "device":
        return str(value)
    return value


def wrap(result):
    """An engine result as Python sees it: tensors wrapped, pairs as named tuples, sizes as torch.Size."""
    if isinstance(result, JTensor):
        return _wrap_tensor(result)
    if result is None or isinstance(result, (bool, int, float, str)):
        return result
    if isinstance(result, JModule):
        from torch.nn.modules import from_java
        return from_java(result)
    if isinstance(result, JDType):
        from torch._dtypes import from_java
        return from_java(result)
    if isinstance(result, JGenerator):
        from torch._generator import Generator
        return Generator._wrap(result)
    try:
        items = list(result)
    except TypeError:
        return result
    if all(isinstance(x, int) for x in items):
        from torch._size import Size
        return Size(items)
    return tuple(wrap(x) for x in items)


def call(name, args, kwargs, table=None, type_prefix=""):
    """Runs op `name` of an engine table (by default torch's) with Python arguments; a tuple result is the
    torch.return_types tuple named `type_prefix + name` (torch.return_types.linalg_slogdet)."""
    table = table or TABLE
    return _run(name, table, type_prefix, lambda jargs, jkwargs: table.call(name, jargs, jkwargs, _ZERO_BASED), args,
                kwargs)


def call_method(name, receiver, args, kwargs):
    """Runs op `name` of torch's table as a method of tensor `receiver`, which becomes the op's `self` wherever its
    signature puts it (x.where(condition, y) is torch.where(condition, x, y))."""
    return _run(name, TABLE, "", lambda jargs, jkwargs: TABLE.callMethod(name, receiver._t, jargs, jkwargs,
                                                                         _ZERO_BASED), args, kwargs)


def _run(name, table, type_prefix, invoke, args, kwargs):
    jargs = [a._t if isinstance(a, _Tensor) else to_java(a) for a in args]
    jkwargs = {k: to_java(v) for k, v in kwargs.items()} if kwargs else None
    try:
        result = wrap(invoke(jargs, jkwargs))
    except BaseException as e:
        py = translate(e)
        if py is None:
            raise
        raise py from None
    return _named(name, table, type_prefix + name, result) if isinstance(result, tuple) else result


_TUPLE_TYPES = {}


def _named(name, table, type_name, result):
    """A tuple result as the torch.return_types named tuple its op's signature declares, if it names fields."""
    key = (type_name, id(table))
    if key not in _TUPLE_TYPES:
        from torch import return_types
        fields = return_types.fields_of(str(table.op(name).signature().returns()))
        _TUPLE_TYPES[key] = return_types.named(type_name, fields) if fields else None
    cls = _TUPLE_TYPES[key]
    return cls(*result) if cls is not None and len(result) == len(cls._fields) else result


def has_op(name):
    return TABLE.has(name)


def op_function(name, table=None, type_prefix=""):
    """A Python function calling op `name`, with the op's signature as its docstring and help()."""
    table = table or TABLE

    def f(*args, **kwargs):
        return call(name, args, kwargs, table, type_prefix)
    f.__name__ = name
    op = table.op(name)
    sig = op.signature()
    f.__doc__ = f"{sig.toFunctionString()}\n\n{op.summary()}"
    try:
        f.__signature__ = python_signature(sig, [sig.functionName(p) for p in sig.params()])
    except ValueError:
        pass  # a required parameter after a defaulted one: help() falls back to the docstring's signature
    return f


class _Default:
    """A default value as the signature writes it, so help() shows `dim=None` rather than an object."""

    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return self.text


def python_signature(sig, names):
    """An inspect.Signature for help(): PyTorch's parameter names, defaults, keyword-only markers, *args."""
    import inspect
    params = []
    for p, pname in zip(sig.params(), names):
        if pname.startswith("_"):
            continue
        if p.variadic():
            kind = inspect.Parameter.VAR_POSITIONAL
        elif p.keywordOnly():
            kind = inspect.Parameter.KEYWORD_ONLY
        else:
            kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
        default = inspect.Parameter.empty if p.variadic() or not p.hasDefault() else _Default(p.defaultText())
        params.append(inspect.Parameter(pname, kind, default=default))
    return inspect.Signature(params)


def guard(fn, *args):
    """Calls an engine method, turning engine errors into Python's."""
    try:
        return fn(*args)
    except BaseException as e:
        py = translate(e)
        if py is None:
            raise
        raise py from None
