# Reads the model SparkExample trained on Spark back into torchglot (or real PyTorch: same file).
# Run from examples/spark after the example: ../../torchglot read_model.py
import torch
from torch import nn

model = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 1))
model.load_state_dict(torch.load("target/spark-example/model.pt"))
model.eval()
x = torch.tensor([[0.5, -0.25, 0.75, 0.1]])
# the data's rule: sin(3 x1) + x2 x3 - 0.5 x4^2
expected = torch.sin(3 * x[:, 0]) + x[:, 1] * x[:, 2] - 0.5 * x[:, 3] ** 2
with torch.no_grad():
    print("prediction", round(model(x).item(), 3), "expected", round(expected.item(), 3))
