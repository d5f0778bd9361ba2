# y = a + b x + c x^2 + d x^3 fitted to sin(x) with autograd tensors and hand-written updates: the flow of
# PyTorch's tutorial "PyTorch: Tensors and autograd" (pytorch/tutorials,
# beginner_source/examples_autograd/polynomial_autograd.py, BSD-3-Clause), written anew here, seeded.
# Every digit of the float32 losses is libtorch's: linspace, sin, x ** 2 and x ** 3, and the sums. 600 steps
# where the tutorial takes 2000, to keep the test fast.
import math

import torch

torch.manual_seed(0)
x = torch.linspace(-math.pi, math.pi, 2000)
y = torch.sin(x)
print(x[:4], x[-4:])
print(y.sum(), y.abs().mean())

a, b, c, d = (torch.randn((), requires_grad=True) for _ in range(4))
for step in range(600):
    prediction = a + b * x + c * x ** 2 + d * x ** 3
    loss = (prediction - y).pow(2).sum()
    if step % 100 == 99:
        print(step, loss.item())
    loss.backward()
    with torch.no_grad():
        for w in (a, b, c, d):
            w -= 1e-6 * w.grad
            w.grad = None

print(f"y = {a.item()} + {b.item()} x + {c.item()} x^2 + {d.item()} x^3")
