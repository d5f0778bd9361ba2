"""torch.save and torch.load in PyTorch's own file format, on the engine's org.torchglot.engine.io.

Paths go to the context's GuestFiles object, which resolves them against the working directory and checks them
against the sandbox before the engine writes (atomically) or reads. File-like objects are written and read by
the script itself, so its own file access rules apply."""
import collections
import os
import warnings

import polyglot

from torch import _bridge

_files = None


def _guest_files():
    global _files
    if _files is None:
        _files = polyglot.import_value("torchglot.files")
        if _files is None:
            raise RuntimeError("torch.save/torch.load need a torchglot context")
    return _files


def _to_java(value):
    """A Python object as the engine saves it: OrderedDicts, tuples and sets keep their Python type."""
    files = _guest_files()
    if isinstance(value, _bridge._Tensor):
        return value._t
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, collections.OrderedDict):
        return files.newOrderedDict({_to_java(k): _to_java(v) for k, v in value.items()})
    if isinstance(value, dict):
        return {_to_java(k): _to_java(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return files.newTuple([_to_java(v) for v in value])
    if isinstance(value, list):
        return [_to_java(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return files.newSet([_to_java(v) for v in value])
    raise TypeError(f"torch.save cannot save an object of type {type(value).__name__}; torchglot saves tensors, "
                    "numbers, strings, bools, None, lists, tuples, dicts and sets of them")


def _from_java(value):
    """An engine value as Python sees it: tensors wrapped, dicts, OrderedDicts, tuples, lists and sets rebuilt. An
    object the value refers to twice is one Python object referred to twice, as PyTorch's unpickler gives it."""
    graph = _guest_files().objectGraph(value)
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
        else:
            obj = payload
        built[i] = obj
        return obj

    return build(0)


def _path(f):
    if isinstance(f, (str, bytes, os.PathLike)):
        path = os.fsdecode(os.fspath(f))
        # NOTE: the script's own current directory, which os.chdir may have moved below the working directory.
        return os.path.abspath(path)
    return None


def _call(fn, *args):
    try:
        return fn(*args)
    except BaseException as e:
        py = _bridge.translate(e)
        if py is not None:
            raise py from None
        if "SecurityException" in type(e).__name__ or "Permission denied" in str(e):
            raise PermissionError(str(e).split(": ", 1)[-1] if "SecurityException" in str(e) else str(e)) from None
        raise


def save(obj, f, pickle_module=None, pickle_protocol=2, _use_new_zipfile_serialization=True):
    """Saves obj to a path or a writable binary file object, in the format torch.save uses."""
    files = _guest_files()
    jobj = _to_java(obj)
    path = _path(f)
    if path is not None:
        _call(files.save, jobj, path)
    else:
        # NOTE: Java bytes are signed.
        f.write(bytes(b & 0xFF for b in _call(files.saveToBytes, jobj)))


def load(f, map_location=None, pickle_module=None, weights_only=False, **pickle_load_args):
    """Loads an object saved by torch.save (here or in PyTorch). Only tensors, numbers, strings, None, bools,
    lists, tuples, dicts, OrderedDicts and sets are accepted: a file that would run code is refused, whatever
    weights_only says. Every tensor loads on the CPU, whatever map_location says."""
    files = _guest_files()
    path = _path(f)
    loaded = _call(files.load, path) if path is not None else _call(files.loadFromBytes, f.read())
    for note in loaded.notes():
        warnings.warn(str(note))
    return _from_java(loaded.value())
