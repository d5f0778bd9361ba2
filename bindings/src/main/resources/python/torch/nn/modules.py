"""nn.Module and the built-in layers. The module tree, state dicts, repr and train/eval live in the
engine's Module; this file maps Python's attribute protocol and calling onto it."""
import collections
from torch import _bridge
from torch._bridge import guard, to_java, wrap
from torch._tensor import Tensor
from torch.nn.parameter import Parameter

_IncompatibleKeys = collections.namedtuple("IncompatibleKeys", ["missing_keys", "unexpected_keys"])


class _LoadResult(_IncompatibleKeys):
    __slots__ = ()

    def __repr__(self):
        if not self.missing_keys and not self.unexpected_keys:
            return "<All keys matched successfully>"
        return super().__repr__()


def from_java(jmodule):
    """The Python object standing for an engine module: the user's own object when there is one."""
    guest = jmodule.guest()
    if isinstance(guest, Module):
        return guest
    # NOTE: a module made elsewhere (Java, JavaScript) runs its own forward through the engine.
    cls = _BUILTIN.get(jmodule.typeName(), _EngineModule)
    m = object.__new__(cls)
    object.__setattr__(m, "_j", jmodule)
    object.__setattr__(m, "_children", {})
    if guest is None:
        jmodule.setGuest(m)
    return m


def _snake_to_camel(name):
    head, *rest = name.split("_")
    return head + "".join(w.title() for w in rest)


