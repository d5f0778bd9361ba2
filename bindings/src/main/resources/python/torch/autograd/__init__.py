"""torch.autograd: grad mode and graph nodes; backward lives on Tensor."""
from torch.autograd.grad_mode import no_grad, enable_grad, set_grad_enabled
from torch.autograd.graph import Node

__all__ = ["no_grad", "enable_grad", "set_grad_enabled", "Node", "Variable"]


def Variable(data, requires_grad=False, volatile=False):
    """The pre-0.4 wrapper: today it is the tensor itself."""
    if requires_grad:
        data.requires_grad_(True)
    return data
