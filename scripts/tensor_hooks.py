# Tensor.register_hook: gradient hooks on leaves and intermediate tensors, as the autograd tutorials use them.
import torch

torch.manual_seed(0)
w = torch.randn(3, requires_grad=True)
x = torch.randn(3)

seen = []
h1 = w.register_hook(lambda g: seen.append(g.clone()))    # observes, returns None: gradient unchanged
h2 = w.register_hook(lambda g: g * 2)                     # doubles what reaches w.grad
y = (w * x).exp()
y.register_hook(lambda g: g + 1)                          # on an intermediate: changes what flows on
y.sum().backward()
print("seen", seen[0])
print("w.grad", w.grad)

h2.remove()
h1.remove()
w.grad = None
(w * x).exp().sum().backward()
print("after remove", w.grad, len(seen))

# a hook on a tensor that feeds two paths sees the summed gradient once
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 3
b.register_hook(lambda g: print("b's gradient", g))
(b * b + b).sum().backward()
print("a.grad", a.grad)

# gradient clipping by hooks, as people write it
model = torch.nn.Linear(4, 2)
for p in model.parameters():
    p.register_hook(lambda g: g.clamp(-0.1, 0.1))
loss = model(torch.randn(5, 4) * 10).pow(2).mean()
loss.backward()
print("clipped", model.weight.grad.abs().max().item() <= 0.1 + 1e-6, model.bias.grad)

try:
    torch.ones(2).register_hook(lambda g: g)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    c = torch.ones(2, requires_grad=True)
    c.register_hook(lambda g: g.sum())
    (c * 2).sum().backward()
except RuntimeError as e:
    print("RuntimeError:", e)
