# Fitting cos(1.5πx) + x with a 1-128-128-128-1 ReLU network (an nn.Module subclass), Adam and
# mini-batches of 32 drawn with numpy; the result is plotted with matplotlib (from a Korean post on
# gradient descent, "pytorch를 이용한 구현").
# torchglot: seeded (np.random.seed and torch.manual_seed; the post is not) and the loss is printed
# ten times in the run so it can be checked. np.random draws real numpy's numbers (the first loss is
# PyTorch's, 5.69), but 10000 float32 Adam steps drift in the last bits, so later losses can differ
# from PyTorch's in the second decimal: the golden output is of a short run, `regression.py 100`
# (regression.py.args).
import sys
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
import numpy as np
import matplotlib.pyplot as plt

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
        x = self.fc4(x)
        return x


def true_fun(X):
    noise = np.random.rand(X.shape[0]) * 0.4 - 0.2
    return np.cos(1.5 * np.pi * X) + X + noise


def plot_results(model):
    x = np.linspace(0, 5, 100)
    input_x = torch.from_numpy(x).float().unsqueeze(1)
    plt.plot(x, true_fun(x), label="Truth")
    plt.plot(x, model(input_x).detach().numpy(), label="Prediction")
    plt.legend(loc='lower right', fontsize=15)
    plt.xlim((0, 5))
    plt.ylim((-1, 5))
    plt.grid()


def main(steps):
    data_x = np.random.rand(1000) * 5
    model = Model()
    optimizer = optim.Adam(model.parameters(), lr=0.001)
    for step in range(steps):
        batch_x = np.random.choice(data_x, 32)
        batch_x_tensor = torch.from_numpy(batch_x).float().unsqueeze(1)
        pred = model(batch_x_tensor)
        batch_y = true_fun(batch_x)
        truth = torch.from_numpy(batch_y).float().unsqueeze(1)
        loss = F.mse_loss(pred, truth)
        optimizer.zero_grad()
        loss.mean().backward()
        optimizer.step()
        if step % (steps // 10) == 0:
            print(step, round(loss.item(), 2))
    plot_results(model)
    plt.show()


main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