class Module:
    """Base class of all neural-network modules, as torch.nn.Module."""

    def __init__(self, *args, _j=None, **kwargs):
        jmodule = _j if _j is not None else _bridge.JCustomModule(type(self).__name__)
        object.__setattr__(self, "_j", jmodule)
        object.__setattr__(self, "_children", {})
        jmodule.setGuest(self)
        if _j is None:
            jmodule.setForward(self._forward_from_java)
            if type(self).extra_repr is not Module.extra_repr:
                jmodule.setExtraRepr(lambda: self.extra_repr())

    def _forward_from_java(self, *jargs):
        # The engine calls a guest module (e.g. inside Sequential, or from Java) with its arguments;
        # NOTE: GraalPy spreads the Java varargs array of CustomModule.Forward.apply into arguments.
        out = self(*[wrap(a) for a in jargs])
        return to_java(out)

    def forward(self, *args, **kwargs):
        raise NotImplementedError(f'Module [{type(self).__name__}] is missing the required "forward" function')

    def __call__(self, *args, **kwargs):
        return self.forward(*args, **kwargs)

    # ---- attributes -----------------------------------------------------------------------------

    def __setattr__(self, name, value):
        j = self.__dict__.get("_j")
        if isinstance(value, (Parameter, Module)) or (value is None or isinstance(value, Tensor)) and j is not None \
                and j.has(name):
            if j is None:
                kind = "parameters" if isinstance(value, Parameter) else "module"
                raise AttributeError(f"cannot assign {kind} before Module.__init__() call")
            guard(j.register, name, to_java(value))
            self.__dict__.pop(name, None)
            if isinstance(value, Module):
                self._children[name] = value
            else:
                self._children.pop(name, None)
            return
        object.__setattr__(self, name, value)

    def __getattr__(self, name):
        d = self.__dict__
        if "_j" not in d:
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")
        if name in d["_children"]:
            return d["_children"][name]
        j = d["_j"]
        if j.has(name):
            return wrap(j.get(name))
        getter = _snake_to_camel(name)
        if type(self) in _BUILTIN.values() and hasattr(j, getter):
            return wrap(getattr(j, getter)())
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __delattr__(self, name):
        if self._j.has(name):
            self._j.register(name, None)
            self._children.pop(name, None)
        else:
            object.__delattr__(self, name)

    def __dir__(self):
        # Direct parameters and buffers have undotted names; submodules come from namedChildren.
        own = {str(k) for k in self._j.namedParameters() if "." not in str(k)}
        own |= {str(k) for k in self._j.namedBuffers() if "." not in str(k)}
        return sorted(set(object.__dir__(self)) | own | {str(k) for k in self._j.namedChildren()})

    def register_parameter(self, name, param):
        guard(self._j.registerParameter, name, None if param is None else param._t)

    def register_buffer(self, name, tensor, persistent=True):
        guard(self._j.registerBuffer, name, None if tensor is None else tensor._t, persistent)

    def add_module(self, name, module):
        guard(self._j.registerModule, name, None if module is None else module._j)
        self._children[name] = module

    register_module = add_module

    # ---- traversal ------------------------------------------------------------------------------

    def parameters(self, recurse=True):
        for p in self._j.parameters():
            yield wrap(p)

    def named_parameters(self, prefix="", recurse=True):
        named = self._j.namedParameters()
        for k in named:
            yield (prefix + "." + k if prefix else k), wrap(named[k])

    def buffers(self, recurse=True):
        for b in self._j.buffers():
            yield wrap(b)

    def named_buffers(self, prefix="", recurse=True):
        named = self._j.namedBuffers()
        for k in named:
            yield (prefix + "." + k if prefix else k), wrap(named[k])

    def children(self):
        for m in self._j.children():
            yield from_java(m)

    def named_children(self):
        named = self._j.namedChildren()
        for k in named:
            yield k, from_java(named[k])

    def modules(self):
        for m in self._j.modules():
            yield from_java(m)

    def named_modules(self, memo=None, prefix=""):
        named = self._j.namedModules()
        for k in named:
            yield (prefix + "." + k if prefix and k else prefix or k), from_java(named[k])

    def state_dict(self, destination=None, prefix="", keep_vars=False):
        out = collections.OrderedDict() if destination is None else destination
        sd = self._j.stateDict()
        for k in sd:
            t = wrap(sd[k])
            out[prefix + k] = t if keep_vars else t.detach()
        return out

    def load_state_dict(self, state_dict, strict=True):
        result = guard(self._j.loadStateDict, {k: v._t for k, v in state_dict.items()}, bool(strict))
        return _LoadResult(list(result.missingKeys()), list(result.unexpectedKeys()))

    # ---- copy and pickle --------------------------------------------------------------------------

    def __reduce_ex__(self, protocol):
        # NOTE: copy.copy, copy.deepcopy and pickle all rebuild through here; a shallow copy shares the parameters.
        recipe = self.__dict__.get("_recipe")
        if recipe is None and (isinstance(self, _EngineModule) or type(self) in _BUILTIN.values()
                               and not isinstance(self, _CONTAINERS)):
            raise TypeError(f"cannot copy or pickle this {self._get_name()}: it was made outside Python")
        return _rebuild_module, (type(self), recipe), self.__getstate__()

    def __getstate__(self):
        """Python attributes, mode, and the engine's direct parameters, buffers and submodules, in order."""
        j = self._j
        persistent = {str(k) for k in j.stateDict()}
        return {
            "attributes": {k: v for k, v in self.__dict__.items() if k not in _ENGINE_SIDE},
            "training": j.isTraining(),
            "parameters": [(name, p) for name, p in self.named_parameters() if "." not in name],
            "buffers": [(name, b, name in persistent) for name, b in self.named_buffers() if "." not in name],
            "children": list(self.named_children()),
        }

    def __setstate__(self, state):
        self.__dict__.update(state["attributes"])
        self._j.train(bool(state["training"]))
        for name, p in state["parameters"]:
            guard(self._j.register, name, p._t)
        for name, b, persistent in state["buffers"]:
            self.register_buffer(name, b, persistent)
        for name, m in state["children"]:
            self.add_module(name, m)

    # ---- modes ----------------------------------------------------------------------------------

    @property
    def training(self):
        return self._j.isTraining()

    def train(self, mode=True):
        self._j.train(bool(mode))
        return self

    def eval(self):
        self._j.eval()
        return self

    def zero_grad(self, set_to_none=False):
        self._j.zeroGrad(bool(set_to_none))

    def requires_grad_(self, requires_grad=True):
        self._j.requiresGrad_(bool(requires_grad))
        return self

    def apply(self, fn):
        for child in self.children():
            child.apply(fn)
        fn(self)
        return self

    def to(self, *args, **kwargs):
        for a in list(args) + list(kwargs.values()):
            guard(self._j.toDevice, str(a))
        return self

    def cpu(self):
        return self

    def cuda(self, device=None):
        guard(self._j.toDevice, "cuda")

    def float(self):
        return self

    def type(self, dst_type):
        return self

    def extra_repr(self):
        return ""

    def _get_name(self):
        return self._j.typeName()

    def __repr__(self):
        return self._j.toString()


