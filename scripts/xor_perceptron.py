# XOR with a single-layer perceptron: it cannot learn XOR, the loss stalls near 0.693
# (from "PyTorch 익히기 - Multi Layer Perceptron", 모두를 위한 딥러닝 시즌2).
# torchglot: seeded with torch.manual_seed(777) as the course's own code is.
import torch

torch.manual_seed(777)

X = torch.FloatTensor([[0, 0], [0, 1], [1, 0], [1, 1]])
Y = torch.FloatTensor([[0], [1], [1], [0]])

# nn layers
linear = torch.nn.Linear(2, 1, bias=True)  # FC Layer
sigmoid = torch.nn.Sigmoid()  # activation function
model = torch.nn.Sequential(linear, sigmoid)

# define cost & optimizer
criterion = torch.nn.BCELoss()  # binary cross entropy loss (0, 1 분류)
optimizer = torch.optim.SGD(model.parameters(), lr=1)

for step in range(10001):
    optimizer.zero_grad()
    hypothesis = model(X)
    # cost function
    cost = criterion(hypothesis, Y)
    cost.backward()
    optimizer.step()
    if step % 1000 == 0:
        print(step, cost.item())

with torch.no_grad():
    hypothesis = model(X)
    predicted = (hypothesis > 0.5).float()
    accuracy = (predicted == Y).float().mean()
    print('Hypothesis: ', hypothesis, '\nCorrect: ', predicted, '\nAccuracy: ', accuracy.item())
