# Gradient clipping as training loops use it: torch.nn.utils.clip_grad_norm_ and clip_grad_value_.
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 1))
x, y = torch.randn(16, 4), torch.randn(16, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for step in range(3):
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(x) * 10, y)
    loss.backward()
    total = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
    after = torch.linalg.vector_norm(torch.stack([p.grad.norm() for p in model.parameters()]))
    print(step, f"{loss.item():.4f}", total, f"{after.item():.4f}")
    opt.step()

w = torch.tensor([1.0, -2.0], requires_grad=True)
(w * torch.tensor([3.0, 0.5])).sum().backward()
print(nn.utils.clip_grad_norm_(w, 1.0, norm_type=float("inf")), w.grad)
nn.utils.clip_grad_value_([w], clip_value=0.1)
print(w.grad)
print(nn.utils.clip_grad_norm_([torch.zeros(2, requires_grad=True)], 1.0))
