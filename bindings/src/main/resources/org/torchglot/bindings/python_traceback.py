# Formats an uncaught exception as CPython's default excepthook prints it, leaving out the frames of
# torchglot's own packages (under `packages`) when the user's code has frames: PyTorch's errors come
# from C++ and its tracebacks end at the user's line, so ours do too.
def _torchglot_format_exception(exc, packages):
    import traceback
    frames = traceback.extract_tb(exc.__traceback__)
    users = [f for f in frames if not f.filename.startswith(packages)]
    if users and len(users) < len(frames):
        lines = ['Traceback (most recent call last):\n']
        lines += traceback.format_list(users)
        lines += traceback.format_exception_only(type(exc), exc)
        return ''.join(lines)
    return ''.join(traceback.format_exception(type(exc), exc, exc.__traceback__))

_torchglot_format_exception
