"""torch.Tensor: a thin Python face on the engine's tensor. Semantics live in Java; this class maps
Python's idioms (operators, indexing, iteration, conversions, properties) onto the op table."""
import builtins
from torch import _bridge
from torch._bridge import call, guard, JIndex, JTensor
from torch._size import Size
from torch import _dtypes


def _index_items(key):
    if not isinstance(key, tuple):
        key = (key,)
    items = []
    for k in key:
        if k is None:
            items.append(JIndex.NEW_AXIS)
        elif k is Ellipsis:
            items.append(JIndex.ELLIPSIS)
        elif isinstance(k, builtins.bool):
            items.append(JIndex.select(_bridge.TABLE.call("tensor", [k], None, _bridge._ZERO_BASED)))
        elif isinstance(k, int):
            items.append(JIndex.at(k))
        elif isinstance(k, slice):
            items.append(JIndex.slice(_bound(k.start), _bound(k.stop), _bound(k.step)))
        elif isinstance(k, Tensor):
            items.append(JIndex.select(k._t))
        elif isinstance(k, (list, range)) or hasattr(k, "_t"):
            items.append(JIndex.select(_bridge.TABLE.call("tensor", [_bridge.to_java(list(k) if isinstance(k, range) else k)],
                                                          None, _bridge._ZERO_BASED)))
        elif hasattr(k, "__index__"):
            items.append(JIndex.at(k.__index__()))
        else:
            raise IndexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are "
                             "valid indices (got " + type(k).__name__ + ")")
    return items


def _bound(v):
    if v is None:
        return None
    if isinstance(v, Tensor):
        return v.item()
    return v.__index__()


def _operand(x):
    return x._t if isinstance(x, Tensor) else _bridge.to_java(x)


