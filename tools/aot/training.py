# The training run of the launcher's start-up cache (the JDK's AOT cache, see docs/performance.md#cold-start):
# the classes this script loads are loaded and linked ahead of time in every later direct run. So it does what
# most scripts do first: import torch and numpy, build a small model, run a few steps, print tensors.
import numpy as np
import torch
import torch.nn as nn

torch.manual_seed(0)
x = torch.from_numpy(np.linspace(-1.0, 1.0, 32, dtype=np.float32).reshape(16, 2))
y = (x[:, :1] * x[:, 1:]).sigmoid()
model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1), nn.Sigmoid())
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
for step in range(3):
    optimizer.zero_grad()
    loss = nn.functional.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()
print(torch.ones(2) + 1, loss.item() > 0, model(x)[:2])
