"""numpy's file functions: np.save/np.load in the .npy format (version 1.0, as numpy 1.24 writes it) and the text
functions savetxt, loadtxt and genfromtxt. Files go through the script's own open(), so the sandbox's file
permissions apply as for any Python file access."""
import ast
import builtins
import math
import os
import struct

from numpy._dtypes import as_dtype
from numpy._ndarray import array, asarray

_MAGIC = b"\x93NUMPY"
_ALIGN = 64
_GROWTH_AXIS_MAX_DIGITS = 21
# .npy type descriptions of the four dtypes arrays hold, with struct's codes for their values.
_DESCR = {"float64": ("<f8", "d"), "float32": ("<f4", "f"), "int64": ("<i8", "q"), "bool": ("|b1", "?")}
# What np.load accepts: numpy's little-endian numeric types, read into the nearest dtype here.
_READ = {"<f8": ("d", 8, "float64"), "<f4": ("f", 4, "float32"), "<i8": ("q", 8, "int64"), "<i4": ("i", 4, "int64"),
         "<i2": ("h", 2, "int64"), "|i1": ("b", 1, "int64"), "|u1": ("B", 1, "int64"), "<u2": ("H", 2, "int64"),
         "<u4": ("I", 4, "int64"), "|b1": ("?", 1, "bool"), "<f2": ("e", 2, "float32")}


def _open(file, mode):
    """A path (str or PathLike) opened by us, or a file object the caller owns."""
    if isinstance(file, (str, bytes, os.PathLike)):
        return open(file, mode), True
    return file, False


# ---- .npy --------------------------------------------------------------------------------------

def _header(descr, shape):
    text = "{'descr': %r, 'fortran_order': False, 'shape': %r, }" % (descr, tuple(shape))
    text += " " * (_GROWTH_AXIS_MAX_DIGITS - len(repr(shape[0]))) if len(shape) > 0 else ""
    encoded = text.encode("latin1")
    hlen = len(encoded) + 1
    padlen = _ALIGN - ((len(_MAGIC) + 2 + 2 + hlen) % _ALIGN)
    return _MAGIC + b"\x01\x00" + struct.pack("<H", hlen + padlen) + encoded + b" " * padlen + b"\n"


def save(file, arr, allow_pickle=True, fix_imports=True):
    """Writes arr to a .npy file (".npy" is appended to a path without it), as numpy writes it."""
    if isinstance(file, (str, os.PathLike)):
        file = os.fspath(file)
        if not file.endswith(".npy"):
            file = file + ".npy"
    a = asarray(arr)
    descr, code = _DESCR[str(a.dtype)]
    values = a.ravel().tolist() if a.ndim else [a.item()]
    f, owned = _open(file, "wb")
    try:
        f.write(_header(descr, a.shape))
        f.write(struct.pack("<%d%s" % (len(values), code), *values))
    finally:
        if owned:
            f.close()


def load(file, mmap_mode=None, allow_pickle=False, fix_imports=True, encoding="ASCII"):
    """Reads an array from a .npy file written by numpy or np.save."""
    f, owned = _open(file, "rb")
    try:
        magic = f.read(8)
        if magic[:6] != _MAGIC:
            raise ValueError(f"Cannot load file containing pickled data when allow_pickle=False"
                             if magic[:1] == b"\x80" else "the file is not a .npy file (no numpy magic string)")
        major = magic[6]
        size_format = "<H" if major == 1 else "<I"
        (hlen,) = struct.unpack(size_format, f.read(struct.calcsize(size_format)))
        header = ast.literal_eval(f.read(hlen).decode("latin1"))
        data = f.read()
    finally:
        if owned:
            f.close()
    descr, shape, fortran = header["descr"], tuple(header["shape"]), header["fortran_order"]
    if descr not in _READ:
        raise ValueError(f"torchglot's np.load reads numeric arrays; this file holds dtype {descr!r}")
    code, width, dtype = _READ[descr]
    count = 1
    for d in shape:
        count *= d
    if len(data) < count * width:
        raise ValueError(f"EOFError: the .npy file holds {len(data)} bytes of data, {count * width} expected")
    values = list(struct.unpack("<%d%s" % (count, code), data[:count * width]))
    a = array(values, dtype=dtype)
    if fortran:
        return a.reshape(tuple(reversed(shape))).transpose() if shape else a.reshape(())
    return a.reshape(shape)


# ---- text ---------------------------------------------------------------------------------------

