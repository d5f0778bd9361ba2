"""torch.autograd.Function: new differentiable operations written in Python. forward runs without
recording; the engine records one node whose backward calls the class's backward."""
import functools
import java
from torch._bridge import guard, to_java, wrap
from torch.autograd.grad_mode import no_grad

_JCustomFunction = java.type("org.torchglot.engine.autograd.CustomFunction")


class FunctionCtx:
    """The ctx of forward and backward: saved tensors and what backward needs to know."""

    def __init__(self):
        self.saved_tensors = ()
        self.needs_input_grad = ()
        self.materialize_grads = True
        self._non_differentiable = []

    def save_for_backward(self, *tensors):
        self.saved_tensors = tuple(tensors)

    def mark_non_differentiable(self, *tensors):
        self._non_differentiable.extend(tensors)

    def mark_dirty(self, *tensors):
        pass

    def set_materialize_grads(self, value):
        self.materialize_grads = bool(value)


def once_differentiable(fn):
    """Marks a backward that is not itself differentiable: it runs without recording."""
    @functools.wraps(fn)
    def wrapper(ctx, *args):
        with no_grad():
            return fn(ctx, *args)
    return wrapper


class Function:
    """Subclass with ``@staticmethod forward(ctx, *args)`` and ``backward(ctx, *grad_outputs)``;
    call ``MyFunction.apply(*args)``."""

    @staticmethod
    def forward(ctx, *args, **kwargs):
        raise NotImplementedError("You must implement the forward function for custom autograd.Function.")

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError("You must implement either the backward or vjp method for your custom "
                                  "autograd.Function to use it with backward mode AD.")

    @classmethod
    def apply(cls, *args):
        from torch._tensor import Tensor
        ctx = FunctionCtx()
        ctx.needs_input_grad = tuple(isinstance(a, Tensor) and a.requires_grad for a in args)
        with no_grad():
            output = cls.forward(ctx, *args)
        if isinstance(output, tuple):
            if len(output) != 1:
                raise NotImplementedError("torchglot: a custom autograd.Function's forward must return one tensor")
            output = output[0]
        if not isinstance(output, Tensor) or any(output is t for t in ctx._non_differentiable):
            return output

        def backward(grad):
            grads = cls.backward(ctx, wrap(grad))
            if not isinstance(grads, tuple):
                grads = (grads,)
            return [to_java(g) for g in grads]
        return wrap(guard(_JCustomFunction.record, cls.__name__,
                          [a._t if isinstance(a, Tensor) else None for a in args], output._t, backward))
