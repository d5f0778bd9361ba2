"""no_grad / enable_grad / set_grad_enabled: context managers and decorators over the engine's grad mode."""
import functools
from torch._bridge import JGradMode


class _GradModeScope:
    _enabled = True

    def __init__(self):
        self._scope = None

    def __enter__(self):
        self._scope = JGradMode.set(self._enabled)
        return None

    def __exit__(self, exc_type, exc, tb):
        self._scope.close()
        return False

    def __call__(self, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with self.__class__():
                return fn(*args, **kwargs)
        return wrapper


class no_grad(_GradModeScope):
    """Disables gradient recording inside a with-block or a decorated function."""
    _enabled = False


class enable_grad(_GradModeScope):
    """Enables gradient recording inside a with-block or a decorated function."""
    _enabled = True


class set_grad_enabled(_GradModeScope):
    """Sets grad mode: immediately as a call, and back on exit when used as a context manager."""

    def __init__(self, mode):
        super().__init__()
        self._enabled = bool(mode)
        self._previous = JGradMode.isEnabled()
        JGradMode.setEnabled(self._enabled)

    def __enter__(self):
        return None

    def __exit__(self, exc_type, exc, tb):
        JGradMode.setEnabled(self._previous)
        return False


class inference_mode(no_grad):
    """Like no_grad here (the engine has no separate inference tensors); is_inference_mode_enabled reads it."""
    _active = False

    def __init__(self, mode=True):
        super().__init__()
        self._mode = bool(mode)
        self._enabled = not mode
        self._previous = False

    def __enter__(self):
        self._previous = inference_mode._active
        inference_mode._active = self._mode
        return super().__enter__()

    def __exit__(self, exc_type, exc, tb):
        inference_mode._active = self._previous
        return super().__exit__(exc_type, exc, tb)

    def __call__(self, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with inference_mode(self._mode):
                return fn(*args, **kwargs)
        return wrapper


def is_inference_mode_enabled():
    """Whether the innermost inference_mode block is on."""
    return inference_mode._active
