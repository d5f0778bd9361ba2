"""torch.optim.lr_scheduler: every scheduler of the engine's optimizer table."""
from torch import _bridge
from torch._bridge import guard as _guard, to_java as _to_java


class _LRScheduler:
    def __init__(self, _j, optimizer):
        self._j = _j
        self.optimizer = optimizer

    def step(self, *args, **kwargs):
        """step(), step(epoch) (CosineAnnealingWarmRestarts: fractional), ReduceLROnPlateau.step(metrics)."""
        value = kwargs.get("metrics", kwargs.get("epoch")) if kwargs else (args[0] if args else None)
        if value is None:
            _guard(self._j.step)
        else:
            _guard(self._j.step, _to_java(value))

    def get_last_lr(self):
        return list(self._j.getLastLr())

    @property
    def last_epoch(self):
        return self.state_dict().get("last_epoch")

    def state_dict(self):
        return _python(self._j.stateDict())

    def load_state_dict(self, state_dict):
        _guard(self._j.loadStateDict, _to_java(state_dict))


def _python(value):
    """A state dict as plain Python: dicts, lists and numbers."""
    if hasattr(value, "keys") and not isinstance(value, dict):
        return {str(k): _python(value[k]) for k in value.keys()}
    if hasattr(value, "__len__") and not isinstance(value, (str, dict)):
        return [_python(v) for v in value]
    return value


LRScheduler = _LRScheduler


def _scheduler_class(name):
    op = _bridge.OPTIMIZERS.op(name)
    takes_optimizer = str(op.signature().params()[0].name()) == "optimizer"

    def __init__(self, *args, **kwargs):
        optimizer = args[0] if args and takes_optimizer else kwargs.get("optimizer")
        if optimizer is None:
            schedulers = args[0] if args else kwargs.get("schedulers", [None])
            optimizer = getattr(schedulers[0], "optimizer", None)
        _LRScheduler.__init__(self, _guard(_bridge.OPTIMIZERS.call, name, [_to_java(a) for a in args],
                                          {k: _to_java(v) for k, v in kwargs.items()} or None, _bridge._ZERO_BASED),
                              optimizer)
    return type(name, (_LRScheduler,), {"__init__": __init__, "__module__": "torch.optim.lr_scheduler",
                                        "__doc__": f"{op.signature()}\n\n{op.summary()}"})


# NOTE: every scheduler of the engine's table, so a new one needs no line here.
for _name in _bridge.OPTIMIZERS.names():
    if str(_bridge.OPTIMIZERS.op(_name).signature().returns()) == "Scheduler":
        globals()[_name] = _scheduler_class(_name)
del _name