class _ModuleSequence(Module):
    """What Sequential and ModuleList share: indexing, length, iteration and append on the engine's list."""

    def __getitem__(self, idx):
        return from_java(guard(self._j.get, idx))

    def __setitem__(self, idx, module):
        guard(self._j.set, idx, module._j)
        self._children[str(idx % len(self))] = module

    def __len__(self):
        return self._j.len()

    def __iter__(self):
        for m in self._j:
            yield from_java(m)

    def append(self, module):
        self._j.append(module._j)
        self._children[str(len(self) - 1)] = module
        return self

    def extend(self, modules):
        for m in modules:
            self.append(m)
        return self

    def insert(self, index, module):
        guard(self._j.insert, index, module._j)
        self._resync()
        return self

    def __delitem__(self, idx):
        if isinstance(idx, slice):
            for i in sorted(range(*idx.indices(len(self))), reverse=True):
                self._j.delete(i)
        else:
            guard(self._j.delete, idx)
        self._resync()

    def pop(self, idx):
        m = self[idx]
        del self[idx]
        return m

    def _resync(self):
        # NOTE: the engine renumbers after an insert or delete; the guest objects follow their modules.
        named = self._j.namedChildren()
        self._children.clear()
        self._children.update({str(k): from_java(named[k]) for k in named})


class Sequential(_ModuleSequence):
    """Runs its modules in order; indexable, sliceable and appendable."""

    def __init__(self, *args):
        Module.__init__(self, _j=guard(_bridge.MODULES.call, "Sequential", [to_java(a) for a in args], None,
                                       _bridge._ZERO_BASED))
        if len(args) == 1 and isinstance(args[0], dict):
            self._children.update(args[0])
        else:
            self._children.update({str(i): m for i, m in enumerate(args)})

    def forward(self, input):
        # NOTE: one call into the engine runs every layer; Python modules inside are called back.
        if isinstance(input, Tensor):
            return wrap(guard(self._j.call, input._t))
        for m in self:
            input = m(input)
        return input

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return from_java(self._j.slice(*_slice_bounds(idx, len(self))))
        return _ModuleSequence.__getitem__(self, idx)


class ModuleList(_ModuleSequence):
    """A list of modules that registers each as a submodule."""

    def __init__(self, modules=None):
        Module.__init__(self, _j=guard(_bridge.MODULES.call, "ModuleList",
                                       [None if modules is None else [m._j for m in modules]], None,
                                       _bridge._ZERO_BASED))

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return ModuleList([self[i] for i in range(*idx.indices(len(self)))])
        return _ModuleSequence.__getitem__(self, idx)


class _NamedMapping(Module):
    """What ModuleDict and ParameterDict share: the dict protocol over the engine's ordered map."""

    def __delitem__(self, key):
        self.pop(key)

    def __len__(self):
        return self._j.len()

    def __iter__(self):
        return iter(self._names())

    def __contains__(self, key):
        return self._j.contains(key)

    def _names(self):
        return [str(k) for k in self._j.keys()]

    def update(self, entries):
        pairs = entries.items() if hasattr(entries, "items") else entries
        for k, v in pairs:
            self[k] = v


class ModuleDict(_NamedMapping):
    """Modules by name, in insertion order."""

    def __init__(self, modules=None):
        Module.__init__(self, _j=guard(_bridge.MODULES.call, "ModuleDict", [None], None, _bridge._ZERO_BASED))
        if modules is not None:
            self.update(modules)

    def __getitem__(self, key):
        if not self._j.contains(key):
            raise KeyError(key)
        return from_java(self._j.get(key))

    def __setitem__(self, key, module):
        guard(self._j.set, key, module._j)
        self._children[key] = module

    def pop(self, key):
        m = self[key]
        self._j.pop(key)
        self._children.pop(key, None)
        return m

    # NOTE: as PyTorch's, views of an OrderedDict (odict_keys, odict_values, odict_items), taken when called.
    def keys(self):
        return self._ordered().keys()

    def values(self):
        return self._ordered().values()

    def items(self):
        return self._ordered().items()

    def _ordered(self):
        return collections.OrderedDict((k, self[k]) for k in self._names())

    def clear(self):
        self._j.clear()
        self._children.clear()


class ParameterList(Module):
    """A list of parameters; plain tensors are wrapped as parameters."""

    def __init__(self, values=None):
        Module.__init__(self, _j=guard(_bridge.MODULES.call, "ParameterList", [None], None, _bridge._ZERO_BASED))
        if values is not None:
            self.extend(values)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return ParameterList([self[i] for i in range(*idx.indices(len(self)))])
        return wrap(guard(self._j.get, idx))

    def __setitem__(self, idx, param):
        guard(self._j.set, idx, param._t)

    def __len__(self):
        return self._j.len()

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def append(self, value):
        guard(self._j.append, value._t)
        return self

    def extend(self, values):
        for v in values:
            self.append(v)
        return self


