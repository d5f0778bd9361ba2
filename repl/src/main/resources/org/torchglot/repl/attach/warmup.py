# Run once by the warm server before it takes scripts: exercises the paths every tutorial takes
# (import, tensor ops, printing, a Module, losses, backward, optimizers) so they are loaded and
# compiled before the first script needs them. Output is discarded.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# NOTE: the batch is big enough for the kernels' loops to get hot, so the JVM compiles them here
# rather than in the user's first script.
torch.manual_seed(0)
x = torch.randn(64, 256)
y = torch.randint(0, 3, (64,))
print(x[:2], x.shape, x.sum().item(), np.array([1.0, 2.0]))


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(256, 128)
        self.fc2 = nn.Linear(128, 3)

    def forward(self, inputs):
        return self.fc2(F.relu(self.fc1(inputs)))


for optimizer_class in (torch.optim.SGD, torch.optim.Adam):
    model = Net()
    optimizer = optimizer_class(model.parameters(), lr=0.01)
    for step in range(300):
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y) + F.mse_loss(torch.sigmoid(x[:, :3]), x[:, :3] * 0.5)
        loss.backward()
        optimizer.step()
        if step % 50 == 0:
            print(step, loss.item())
with torch.no_grad():
    print(model(x).argmax(dim=1) == y)

# The classic small-network loop (Sequential of layers and activations, BCE, SGD) of many tutorials.
X = torch.FloatTensor([[0, 0], [0, 1], [1, 0], [1, 1]])
Y = torch.FloatTensor([[0], [1], [1], [0]])
xor = nn.Sequential(nn.Linear(2, 2), nn.Sigmoid(), nn.Linear(2, 1), nn.Sigmoid())
criterion = nn.BCELoss()
optimizer = torch.optim.SGD(xor.parameters(), lr=1)
for epoch in range(2001):
    optimizer.zero_grad()
    cost = criterion(xor(X), Y)
    cost.backward()
    optimizer.step()
    if epoch % 1000 == 0:
        print('Epoch: {:4d} Cost: {:.4f}'.format(epoch, cost.item()))
