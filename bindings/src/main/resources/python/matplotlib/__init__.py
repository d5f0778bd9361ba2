"""matplotlib on the torchglot engine: pyplot draws through a Java renderer (JFreeChart) and,
headless, show() saves PNG files instead of opening windows."""
__version__ = "3.6.3"

rcParams = {"figure.figsize": [6.4, 4.8], "figure.dpi": 100.0, "savefig.dpi": "figure", "font.size": 10.0}


def use(backend, force=True):
    """Backends are not selectable: every figure renders headless to PNG."""


def get_backend():
    return "agg"
