"""torch.save and torch.load in PyTorch's own file format, on the engine's org.torchglot.engine.io.

Paths go to the context's GuestFiles object, which resolves them against the working directory and checks them
against the sandbox before the engine writes (atomically) or reads. File-like objects are written and read by
the script itself, so its own file access rules apply."""
import os
import warnings

from torch import _bridge
from torch._values import guest_files as _guest_files, to_engine, to_python


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
    jobj = to_engine(obj)
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
    return to_python(loaded.value())
