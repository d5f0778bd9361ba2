# Training loop of an MNIST-sized MLP (784-512-256-10, relu, batch 128, cross-entropy, Adam, 200 steps)
# on random data; prints its time.
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(128, 784)
y = torch.randint(0, 10, (128,))
model = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU(), nn.Linear(256, 10))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

start = time.perf_counter()
for step in range(200):
    loss = F.cross_entropy(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print("loop_seconds", time.perf_counter() - start)
print("final_loss", loss.item())
