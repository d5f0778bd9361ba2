# Single- and multi-layer perceptrons with nn.Linear, nn.ReLU and nn.Sequential, trained with
# Adam on MSE until the loss is below 1e-5 (from a Korean tutorial on wikidocs.net/60680).
# torchglot: seeded (the tutorial is not) so the output can be checked; `i = 0` added, the
# tutorial's loop used `i` without setting it.
import torch
import torch.nn as nn

torch.manual_seed(0)

input_size = 10
output_size = 5
input_data = torch.ones(input_size)  # input_size 크기의 1로 채워진 텐서 생성
linear_layer = nn.Linear(input_size, output_size)
relu = nn.ReLU()
output = linear_layer(input_data)
output_relu = relu(output)
print(output_relu)

output_manual = input_data @ linear_layer.weight.data.T + linear_layer.bias.data
print("Manual linear output:", output_manual)

input_size = 4
hidden_size = 5
output_size = 3
input_data = torch.ones(input_size)
linear_layer = nn.Linear(input_size, hidden_size)
hidden_layer = nn.Linear(hidden_size, output_size)
relu = nn.ReLU()
model = nn.Sequential(linear_layer, relu, hidden_layer)
output = model(input_data)
print(output)

from torch.optim import Adam
loss_fn = nn.MSELoss()
ground_truth = torch.tensor([0, 0.5, 1], dtype=torch.float)
optimizer = Adam(model.parameters(), lr=0.1)
i = 0
while True:  # backpropagate until the loss is small enough
    optimizer.zero_grad()  # 1. Clear gradient
    output = model(input_data)  # 2. Forward propagation
    loss = loss_fn(output, ground_truth)  # 3. Compute loss
    loss.backward()  # 4. Backward propagation
    optimizer.step()  # 5. Update parameters
    print(f"{i} Loss:", loss.item())
    if loss.item() < 1e-5:
        break
    i += 1
print("Output:", model(input_data))
