# torchglot's Python prelude: evened-out sandbox refusals, and site's exit() and quit(). Its value is the set-up function.
def _torchglot_prelude(*argv):
    import builtins
    import os
    import _posixsubprocess

    # NOTE: GraalPy adds a variable of its own (UNSAFE_PYO3_SKIP_VERSION_CHECK) to the empty
    # environment a sandboxed context gets; scripts should see no variables at all.
    os.environ.clear()

    def refuse(*args, **kwargs):
        raise PermissionError(1, "running other programs is not allowed in torchglot's sandbox")

    # NOTE: without this, subprocess reports a misleading "No such file or directory".
    _posixsubprocess.fork_exec = refuse
    os.system = refuse

    class Quitter:
        """exit and quit, as CPython's site module defines them: calling one raises SystemExit."""

        def __init__(self, name):
            self.name = name

        def __repr__(self):
            return f"Use {self.name}() or Ctrl-D (i.e. EOF) to exit"

        def __call__(self, code=None):
            raise SystemExit(code)

    builtins.exit = Quitter("exit")
    builtins.quit = Quitter("quit")
    _close_files_at_exit()
    del globals()["_torchglot_prelude"]



def _close_files_at_exit():
    """Flushes and closes, when the program ends, the files it left open, as CPython's finalization does."""
    import atexit
    import builtins
    import functools
    import io

    opened = []
    real_open = io.open
    prune_at = [64]

    # NOTE: strong references: GraalPy does not flush a file that the garbage collector takes, so
    # `open(p, "w").write(s)` would lose its data; closed files are dropped as more are opened.
    @functools.wraps(real_open)
    def open(*args, **kwargs):
        file = real_open(*args, **kwargs)
        opened.append(file)
        if len(opened) >= prune_at[0]:
            opened[:] = [f for f in opened if not f.closed]
            prune_at[0] = max(64, 2 * len(opened))
        return file

    def close_all():
        for file in reversed(opened):
            try:
                file.close()
            except Exception:
                pass
        opened.clear()

    # NOTE: registered first, so it runs after the script's own atexit handlers, which may still write.
    atexit.register(close_all)
    builtins.open = io.open = open
    del globals()["_close_files_at_exit"]


_torchglot_prelude
