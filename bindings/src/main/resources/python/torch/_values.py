"""Python values <-> engine values, structure kept: the one conversion behind torch.save/torch.load, optimizers'
state_dict/load_state_dict and param_groups, so what a script gets back is made of Python objects (dicts, lists,
tuples, ints, floats, tensors), never a foreign one."""
import collections

import polyglot

from torch import _bridge

_files = None


def guest_files():
    """The context's GuestFiles object: the sandboxed file access and the host collections guests may build."""
    global _files
    if _files is None:
        _files = polyglot.import_value("torchglot.files")
        if _files is None:
            raise RuntimeError("torch.save/torch.load need a torchglot context")
    return _files


def to_engine(value, refusal="torch.save cannot save"):
    """A Python value as the engine keeps it: tensors unwrapped; OrderedDicts, tuples and sets keep their Python type."""
    if isinstance(value, _bridge._Tensor):
        return value._t
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    files = guest_files()
    if isinstance(value, collections.OrderedDict):
        return files.newOrderedDict({to_engine(k, refusal): to_engine(v, refusal) for k, v in value.items()})
    if isinstance(value, dict):
        return {to_engine(k, refusal): to_engine(v, refusal) for k, v in value.items()}
    if isinstance(value, tuple):
        return files.newTuple([to_engine(v, refusal) for v in value])
    if isinstance(value, list):
        return [to_engine(v, refusal) for v in value]
    if isinstance(value, (set, frozenset)):
        return files.newSet([to_engine(v, refusal) for v in value])
    raise TypeError(f"{refusal} an object of type {type(value).__name__}; torchglot saves tensors, "
                    "numbers, strings, bools, None, lists, tuples, dicts and sets of them")


def to_python(value):
    """An engine value as Python sees it: tensors wrapped, dicts, OrderedDicts, tuples, lists and sets rebuilt. An
    object the value refers to twice is one Python object referred to twice, as PyTorch's unpickler gives it."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    graph = guest_files().objectGraph(value)
    built = {}

    def build(i):
        if i in built:
            return built[i]
        kind, payload = graph[i]
        if kind == "tensor":
            obj = _bridge.wrap(payload)
        elif kind in ("list", "dict", "ordered_dict"):
            # NOTE: a mutable container is registered before its items are built, so a cycle back to it ends here.
            obj = built[i] = [] if kind == "list" else {} if kind == "dict" else collections.OrderedDict()
            if kind == "list":
                obj.extend(build(j) for j in payload)
            else:
                keys_and_values = [build(j) for j in payload]
                obj.update(zip(keys_and_values[0::2], keys_and_values[1::2]))
        elif kind == "tuple":
            obj = tuple(build(j) for j in payload)
        elif kind == "set":
            obj = {build(j) for j in payload}
        elif kind == "none":
            obj = None
        else:
            obj = payload
        built[i] = obj
        return obj

    return build(0)
