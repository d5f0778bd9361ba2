"""detect_anomaly / set_detect_anomaly: context managers over the engine's recorded anomaly switch."""
import functools


def _engine():
    import torch
    return torch


class detect_anomaly:
    """Turns anomaly detection on inside a with-block or a decorated function."""

    def __init__(self, check_nan=True):
        self.check_nan = check_nan
        self._previous = None

    def __enter__(self):
        torch = _engine()
        self._previous = (torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled())
        torch.set_anomaly_enabled(True, self.check_nan)
        return None

    def __exit__(self, exc_type, exc, tb):
        _engine().set_anomaly_enabled(*self._previous)
        return False

    def __call__(self, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with self.__class__(self.check_nan):
                return fn(*args, **kwargs)
        return wrapper


class set_detect_anomaly:
    """Sets anomaly detection immediately as a call, and back on exit when used as a context manager."""

    def __init__(self, mode, check_nan=True):
        torch = _engine()
        self._previous = (torch.is_anomaly_enabled(), torch.is_anomaly_check_nan_enabled())
        torch.set_anomaly_enabled(bool(mode), bool(check_nan))

    def __enter__(self):
        return None

    def __exit__(self, exc_type, exc, tb):
        _engine().set_anomaly_enabled(*self._previous)
        return False
