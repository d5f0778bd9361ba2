"""Figure and Axes: Python faces on the Java renderer's objects. They turn matplotlib's calling
conventions (data as lists, arrays or tensors, format strings, keyword aliases) into Java calls."""
import base64
import math
import os
import java
import numpy
from torch import _bridge

_JFigure = java.type("org.torchglot.bindings.plot.Figure")
_NAN = math.nan


def _call(fn, *args):
    """Calls the renderer, turning its errors into Python's."""
    return _bridge.guard(fn, *args)


def _data(values):
    """Plot data (list, number, numpy array, torch tensor) as a float64 numpy array."""
    if hasattr(values, "_t") and type(values).__name__ != "ndarray":
        values = values.detach().numpy() if hasattr(values, "detach") else values
    return numpy.asarray(values, dtype=float)


def _columns(y):
    """A 2-D y is one line per column, as in matplotlib."""
    if y.ndim <= 1:
        return [y.ravel()]
    return [y[:, j] for j in range(y.shape[1])]


def _number(v):
    return _NAN if v is None else float(v)


def _text(v):
    return None if v is None else str(v)


def _limits(args, low, high, low_name, high_name):
    if len(args) == 1 and isinstance(args[0], (tuple, list)):
        low, high = args[0]
    elif len(args) == 2:
        low, high = args
    elif len(args) == 1:
        low = args[0]
    return low, high


class Line2D:
    """What plot() returns: one drawn line and its label."""

    def __init__(self, label):
        self._label = label

    def get_label(self):
        return self._label


class Axes:
    """A plot area, as matplotlib.axes.Axes."""

    def __init__(self, figure, jaxes):
        self.figure = figure
        self._j = jaxes
        self._xlim = (None, None)
        self._ylim = (None, None)

    def plot(self, *args, scalex=True, scaley=True, data=None, **kwargs):
        label = kwargs.pop("label", None)
        color = kwargs.pop("color", kwargs.pop("c", None))
        linestyle = kwargs.pop("linestyle", kwargs.pop("ls", None))
        marker = kwargs.pop("marker", None)
        linewidth = kwargs.pop("linewidth", kwargs.pop("lw", None))
        markersize = kwargs.pop("markersize", kwargs.pop("ms", None))
        lines = []
        args = list(args)
        while args:
            x = args.pop(0)
            if args and not isinstance(args[0], str):
                y = _data(args.pop(0))
                x = _data(x)
            else:
                y = _data(x)
                x = numpy.arange(y.shape[0] if y.ndim else 1, dtype=float)
            fmt = args.pop(0) if args and isinstance(args[0], str) else None
            for column in _columns(y):
                _call(self._j.plot, x.ravel()._t, column._t, fmt, _text(label), _text(color), _text(linestyle),
                      _text(marker), _number(linewidth), _number(markersize))
                lines.append(Line2D(label))
        return lines

    def scatter(self, x, y, s=None, c=None, marker=None, label=None, color=None, alpha=None, **kwargs):
        _call(self._j.scatter, _data(x).ravel()._t, _data(y).ravel()._t,
              _number(s) if not hasattr(s, "__len__") else _NAN, _text(c if isinstance(c, str) else color),
              _text(marker), _text(label))

    def hist(self, x, bins=10, range=None, density=False, color=None, label=None, alpha=None, **kwargs):
        lo, hi = range if range is not None else (None, None)
        counts, edges = _call(self._j.hist, _data(x).ravel()._t, int(bins), _number(lo), _number(hi), bool(density),
                              _text(color), _text(label))
        return numpy.ndarray._from_tensor(counts), numpy.ndarray._from_tensor(edges), []

    def bar(self, x, height, width=0.8, color=None, label=None, **kwargs):
        x = _data(x).ravel()
        height = _data(height).ravel()
        if height.size == 1 and x.size > 1:
            height = numpy.full(x.shape, float(height[0]))
        _call(self._j.bar, x._t, height._t, _number(width), _text(color), _text(label))

    def set_title(self, label, fontsize=None, **kwargs):
        self._j.setTitle(str(label))

    def set_xlabel(self, label, fontsize=None, **kwargs):
        self._j.setXLabel(str(label))

    def set_ylabel(self, label, fontsize=None, **kwargs):
        self._j.setYLabel(str(label))

    def set_xlim(self, *args, left=None, right=None, **kwargs):
        left, right = _limits(args, left, right, "left", "right")
        self._xlim = (left, right)
        self._j.setXLim(_number(left), _number(right))
        return self._xlim

    def set_ylim(self, *args, bottom=None, top=None, **kwargs):
        bottom, top = _limits(args, bottom, top, "bottom", "top")
        self._ylim = (bottom, top)
        self._j.setYLim(_number(bottom), _number(top))
        return self._ylim

    def get_xlim(self):
        return self._xlim

    def get_ylim(self):
        return self._ylim

    def grid(self, visible=None, which="major", axis="both", **kwargs):
        self._j.grid(True if visible is None else bool(visible))

    def legend(self, *args, loc=None, fontsize=None, **kwargs):
        if not self._j.hasLabels():
            import sys
            print("No artists with labels found to put in legend.  Note that artists whose label start with an "
                  "underscore are ignored when legend() is called with no argument.", file=sys.stderr)
        size = fontsize if isinstance(fontsize, (int, float)) else None
        self._j.legend(_text(loc), _number(size))