class Tensor:
    """A multi-dimensional array with autograd, as torch.Tensor."""
    __slots__ = ("_t", "__weakref__", "__dict__")

    def __init__(self, *args, **kwargs):
        # torch.Tensor(2, 3) is an uninitialised float tensor; torch.Tensor([1, 2]) copies data.
        if len(args) == 1 and not isinstance(args[0], int):
            data = args[0]
            self._t = call("tensor", (data,), {"dtype": _dtypes.float32})._t if not isinstance(data, Tensor) \
                else data._t.to(_bridge.JDType.FLOAT32)
        else:
            self._t = call("empty", args, {})._t

    @classmethod
    def _wrap(cls, jtensor):
        if isinstance(jtensor, _bridge.JParameter):
            from torch.nn.parameter import Parameter
            t = object.__new__(Parameter)
        else:
            t = object.__new__(Tensor)
        t._t = jtensor
        return t

    # ---- properties -------------------------------------------------------------------------

    @property
    def shape(self):
        return Size(self._t.shape())

    def size(self, dim=None):
        return Size(self._t.shape()) if dim is None else call("size", (self, dim), None)

    @property
    def dtype(self):
        return _dtypes.from_java(self._t.dtype())

    @property
    def device(self):
        from torch import device
        return device("cpu")

    @property
    def is_cuda(self):
        return False

    @property
    def is_cpu(self):
        return True

    @property
    def ndim(self):
        return self._t.dim()

    @property
    def requires_grad(self):
        return self._t.requiresGrad()

    @requires_grad.setter
    def requires_grad(self, value):
        guard(self._t.requiresGrad_, builtins.bool(value))

    @property
    def grad(self):
        g = self._t.grad()
        return None if g is None else Tensor._wrap(g)

    @grad.setter
    def grad(self, value):
        guard(self._t.setGrad, None if value is None else value._t)

    @property
    def grad_fn(self):
        node = self._t.gradFn()
        if node is None:
            return None
        from torch.autograd.graph import Node
        return Node._wrap(node)

    @property
    def is_leaf(self):
        return self._t.isLeaf()

    @property
    def data(self):
        return Tensor._wrap(self._t.detach())

    @data.setter
    def data(self, value):
        # NOTE: PyTorch swaps the storage; copying the values gives the same result for same-shaped data.
        with _no_grad():
            guard(self._t.copy_, value._t)

    @property
    def T(self):
        return call("permute", (self, list(reversed(range(self._t.dim())))), None)

    @property
    def mT(self):
        return call("transpose", (self, -2, -1), None)

    # ---- conversions ------------------------------------------------------------------------

    def item(self):
        # NOTE: the common float case skips the op table (one host call instead of the binder's path).
        if self._t.isFloatingPoint():
            return guard(self._t.item)
        return call("item", (self,), None)

    def tolist(self):
        return self._t.toList(lambda items: list(items))

    def numpy(self):
        if self._t.requiresGrad():
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
        import numpy
        return numpy.ndarray._from_tensor(self._t)

    def __float__(self):
        return builtins.float(self._scalar("float"))

    def __int__(self):
        return builtins.int(self._scalar("int"))

    def __bool__(self):
        if self._t.numel() != 1:
            raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
        return self._t.item() != 0

    def __index__(self):
        if self._t.isFloatingPoint() or self._t.numel() != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return self._t.itemLong()

    def _scalar(self, kind):
        if self._t.numel() != 1:
            raise ValueError(f"only one element tensors can be converted to Python scalars")
        return self.item()

    def __format__(self, spec):
        if self._t.dim() == 0 or (spec and self._t.numel() == 1):
            return format(self.item(), spec)
        return format(repr(self), spec)

    def __repr__(self):
        return self._t.toString()

    __str__ = __repr__

    def __len__(self):
        if self._t.dim() == 0:
            raise TypeError("len() of a 0-d tensor")
        return self._t.size(0)

    def __iter__(self):
        if self._t.dim() == 0:
            raise TypeError("iteration over a 0-d tensor")
        for i in range(self._t.size(0)):
            yield Tensor._wrap(self._t.select(0, i))

    def __hash__(self):
        return id(self)

    def __contains__(self, item):
        return builtins.bool((self == item).any())

    # ---- indexing -----------------------------------------------------------------------------

    def __getitem__(self, key):
        return Tensor._wrap(guard(self._t.index, _index_items(key)))

    def __setitem__(self, key, value):
        v = value._t if isinstance(value, Tensor) else call("tensor", (value,), {"dtype": self.dtype})._t
        guard(self._t.indexPut, _index_items(key), v)

    # ---- methods ----------------------------------------------------------------------------

    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        if gradient is None and not retain_graph and not create_graph:
            guard(self._t.backward)  # NOTE: the training loop's form, straight to the engine
        else:
            call("backward", (self, gradient, retain_graph, create_graph), None)

    def detach(self):
        return Tensor._wrap(self._t.detach())

    def register_hook(self, hook):
        def run(grad):
            out = hook(Tensor._wrap(grad))
            return None if out is None else out._t
        return guard(self._t.registerHook, run, getattr(hook, "__name__", type(hook).__name__))

    def detach_(self):
        self._t.detach_()
        return self

    def cpu(self):
        return self

    def cuda(self, *args, **kwargs):
        return call("cuda", (self,) + args, kwargs)

    def to(self, *args, **kwargs):
        out = call("to", (self,) + args, kwargs)
        return self if out._t is self._t else out

    def type(self, dtype=None):
        if dtype is None:
            return self._t.dtype().typeName()
        if isinstance(dtype, str):
            from torch._dtypes import _by_name
            dtype = _by_name(dtype.replace("torch.", "").replace("Tensor", "").lower()
                             .replace("floa", "float").replace("floatt", "float"))
        return self.to(dtype)

    def is_floating_point(self):
        return self._t.isFloatingPoint()

    def is_contiguous(self):
        return self._t.isContiguous()

    def element_size(self):
        return {"FLOAT32": 4, "FLOAT64": 8, "INT64": 8, "BOOL": 1}[self._t.dtype().name()]

    def stride(self, dim=None):
        s = tuple(self._t.strides())
        return s if dim is None else s[dim]

    def storage_offset(self):
        return self._t.storageOffset()

    def new_tensor(self, data, dtype=None, requires_grad=False):
        from torch import tensor
        return tensor(data, dtype=dtype or self.dtype, requires_grad=requires_grad)

    def new_zeros(self, *size, **kwargs):
        return call("new_zeros", (self,) + size, kwargs)

    def new_ones(self, *size, **kwargs):
        return call("new_ones", (self,) + size, kwargs)

    def new_full(self, size, fill_value, **kwargs):
        return call("new_full", (self, size, fill_value), kwargs)

    def apply_(self, fn):
        flat = [fn(v) for v in self.flatten().tolist()]
        with _no_grad():
            self.copy_(call("tensor", (flat,), {"dtype": self.dtype}).reshape(self.shape))
        return self

    # ---- operators --------------------------------------------------------------------------
    # NOTE: the arithmetic operators call the engine's tensor methods directly (one host call),
    # the hot path of every training loop; other ops go through the op table.

    def __add__(self, other):
        return _fast(self._t.add, other) if _is_operand(other) else call("add", (self, other), None)

    __radd__ = __add__

    def __iadd__(self, other):
        return call("add_", (self, other), None)

    def __sub__(self, other):
        return _fast(self._t.sub, other) if _is_operand(other) else call("sub", (self, other), None)

    def __rsub__(self, other):
        return call("rsub", (self, other), None)

    def __isub__(self, other):
        return call("sub_", (self, other), None)

    def __mul__(self, other):
        return _fast(self._t.mul, other) if _is_operand(other) else call("mul", (self, other), None)

    __rmul__ = __mul__

    def __imul__(self, other):
        return call("mul_", (self, other), None)

    def __truediv__(self, other):
        return _fast(self._t.div, other) if _is_operand(other) else call("div", (self, other), None)

    def __rtruediv__(self, other):
        return call("rdiv", (self, other), None)

    def __itruediv__(self, other):
        return call("div_", (self, other), None)

    def __floordiv__(self, other):
        return call("floor_divide", (self, other), None)

    def __rfloordiv__(self, other):
        return call("floor_divide", (call("full_like", (self, other), None), self), None)

    def __mod__(self, other):
        return call("remainder", (self, other), None)

    def __pow__(self, other):
        return _fast(self._t.pow, other) if _is_operand(other) else call("pow", (self, other), None)

    def __rpow__(self, other):
        return call("rpow", (self, other), None)

    def __matmul__(self, other):
        if isinstance(other, Tensor):
            return _new(guard(self._t.matmul, other._t))
        return call("matmul", (self, other), None)

    def __rmatmul__(self, other):
        return call("matmul", (other, self), None)

    def __neg__(self):
        return call("neg", (self,), None)

    def __pos__(self):
        return self

    def __abs__(self):
        return call("abs", (self,), None)

    def __invert__(self):
        return call("logical_not", (self,), None)

    def __and__(self, other):
        return call("logical_and", (self, other if isinstance(other, Tensor) else call("tensor", (other,), None)), None)

    def __or__(self, other):
        return call("logical_or", (self, other if isinstance(other, Tensor) else call("tensor", (other,), None)), None)

    def __eq__(self, other):
        if other is None:
            return False
        return call("eq", (self, other), None)

    def __ne__(self, other):
        if other is None:
            return True
        return call("ne", (self, other), None)

    def __lt__(self, other):
        return call("lt", (self, other), None)

    def __le__(self, other):
        return call("le", (self, other), None)

    def __gt__(self, other):
        return call("gt", (self, other), None)

    def __ge__(self, other):
        return call("ge", (self, other), None)

    # ---- copy and pickle ----------------------------------------------------------------------

    def __copy__(self):
        # NOTE: as in PyTorch, a shallow copy shares the data (and a Parameter stays a Parameter).
        return _rebuilt_like(self, self._t.detach())

    def __deepcopy__(self, memo):
        if not self._t.isLeaf():
            raise RuntimeError("Only Tensors created explicitly by the user (graph leaves) support the deepcopy "
                               "protocol at the moment")
        if id(self) in memo:
            return memo[id(self)]
        import copy
        new = memo[id(self)] = _rebuilt_like(self, self._t.detach().clone())
        if self._t.grad() is not None:
            new._t.setGrad(self._t.grad().clone())
        new.__dict__.update(copy.deepcopy(self.__dict__, memo))
        return new

    def __reduce_ex__(self, protocol):
        values = list(self._t.toDoubleArray()) if self._t.isFloatingPoint() else list(self._t.toLongArray())
        return _rebuild_tensor, (type(self), values, self.dtype, tuple(self._t.shape()), self.requires_grad), \
            self.__dict__ or None


