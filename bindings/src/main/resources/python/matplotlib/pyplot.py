"""matplotlib.pyplot: the state machine (current figure, current axes) over Figure and Axes.
Headless: show() saves each open figure as figure_N.png in the working directory, or shows it inline in Jupyter."""
import os

import java
from matplotlib._figure import Figure, Axes, AxesGrid

_Display = java.type("org.torchglot.bindings.plot.FigureDisplay")
_figures = {}
_current = None


def figure(num=None, figsize=None, dpi=None, **kwargs):
    """Makes figure `num` current, creating it (with figsize in inches and dpi) if needed."""
    global _current
    if isinstance(num, Figure):
        _current = num
        return num
    if num is None:
        num = max(_figures, default=0) + 1
    if num not in _figures:
        _figures[num] = Figure(num, figsize, dpi)
    _current = _figures[num]
    return _current


def gcf():
    return _current or figure()


def gca():
    return gcf().gca()


def subplot(*args, **kwargs):
    return gcf().add_subplot(*args)


def subplots(nrows=1, ncols=1, figsize=None, dpi=None, squeeze=True, **kwargs):
    """A new figure and its grid of axes: (fig, ax), (fig, [ax, ...]) or (fig, [[ax, ...], ...])."""
    fig = figure(figsize=figsize, dpi=dpi)
    rows = [[fig.add_subplot(nrows, ncols, r * ncols + c + 1) for c in range(ncols)] for r in range(nrows)]
    if squeeze and nrows == 1 and ncols == 1:
        return fig, rows[0][0]
    if squeeze and (nrows == 1 or ncols == 1):
        return fig, AxesGrid([a for row in rows for a in row])
    return fig, AxesGrid(rows)


def _axes_function(name):
    def f(*args, **kwargs):
        return getattr(gca(), name)(*args, **kwargs)
    f.__name__ = name
    f.__doc__ = f"Axes.{name} on the current axes."
    return f


plot = _axes_function("plot")
scatter = _axes_function("scatter")
hist = _axes_function("hist")
bar = _axes_function("bar")
grid = _axes_function("grid")
legend = _axes_function("legend")
title = _axes_function("set_title")
xlabel = _axes_function("set_xlabel")
ylabel = _axes_function("set_ylabel")


def xlim(*args, **kwargs):
    if not args and not kwargs:
        return gca().get_xlim()
    return gca().set_xlim(*args, **kwargs)


def ylim(*args, **kwargs):
    if not args and not kwargs:
        return gca().get_ylim()
    return gca().set_ylim(*args, **kwargs)


def suptitle(text, **kwargs):
    gcf().suptitle(text, **kwargs)


def tight_layout(**kwargs):
    gcf().tight_layout()


def savefig(fname, **kwargs):
    gcf().savefig(fname, **kwargs)


def show(block=None):
    """Shows every open figure inline (in a Jupyter notebook), else saves it to the next free figure_N.png
    in the working directory; then closes it."""
    for num in sorted(_figures):
        if _Display.isInline():
            _Display.show(_figures[num]._j)
            continue
        name = _next_free_name()
        _figures[num].savefig(name)
        print(f"Saved figure to {name}")
    close("all")


def _next_free_name():
    n = 1
    while os.path.exists(f"figure_{n}.png"):
        n += 1
    return f"figure_{n}.png"


def close(fig=None):
    """Closes the current figure, a figure (object or number), or 'all'."""
    global _current
    if fig == "all":
        _figures.clear()
        _current = None
        return
    target = _current if fig is None else fig if isinstance(fig, Figure) else _figures.get(fig)
    for num, f in list(_figures.items()):
        if f is target:
            del _figures[num]
    if _current is target:
        _current = _figures[max(_figures)] if _figures else None


def clf():
    global _current
    if _current is not None:
        num = _current.number
        _figures[num] = Figure(num)
        _current = _figures[num]


def get_fignums():
    return sorted(_figures)


def ion():
    """Interactive mode does not exist headless."""


def ioff():
    """Interactive mode does not exist headless."""


def pause(interval):
    """Nothing is displayed, so there is nothing to wait for."""
