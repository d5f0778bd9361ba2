# Training loop of the regression MLP (1-128-128-128-1, relu, batch 32 from numpy, Adam, 10000 steps);
# prints its time.
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

np.random.seed(0)
torch.manual_seed(0)


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(1, 128)
        self.fc2 = nn.Linear(128, 128)
        self.fc3 = nn.Linear(128, 128)
        self.fc4 = nn.Linear(128, 1, bias=False)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = F.relu(self.fc3(x))
        return self.fc4(x)


def true_fun(x):
    return np.cos(1.5 * np.pi * x) + x + np.random.rand(x.shape[0]) * 0.4 - 0.2


data_x = np.random.rand(1000) * 5
model = Model()
optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
start = time.perf_counter()
for step in range(10000):
    batch_x = np.random.choice(data_x, 32)
    pred = model(torch.from_numpy(batch_x).float().unsqueeze(1))
    truth = torch.from_numpy(true_fun(batch_x)).float().unsqueeze(1)
    loss = F.mse_loss(pred, truth)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print("loop_seconds", time.perf_counter() - start)
print("final_loss", loss.item())
