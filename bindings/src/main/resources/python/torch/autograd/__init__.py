"""torch.autograd: grad mode, graph nodes, custom Functions and grad(); backward lives on Tensor."""
import java
from torch._bridge import guard, wrap
from torch.autograd.grad_mode import no_grad, enable_grad, set_grad_enabled, inference_mode
from torch.autograd.anomaly_mode import detect_anomaly, set_detect_anomaly
from torch.autograd.graph import Node
from torch.autograd.function import Function, FunctionCtx, once_differentiable
from torch.autograd import functional
from torch.autograd.gradcheck import gradcheck, gradgradcheck

__all__ = ["no_grad", "enable_grad", "set_grad_enabled", "inference_mode", "detect_anomaly", "set_detect_anomaly", "Node", "Variable", "Function", "grad", "backward",
           "gradcheck", "gradgradcheck"]

_JBackward = java.type("org.torchglot.engine.autograd.Backward")


def Variable(data, requires_grad=False, volatile=False):
    """The pre-0.4 wrapper: today it is the tensor itself."""
    if requires_grad:
        data.requires_grad_(True)
    return data


def _tensors(value):
    from torch._tensor import Tensor
    if value is None:
        return None
    return [value] if isinstance(value, Tensor) else list(value)


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, only_inputs=True,
         allow_unused=False, is_grads_batched=False):
    """The gradients of outputs with respect to inputs, as a tuple; no tensor's .grad changes."""
    outputs = _tensors(outputs)
    inputs = _tensors(inputs)
    seeds = _tensors(grad_outputs)
    if retain_graph is None:
        retain_graph = create_graph
    grads = guard(_JBackward.grad, [t._t for t in outputs], [t._t for t in inputs],
                  None if seeds is None else [None if s is None else s._t for s in seeds],
                  bool(retain_graph), bool(create_graph), bool(allow_unused))
    return tuple(None if g is None else wrap(g) for g in grads)


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False):
    """torch.autograd.backward: backward() of each tensor, accumulating into the leaves' .grad."""
    tensors = _tensors(tensors)
    seeds = _tensors(grad_tensors) or [None] * len(tensors)
    for t, g in zip(tensors, seeds):
        t.backward(g, retain_graph=True if retain_graph is None and len(tensors) > 1 else retain_graph)
