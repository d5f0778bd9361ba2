# torchglot's Python prelude: evened-out sandbox refusals. Its value is the set-up function.
def _torchglot_prelude(*argv):
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
    del globals()["_torchglot_prelude"]


_torchglot_prelude
