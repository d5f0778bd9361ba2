# A custom torch.autograd.Function (the Legendre polynomial P3(x) = (5x^3 - 3x) / 2 and its derivative)
# inside y = a + b * P3(c + d * x), fitted to sin(x) on [-pi, pi] by plain gradient descent: the flow of
# PyTorch's tutorial "Defining New autograd Functions" (pytorch/tutorials,
# beginner_source/examples_autograd/polynomial_custom_function.py, BSD-3-Clause), written anew here.
# The losses print every digit of a float32 sum over 2000 points: linspace, sin, the powers and the sums
# must all round as libtorch's do. 600 steps where the tutorial takes 2000, to keep the test fast.
import math

import torch


class P3(torch.autograd.Function):
    @staticmethod
    def forward(ctx, t):
        ctx.save_for_backward(t)
        return 0.5 * (5 * t ** 3 - 3 * t)

    @staticmethod
    def backward(ctx, grad_output):
        t, = ctx.saved_tensors
        return grad_output * 1.5 * (5 * t ** 2 - 1)


x = torch.linspace(-math.pi, math.pi, 2000, dtype=torch.float)
y = torch.sin(x)

a = torch.full((), 0.0, requires_grad=True)
b = torch.full((), -1.0, requires_grad=True)
c = torch.full((), 0.0, requires_grad=True)
d = torch.full((), 0.3, requires_grad=True)

step_size = 5e-6
for step in range(600):
    prediction = a + b * P3.apply(c + d * x)
    loss = (prediction - y).pow(2).sum()
    if step % 100 == 99:
        print(step, loss.item())
    loss.backward()
    with torch.no_grad():
        for w in (a, b, c, d):
            w -= step_size * w.grad
            w.grad = None

print(f"y = {a.item()} + {b.item()} * P3({c.item()} + {d.item()} x)")
print(type(prediction.grad_fn).__name__)
