"""torch.optim: optimizers from the engine's optimizer table, with PyTorch's Python surface."""
from torch import _bridge
from torch._bridge import guard as _guard, to_java as _to_java, wrap as _wrap
from torch._values import to_engine as _to_engine, to_python as _to_python


def _java_params(params):
    out = []
    for p in params:
        if isinstance(p, dict):
            group = {k: _to_java(v) for k, v in p.items()}
            group["params"] = [_to_java(x) for x in p["params"]]
            out.append(group)
        else:
            out.append(_to_java(p))
    return out


class _ParamGroup(dict):
    """One entry of optimizer.param_groups: a dict of Python values whose writes also reach the engine's group."""

    def __init__(self, jgroup):
        super().__init__(params=[_wrap(p) for p in jgroup.params()])
        super().update(_to_python(jgroup.options()))
        self._g = jgroup

    def __setitem__(self, key, value):
        if key != "params":
            _guard(self._g.set, key, _to_engine(value, "param_groups cannot hold"))
        super().__setitem__(key, value)

    def __reduce__(self):
        # NOTE: a copy or pickle is the plain dict PyTorch's entry is, without the link to this optimizer.
        return dict, (dict(self),)


class Optimizer:
    """Base of the optimizers: step, zero_grad, param_groups, state_dict."""

    def __init__(self, _j):
        self._j = _j

    @property
    def param_groups(self):
        return [_ParamGroup(g) for g in self._j.paramGroups()]

    @property
    def defaults(self):
        return _to_python(self._j.defaults())

    def step(self, closure=None):
        if closure is None:
            _guard(self._j.step)
            return None
        losses = []

        def jclosure():
            losses.append(closure())
            return _to_java(losses[-1])
        _guard(self._j.step, jclosure)
        # NOTE: LBFGS calls the closure many times; step returns the first loss, as PyTorch's does.
        return losses[0] if losses else None

    def zero_grad(self, set_to_none=False):
        self._j.zeroGrad(bool(set_to_none))

    def add_param_group(self, group):
        _guard(self._j.addParamGroup, _java_params([group])[0])

    def state_dict(self):
        """PyTorch's layout in Python objects: {'state': {index: {name: tensor...}}, 'param_groups': [{...}]}."""
        return _to_python(self._j.stateDict())

    def load_state_dict(self, state_dict):
        _guard(self._j.loadStateDict, _to_engine(state_dict, "load_state_dict cannot take"))

    def __reduce_ex__(self, protocol):
        # NOTE: copy.deepcopy and pickle rebuild the optimizer on copies of its parameters, then load its state.
        groups = [dict(g) for g in self.param_groups]
        return _rebuild_optimizer, (type(self), groups, self.defaults, self.state_dict())

    def __repr__(self):
        return self._j.toString()


def _rebuild_optimizer(cls, groups, defaults, state_dict):
    optimizer = cls(groups, **defaults)
    optimizer.load_state_dict(state_dict)
    return optimizer


def _optimizer_class(name):
    op = _bridge.OPTIMIZERS.op(name)

    def __init__(self, params, *args, **kwargs):
        params = _java_params(params)
        jargs = [params] + [_to_java(a) for a in args]
        Optimizer.__init__(self, _guard(_bridge.OPTIMIZERS.call, name, jargs,
                                       {k: _to_java(v) for k, v in kwargs.items()} or None, _bridge._ZERO_BASED))
    return type(name, (Optimizer,), {"__init__": __init__, "__module__": "torch.optim",
                                     "__doc__": f"{op.signature()}\n\n{op.summary()}"})


# NOTE: every optimizer of the engine's table, so a new one needs no line here.
for _name in _bridge.OPTIMIZERS.names():
    if str(_bridge.OPTIMIZERS.op(_name).signature().returns()) == "Optimizer":
        globals()[_name] = _optimizer_class(_name)
del _name

from torch.optim import lr_scheduler  # noqa: E402  (it reads the Optimizer base above)
