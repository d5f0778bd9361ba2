# The two-layer net of the R torch tutorial (scripts/two_layer_net.R), in PyTorch: seed 123,
# x = randn(64, 1000), Linear(1000, 100) - ReLU - Linear(100, 10), MSE, SGD lr = 1e-4.
import torch
import torch.nn as nn
import torch.nn.functional as F

batch_size = 64
D_in = 1000
H = 100
D_out = 10

torch.manual_seed(123)
x = torch.randn(batch_size, D_in)
y = torch.randn(batch_size, D_out)
print(x.shape)
print(x[:3, :3])

learning_rate = 1e-4


class TwoLayerNet(nn.Module):
    def __init__(self, D_in, H, D_out):
        super().__init__()
        self.layer_01 = nn.Linear(in_features=D_in, out_features=H)
        self.layer_02 = nn.Linear(in_features=H, out_features=D_out)

    def forward(self, input):
        return self.layer_02(F.relu(self.layer_01(input)))


torch.manual_seed(123)
model = TwoLayerNet(D_in, H, D_out)
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)
for n_step in range(1, 501):
    y_pred = model(x)
    loss = F.mse_loss(y_pred, y)
    if n_step % 100 == 0:
        print("Step:", n_step, ":", loss.item())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
