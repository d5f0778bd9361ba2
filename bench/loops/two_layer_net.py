# Training loop of the two-layer net (1000-100-10, relu, batch 64, MSE, SGD, 500 steps); prints its time.
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(123)
x = torch.randn(64, 1000)
y = torch.randn(64, 10)
model = nn.Sequential(nn.Linear(1000, 100), nn.ReLU(), nn.Linear(100, 10))
optimizer = torch.optim.SGD(model.parameters(), lr=1e-4)

start = time.perf_counter()
for step in range(500):
    loss = F.mse_loss(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print("loop_seconds", time.perf_counter() - start)
print("final_loss", loss.item())