def savetxt(fname, X, fmt="%.18e", delimiter=" ", newline="\n", header="", footer="", comments="# ",
            encoding=None):
    """Writes a 1-D or 2-D array as text, one row per line (a 1-D array one value per line)."""
    X = asarray(X)
    if X.ndim == 0 or X.ndim > 2:
        raise ValueError(f"Expected 1D or 2D array, got {X.ndim}D array instead")
    rows = [[v] for v in X.tolist()] if X.ndim == 1 else X.tolist()
    ncol = 1 if X.ndim == 1 else X.shape[1]
    if isinstance(fmt, (list, tuple)):
        if len(fmt) != ncol:
            raise AttributeError(f"fmt has wrong shape.  {fmt}")
        row_format = delimiter.join(fmt)
    elif fmt.count("%") == 1:
        row_format = delimiter.join([fmt] * ncol)
    elif fmt.count("%") != ncol:
        raise ValueError(f"fmt has wrong number of % formats:  {fmt}")
    else:
        row_format = fmt
    f, owned = _open(fname, "w")
    try:
        if header:
            f.write(comments + header.replace("\n", "\n" + comments) + newline)
        for row in rows:
            f.write(row_format % tuple(row) + newline)
        if footer:
            f.write(comments + footer.replace("\n", "\n" + comments) + newline)
    finally:
        if owned:
            f.close()


def _lines(fname):
    f, owned = _open(fname, "r")
    try:
        text = f.read()
    finally:
        if owned:
            f.close()
    if isinstance(text, bytes):
        text = text.decode("latin1")
    return text.splitlines()


def _fields(line, comments, delimiter):
    if comments:
        for c in [comments] if isinstance(comments, str) else comments:
            line = line.split(c, 1)[0]
    line = line.strip("\r\n")
    if not line.strip():
        return None
    return line.split() if delimiter is None else [field.strip() for field in line.split(delimiter)]


def _squeezed(rows, dtype, ndmin, unpack):
    a = array(rows, dtype=dtype) if rows else array([], dtype=dtype)
    if a.ndim > ndmin:
        a = a.squeeze()
    if a.ndim < ndmin:
        a = a.reshape(-1) if ndmin == 1 else a.reshape(1, -1).T if a.ndim == 1 else a.reshape(1, 1)
    return a.T if unpack else a


def loadtxt(fname, dtype=float, comments="#", delimiter=None, converters=None, skiprows=0, usecols=None,
            unpack=False, ndmin=0, encoding="bytes", max_rows=None):
    """Reads a table of numbers: one row per line, fields split on whitespace or the delimiter."""
    dt = as_dtype(dtype)
    parse = builtins.int if str(dt) == "int64" else builtins.float
    if isinstance(usecols, builtins.int):
        usecols = [usecols]
    rows = []
    width = None
    for number, line in enumerate(_lines(fname)):
        if number < skiprows:
            continue
        if max_rows is not None and len(rows) >= max_rows:
            break
        fields = _fields(line, comments, delimiter)
        if fields is None:
            continue
        if usecols is not None:
            fields = [fields[c] for c in usecols]
        if width is not None and len(fields) != width:
            raise ValueError(f"the number of columns changed from {width} to {len(fields)} at row {number + 1}; "
                             "use `usecols` to select a subset and avoid this error")
        width = len(fields)
        row = []
        for column, field in enumerate(fields):
            try:
                row.append(converters[column](field) if converters and column in converters else parse(field))
            except ValueError:
                raise ValueError(f"could not convert string {field!r} to {dt} at row {number}, "
                                 f"column {column + 1}.") from None
        rows.append(row)
    return _squeezed(rows, dt, ndmin, unpack)


def genfromtxt(fname, dtype=float, comments="#", delimiter=None, skip_header=0, skip_footer=0, converters=None,
               missing_values=None, filling_values=None, usecols=None, names=None, unpack=None, ndmin=0,
               max_rows=None, encoding="bytes"):
    """Like loadtxt, but a missing or unreadable field becomes filling_values (nan by default)."""
    if names not in (None, False):
        raise NotImplementedError("genfromtxt(names=...) makes a structured array, which torchglot's numpy lacks")
    dt = as_dtype(dtype)
    fill = math.nan if filling_values is None else filling_values
    if isinstance(usecols, builtins.int):
        usecols = [usecols]
    lines = _lines(fname)[skip_header:]
    if skip_footer:
        lines = lines[:-skip_footer]
    rows = []
    width = None
    for number, line in enumerate(lines):
        if max_rows is not None and len(rows) >= max_rows:
            break
        fields = _fields(line, comments, delimiter)
        if fields is None:
            continue
        if usecols is not None:
            fields = [fields[c] if c < len(fields) else "" for c in usecols]
        if width is not None and len(fields) != width:
            raise ValueError(f"Some errors were detected !\n    Line #{number + 1 + skip_header} (got {len(fields)} "
                             f"columns instead of {width})")
        width = len(fields)
        row = []
        for field in fields:
            try:
                row.append(builtins.float(field) if field and field != missing_values else fill)
            except ValueError:
                row.append(fill)
        rows.append(row)
    return _squeezed(rows, dt, ndmin, bool(unpack))
