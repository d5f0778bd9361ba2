# Training loop of the XOR MLP (2-2-1, sigmoid, BCE, SGD lr=1, 10001 steps); prints its time.
# Run by bench/tutorials.py --loops under torchglot and PyTorch alike.
import time

import torch

torch.manual_seed(777)
X = torch.FloatTensor([[0, 0], [0, 1], [1, 0], [1, 1]])
Y = torch.FloatTensor([[0], [1], [1], [0]])
model = torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.Sigmoid(), torch.nn.Linear(2, 1), torch.nn.Sigmoid())
criterion = torch.nn.BCELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=1)

start = time.perf_counter()
for epoch in range(10001):
    optimizer.zero_grad()
    cost = criterion(model(X), Y)
    cost.backward()
    optimizer.step()
print("loop_seconds", time.perf_counter() - start)
print("final_loss", cost.item())
