"""torch.autograd.functional: jacobian and hessian by repeated autograd.grad, one output element at a time."""


def _as_tuple(value):
    return ((value,), True) if not isinstance(value, (tuple, list)) else (tuple(value), False)


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False, strategy="reverse-mode"):
    """d func(inputs) / d inputs: for one input and one output, a tensor of shape output.shape + input.shape."""
    import torch
    from torch.autograd import grad
    inputs, single = _as_tuple(inputs)
    inputs = tuple(x.detach().requires_grad_(True) for x in inputs)
    with torch.enable_grad():
        output = func(*inputs)
    flat = output.reshape(-1)
    rows = [[] for _ in inputs]
    for i in range(flat.numel()):
        grads = grad(flat[i], inputs, retain_graph=True, create_graph=create_graph, allow_unused=True)
        for k, (x, g) in enumerate(zip(inputs, grads)):
            rows[k].append(torch.zeros_like(x) if g is None else g)
    result = tuple(torch.stack(r).reshape(tuple(output.shape) + tuple(x.shape)) for r, x in zip(rows, inputs))
    return result[0] if single else result


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False, outer_jacobian_strategy="reverse-mode"):
    """The second derivatives of a scalar function: the jacobian of its gradient."""
    import torch
    from torch.autograd import grad
    inputs, single = _as_tuple(inputs)
    if not single:
        raise NotImplementedError("torchglot: hessian of several inputs is not supported; pass one tensor")

    def gradient(x):
        with torch.enable_grad():
            return grad(func(x), x, create_graph=True)[0]
    return jacobian(gradient, inputs[0], create_graph=create_graph)
