# Formats an uncaught exception exactly as CPython's default excepthook prints it.
def _torchglot_format_exception(exc):
    import traceback
    return ''.join(traceback.format_exception(type(exc), exc, exc.__traceback__))

_torchglot_format_exception
