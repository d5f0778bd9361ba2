# Run once by the warm server before it takes scripts: exercises the paths every tutorial takes
# (import, tensor ops, printing, a Module, losses, backward, optimizers) so they are loaded and
# compiled before the first script needs them. Output is discarded.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(8, 4)
y = torch.randint(0, 3, (8,))
print(x[:2], x.shape, x.sum().item(), np.array([1.0, 2.0]))


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 16)
        self.fc2 = nn.Linear(16, 3)

    def forward(self, inputs):
        return self.fc2(F.relu(self.fc1(inputs)))


for optimizer_class in (torch.optim.SGD, torch.optim.Adam):
    model = Net()
    optimizer = optimizer_class(model.parameters(), lr=0.01)
    for step in range(200):
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y) + F.mse_loss(torch.sigmoid(x), x * 0.5)
        loss.backward()
        optimizer.step()
        if step % 50 == 0:
            print(step, loss.item())
with torch.no_grad():
    print(model(x).argmax(dim=1) == y)
