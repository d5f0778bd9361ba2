"""torch.autograd.gradcheck and gradgradcheck: the engine compares the numerical and analytical Jacobians
(org.torchglot.engine.autograd.GradientCheck); this module only converts arguments and errors."""
import java
import warnings
from torch._bridge import JTorchException

__all__ = ["gradcheck", "gradgradcheck", "GradcheckError"]

_JGradientCheck = java.type("org.torchglot.engine.autograd.GradientCheck")


class GradcheckError(RuntimeError):
    r"""Error raised by :func:`gradcheck` and :func:`gradgradcheck`"""
    pass


def _as_tuple(x):
    if isinstance(x, tuple):
        return x
    if isinstance(x, list):
        return tuple(x)
    return x,


def _engine_function(func, inputs):
    """func as the engine calls it: Java tensors in (None where an argument is no tensor), a list of them out."""
    from torch._tensor import Tensor

    def call(jinputs):
        args = [a if j is None else Tensor._wrap(j) for a, j in zip(inputs, jinputs)]
        return [o._t if isinstance(o, Tensor) else o for o in _as_tuple(func(*args))]
    return call


def _java_tensors(values):
    from torch._tensor import Tensor
    return [v._t if isinstance(v, Tensor) else None for v in values]


def _run(check, *args):
    try:
        return check(*args)
    except BaseException as e:
        if isinstance(e, JTorchException):
            from torch._bridge import translate
            if e.pythonName() == "GradcheckError":
                raise GradcheckError(e.getMessage()) from None
            raise translate(e) from None
        raise


def gradcheck(func, inputs, *, eps=1e-06, atol=1e-05, rtol=0.001, raise_exception=True, check_sparse_nnz=False,
              nondet_tol=0.0, check_undefined_grad=True, check_grad_dtypes=False, check_batched_grad=False,
              check_batched_forward_grad=False, check_forward_ad=False, check_backward_ad=True, fast_mode=False):
    """Checks the gradients of func at inputs (float64 tensors with requires_grad=True) against finite differences."""
    inputs = _as_tuple(inputs)
    jinputs = _java_tensors(inputs)
    for message in _JGradientCheck.inputWarnings(jinputs):
        warnings.warn(message, stacklevel=2)
    return _run(_JGradientCheck.gradcheck, _engine_function(func, inputs), jinputs, float(eps), float(atol),
                float(rtol), bool(raise_exception), float(nondet_tol))


def gradgradcheck(func, inputs, grad_outputs=None, *, eps=1e-06, atol=1e-05, rtol=0.001,
                  gen_non_contig_grad_outputs=False, raise_exception=True, nondet_tol=0.0, check_undefined_grad=True,
                  check_grad_dtypes=False, check_batched_grad=False, check_fwd_over_rev=False, check_rev_over_rev=True,
                  fast_mode=False):
    """Checks the gradients of func's gradients (backpropagated from grad_outputs, random ones if None)."""
    inputs = _as_tuple(inputs)
    seeds = None if grad_outputs is None else _java_tensors(_as_tuple(grad_outputs))
    jinputs = _java_tensors(inputs)
    for message in _JGradientCheck.inputWarnings(jinputs + (seeds or [])):
        warnings.warn(message, stacklevel=2)
    return _run(_JGradientCheck.gradgradcheck, _engine_function(func, inputs), jinputs, seeds, float(eps), float(atol),
                float(rtol), bool(raise_exception), float(nondet_tol))