class AxesGrid:
    """The axes of subplots(nrows, ncols): indexable as axes[i] or axes[i, j], iterable, with .flat."""

    def __init__(self, rows):
        self._rows = rows
        self.shape = (len(rows),) if not isinstance(rows[0], list) else (len(rows), len(rows[0]))

    def __getitem__(self, key):
        if isinstance(key, tuple):
            item = self._rows
            for k in key:
                item = item[k]
            return item
        item = self._rows[key]
        return AxesGrid(item) if isinstance(item, list) else item

    def __iter__(self):
        for item in self._rows:
            yield AxesGrid(item) if isinstance(item, list) else item

    def __len__(self):
        return len(self._rows)

    @property
    def flat(self):
        return iter(self.ravel())

    def ravel(self):
        return [a for row in self._rows for a in (row if isinstance(row, list) else [row])]

    flatten = ravel


class Figure:
    """A figure: a size in inches, a dpi, and its axes."""

    def __init__(self, number, figsize=None, dpi=None):
        width, height = figsize if figsize is not None else (6.4, 4.8)
        self.number = number
        self._j = _call(_JFigure, float(width), float(height), float(dpi or 100.0))
        self.axes = []
        self._current = None

    def add_subplot(self, *args):
        rows, columns, index = _grid_spec(args)
        jaxes = _call(self._j.subplot, rows, columns, index)
        for a in self.axes:
            if a._j == jaxes:
                self._current = a
                return a
        axes = Axes(self, jaxes)
        self.axes.append(axes)
        self._current = axes
        return axes

    def gca(self):
        return self._current or self.add_subplot(1, 1, 1)

    def suptitle(self, text, **kwargs):
        self._j.setTitle(str(text))

    def get_dpi(self):
        return self._j.dpi()

    def get_size_inches(self):
        return numpy.array([self._j.width(), self._j.height()])

    def tight_layout(self, **kwargs):
        """The renderer always lays axes out on their grid; nothing to adjust."""

    def savefig(self, fname, dpi=None, format=None, bbox_inches=None, **kwargs):
        """Writes the figure as PNG: to a temporary file beside the target, then renamed over it."""
        fname = os.fspath(fname)
        if format not in (None, "png") or os.path.splitext(fname)[1].lower() not in ("", ".png"):
            raise ValueError(f"Format '{format or os.path.splitext(fname)[1][1:]}' is not supported "
                             "(supported formats: png)")
        if not os.path.splitext(fname)[1]:
            fname += ".png"
        resolution = _NAN if dpi in (None, "figure") else float(dpi)
        png = base64.b64decode(str(_call(self._j.renderPngBase64, resolution)))
        temporary = os.path.join(os.path.dirname(fname) or ".", "." + os.path.basename(fname) + ".tmp")
        with open(temporary, "wb") as out:
            out.write(png)
        try:
            os.replace(temporary, fname)
        except OSError:
            # NOTE: the sandbox's composite file system refuses atomic moves; then the file is
            # written in place (a reader may briefly see a partial file).
            os.remove(temporary)
            with open(fname, "wb") as out:
                out.write(png)


def _grid_spec(args):
    if len(args) == 1 and isinstance(args[0], int) and 111 <= args[0] <= 999:
        digits = str(args[0])
        return int(digits[0]), int(digits[1]), int(digits[2])
    if len(args) == 3:
        return int(args[0]), int(args[1]), int(args[2])
    if not args:
        return 1, 1, 1
    raise ValueError(f"Illegal argument(s) to subplot: {args}")
