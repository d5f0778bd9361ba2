# torch.autograd.gradcheck and gradgradcheck on a correct and a deliberately wrong custom Function, on
# several inputs and outputs, float32 inputs (warned, and failing at eps=1e-6 as in PyTorch) and seeded
# random grad_outputs. The expected output is PyTorch 1.13's.
import torch
from torch.autograd import gradcheck, gradgradcheck
from torch.autograd.gradcheck import GradcheckError

class Cube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad):
        x, = ctx.saved_tensors
        return 3 * x ** 2 * grad

class WrongCube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x ** 3

    @staticmethod
    def backward(ctx, grad):
        x, = ctx.saved_tensors
        return 2 * x * grad

x = torch.tensor([[1.0, 2.0], [0.5, -1.0]], dtype=torch.float64, requires_grad=True)
print(gradcheck(Cube.apply, (x,)))
print(gradcheck(Cube.apply, x, eps=1e-6, atol=1e-4))
print(gradcheck(WrongCube.apply, (x,), raise_exception=False))
try:
    gradcheck(WrongCube.apply, (x,))
except GradcheckError as e:
    print(type(e).__name__, isinstance(e, RuntimeError))
    print(e)
w = torch.tensor([1.5, -2.0, 0.25], dtype=torch.float64, requires_grad=True)
m = torch.tensor([[0.3, 0.1, 0.2], [0.4, -0.5, 0.6]], dtype=torch.float64, requires_grad=True)
print(gradcheck(lambda a, b: (a @ b, (a * 2).sum()), (m, w)))
print(gradcheck(lambda a, b: torch.tanh(a * b), (w, w.detach().clone().requires_grad_())))
print(gradgradcheck(lambda a: torch.sigmoid(a).sum() * a, (w,)))
torch.manual_seed(0)
print(gradgradcheck(lambda a: (a ** 3), (w,)))
print(gradgradcheck(lambda a: Cube.apply(a), (w,), raise_exception=False))
print(torch.rand(2))
try:
    gradcheck(Cube.apply, (torch.tensor([1.0, 2.0], dtype=torch.float64),))
except ValueError as e:
    print("ValueError:", e)
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        gradcheck(lambda a: a * 2, (torch.tensor([1.0, 2.0], requires_grad=True),))
    except GradcheckError as e:
        print(e)
    print(gradcheck(lambda a: a * 2, (torch.tensor([1.0, 2.0], requires_grad=True),), eps=1e-3, atol=1e-2, rtol=1e-2))
    print([str(c.message) for c in caught])
try:
    print(gradgradcheck(lambda a: WrongCube.apply(a) * 1.0, (x,)))
except RuntimeError as e:
    print(str(e).splitlines()[0])