class ParameterDict(_NamedMapping):
    """Parameters by name, in insertion order; plain tensors are wrapped as parameters."""

    def __init__(self, parameters=None):
        Module.__init__(self, _j=guard(_bridge.MODULES.call, "ParameterDict", [None], None, _bridge._ZERO_BASED))
        if parameters is not None:
            self.update(parameters)

    def __getitem__(self, key):
        if not self._j.contains(key):
            raise KeyError(key)
        return wrap(self._j.get(key))

    def __setitem__(self, key, param):
        guard(self._j.set, key, param._t)

    def pop(self, key):
        p = self[key]
        self._j.pop(key)
        return p

    # NOTE: as PyTorch 1.13's: keys() a dict_keys view, values() and items() generators.
    def keys(self):
        return dict.fromkeys(self._names()).keys()

    def values(self):
        return (self[k] for k in self._names())

    def items(self):
        return ((k, self[k]) for k in self._names())

    def clear(self):
        self._j.clear()


def _from_pretrained(cls, embeddings, freeze=True, padding_idx=None, max_norm=None, norm_type=2.0,
                     scale_grad_by_freq=False, sparse=False):
    """Embedding.from_pretrained: wraps the given 2-D weights; frozen unless freeze=False."""
    if embeddings.dim() != 2:
        raise AssertionError("Embeddings parameter is expected to be 2-dimensional")
    rows, cols = embeddings.shape
    m = cls(rows, cols, _weight=embeddings, padding_idx=padding_idx, max_norm=max_norm, norm_type=norm_type,
            scale_grad_by_freq=scale_grad_by_freq, sparse=sparse)
    m.weight.requires_grad_(not freeze)
    return m


_ENGINE_SIDE = ("_j", "_children", "_recipe")


def _rebuild_module(cls, recipe):
    """An empty module of cls that __setstate__ fills: a built-in one is built again from its constructor's
    arguments, without drawing from the default generator (its parameters are replaced right after)."""
    m = cls.__new__(cls)
    if recipe is not None:
        name, args, kwargs = recipe
        generator = _bridge.JGenerator.getDefault()
        state = generator.getState()
        try:
            _BUILTIN[name].__init__(m, *args, **kwargs)
        finally:
            generator.setState(state)
    elif issubclass(cls, _ModuleSequence):
        kind = "Sequential" if issubclass(cls, Sequential) else "ModuleList"
        Module.__init__(m, _j=guard(_bridge.MODULES.call, kind, [], None, _bridge._ZERO_BASED))
    elif issubclass(cls, _CONTAINERS):
        # NOTE: an empty container; __setstate__ registers its parameters or modules in their order.
        kind = next(c.__name__ for c in _CONTAINERS[1:] if issubclass(cls, c))
        Module.__init__(m, _j=guard(_bridge.MODULES.call, kind, [None], None, _bridge._ZERO_BASED))
    else:
        Module.__init__(m)
    return m


def _slice_bounds(s, n):
    start, stop, step = s.indices(n)
    if step != 1:
        raise ValueError("Sequential slicing supports step 1 only")
    return start, stop


def _builtin(name):
    def __init__(self, *args, **kwargs):
        Module.__init__(self, _j=guard(_bridge.MODULES.call, name, [to_java(a) for a in args],
                                       {k: to_java(v) for k, v in kwargs.items()} or None, _bridge._ZERO_BASED))
        object.__setattr__(self, "_recipe", (name, args, kwargs))

    def forward(self, *args):
        if len(args) == 1 and type(args[0]) is Tensor:
            return wrap(guard(self._j.call, args[0]._t))  # NOTE: a layer's usual call, without the list
        return wrap(guard(self._j.call, *[to_java(a) for a in args]))
    op = _bridge.MODULES.op(name)
    return type(name, (Module,), {"__init__": __init__, "forward": forward,
                                  "__doc__": f"{op.signature()}\n\n{op.summary()}", "__module__": "torch.nn"})


class _EngineModule(Module):
    """A module made outside Python (in Java or another language): calling it runs its engine forward."""

    def forward(self, *args):
        return wrap(guard(self._j.call, *[to_java(a) for a in args]))


# The containers a copy rebuilds empty and refills from their state.
_CONTAINERS = (_ModuleSequence, ModuleDict, ParameterList, ParameterDict)

_BUILTIN = {"Sequential": Sequential, "ModuleList": ModuleList, "ModuleDict": ModuleDict,
            "ParameterList": ParameterList, "ParameterDict": ParameterDict}
for _name in _bridge.MODULES.names():
    if _name not in _BUILTIN:
        _BUILTIN[_name] = _builtin(_name)
_BUILTIN["Embedding"].from_pretrained = classmethod(_from_pretrained)
