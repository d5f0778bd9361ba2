# Tensor methods whose tensor is not the op's first argument: x.where(condition, y) is torch.where(condition, x, y),
# x.polygamma(n) is torch.polygamma(n, x).
import torch

x = torch.tensor([[1.0, -2.0, 3.0], [-4.0, 5.0, -6.0]])
positive = x > 0
print(x.where(positive, torch.zeros(2, 3)))
print(x.where(positive, torch.tensor(-1.0)))
print(torch.where(positive, x, torch.zeros(2, 3)))
print(x.where(condition=x < 0, other=x * 10))

t = torch.tensor([0.5, 1.0, 2.5], requires_grad=True)
print(t.polygamma(1))
print(t.polygamma(n=2))
print(torch.polygamma(1, t))
t.polygamma(1).sum().backward()
print(t.grad)

try:
    x.where(positive)
except TypeError as e:
    print("TypeError:", e)
