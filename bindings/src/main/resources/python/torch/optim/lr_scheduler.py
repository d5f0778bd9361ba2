"""torch.optim.lr_scheduler: StepLR, ExponentialLR, CosineAnnealingLR from the engine."""
from torch import _bridge
from torch._bridge import guard, to_java


class _LRScheduler:
    def __init__(self, _j, optimizer):
        self._j = _j
        self.optimizer = optimizer

    def step(self, epoch=None):
        self._j.step()

    def get_last_lr(self):
        return list(self._j.getLastLr())


LRScheduler = _LRScheduler


def _scheduler_class(name):
    def __init__(self, optimizer, *args, **kwargs):
        jargs = [optimizer._j] + [to_java(a) for a in args]
        _LRScheduler.__init__(self, guard(_bridge.OPTIMIZERS.call, name, jargs,
                                          {k: to_java(v) for k, v in kwargs.items()} or None, _bridge._ZERO_BASED),
                              optimizer)
    return type(name, (_LRScheduler,), {"__init__": __init__, "__module__": "torch.optim.lr_scheduler"})


StepLR = _scheduler_class("StepLR")
ExponentialLR = _scheduler_class("ExponentialLR")
CosineAnnealingLR = _scheduler_class("CosineAnnealingLR")