_object_new = object.__new__


def _rebuilt_like(tensor, jdata):
    """A tensor of tensor's class (Tensor, Parameter or a subclass) over jdata, requiring grad as tensor does."""
    return _rebuilt(type(tensor), jdata, tensor._t.requiresGrad())


def _rebuilt(cls, jdata, requires_grad):
    new = _object_new(cls)
    from torch.nn.parameter import Parameter
    new._t = _bridge.JParameter(jdata, requires_grad) if issubclass(cls, Parameter) else \
        jdata.requiresGrad_(True) if requires_grad else jdata
    return new


def _rebuild_tensor(cls, values, dtype, shape, requires_grad):
    """Unpickles a tensor (see Tensor.__reduce_ex__)."""
    from torch import tensor
    return _rebuilt(cls, tensor(values, dtype=dtype).reshape(shape)._t, requires_grad)


def _new(jtensor):
    """Wraps an engine result that is known to be a plain tensor (not a Parameter)."""
    t = _object_new(Tensor)
    t._t = jtensor
    return t


def _is_operand(x):
    return isinstance(x, (Tensor, int, float))


def _fast(method, other):
    try:
        return _new(method(other._t if isinstance(other, Tensor) else JTensor.scalar(other)))
    except BaseException as e:
        py = _bridge.translate(e)
        if py is None:
            raise
        raise py from None


def _install_table_methods():
    """Every op of the table with a `self` parameter becomes a Tensor method (x.sum(), x.relu(), x.where(c, y), ...)
    unless defined above."""
    for name in _bridge.TABLE.names():
        if name in Tensor.__dict__ or name.startswith("_"):
            continue
        op = _bridge.TABLE.op(name)
        if op.signature().selfIndex() < 0:
            continue

        def method(self, *args, _name=name, **kwargs):
            return _bridge.call_method(_name, self, args, kwargs)
        method.__name__ = name
        method.__doc__ = f"{op.signature()}\n\n{op.summary()}"
        setattr(Tensor, name, method)


def _no_grad():
    from torch.autograd.grad_mode import no_grad
    return no_grad()


_install_table_methods()
