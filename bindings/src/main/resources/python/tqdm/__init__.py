"""A small tqdm: progress bars for loops, drawn on the REPL's terminal or printed plainly.

    for x in tqdm(data, desc="train"): ...
    for epoch in trange(100): ...

On a terminal (the torchglot REPL) the bar redraws in place through the REPL's terminal;
otherwise, as when a script's output goes to a file, one final line goes to standard error.
"""
import sys
import time

import java

__all__ = ["tqdm", "trange"]
__version__ = "4.64.1-torchglot"

_Display = java.type("org.torchglot.bindings.ProgressDisplay")
_BLOCKS = " ▏▎▍▌▋▊▉█"
_REDRAW_SECONDS = 0.1


def _clock(seconds):
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:d}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


def _bar(fraction, width):
    filled = fraction * width
    full = int(filled)
    partial = int((filled - full) * (len(_BLOCKS) - 1))
    text = _BLOCKS[-1] * full
    if full < width:
        text += _BLOCKS[partial] + " " * (width - full - 1)
    return text


class tqdm:
    """Wraps an iterable and reports its progress, as tqdm.tqdm does (desc, total, leave, disable, unit)."""

    def __init__(self, iterable=None, desc=None, total=None, leave=True, file=None, disable=False,
                 unit="it", **_ignored):
        if total is None and iterable is not None:
            try:
                total = len(iterable)
            except (TypeError, AttributeError):
                total = None
        self.iterable = iterable
        self.desc = desc or ""
        self.total = total
        self.leave = leave
        self.file = file
        self.disable = disable
        self.unit = unit
        self.n = 0
        self.postfix = ""
        self._start = time.time()
        self._drawn = 0.0
        self._closed = False
        self._interactive = _Display.isInteractive() and file is None

    def __iter__(self):
        if self.disable:
            yield from self.iterable
            return
        try:
            for item in self.iterable:
                yield item
                self.update(1)
        finally:
            self.close()

    def __len__(self):
        return self.total if self.total is not None else len(self.iterable)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def update(self, n=1):
        """Advances the bar by n steps."""
        self.n += n
        now = time.time()
        if self._interactive and not self.disable and now - self._drawn >= _REDRAW_SECONDS:
            self._drawn = now
            _Display.show(self._line(_Display.width()))

    def set_description(self, desc=None, refresh=True):
        self.desc = desc or ""

    def set_postfix(self, ordered_dict=None, refresh=True, **kwargs):
        items = dict(ordered_dict or {}, **kwargs)
        self.postfix = ", ".join(f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}" for k, v in items.items())

    def write(self, s, file=None, end="\n"):
        print(s, file=file or sys.stdout, end=end)

    def close(self):
        """Draws the final state once: in place on a terminal, as one line otherwise."""
        if self._closed or self.disable:
            return
        self._closed = True
        if self._interactive:
            _Display.finish(self._line(_Display.width()) if self.leave else "")
        elif self.leave:
            print(self._line(None), file=self.file or sys.stderr)

    def _line(self, width):
        """The bar as tqdm draws it; width None gives its 10-block bar for non-terminals."""
        elapsed = time.time() - self._start
        rate = self.n / elapsed if elapsed > 0 else 0.0
        prefix = f"{self.desc}: " if self.desc else ""
        postfix = f", {self.postfix}" if self.postfix else ""
        speed = f"{rate:.2f}{self.unit}/s" if rate else f"?{self.unit}/s"
        if not self.total:
            return f"{prefix}{self.n}{self.unit} [{_clock(elapsed)}, {speed}{postfix}]"
        fraction = min(self.n / self.total, 1.0)
        remaining = (self.total - self.n) / rate if rate else 0
        left = f"{prefix}{fraction * 100:3.0f}%|"
        right = f"| {self.n}/{self.total} [{_clock(elapsed)}<{_clock(remaining)}, {speed}{postfix}]"
        blocks = 10 if width is None else max(1, width - len(left) - len(right) - 1)
        return left + _bar(fraction, blocks) + right


def trange(*args, **kwargs):
    """tqdm(range(*args), **kwargs)."""
    return tqdm(range(*args), **kwargs)
