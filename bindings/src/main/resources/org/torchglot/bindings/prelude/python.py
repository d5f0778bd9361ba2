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
    del globals()["_torchglot_prelude"]


_torchglot_prelude
