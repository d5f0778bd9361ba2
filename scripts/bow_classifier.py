# A bag-of-words logistic regression that tells English from German sentences: nn.Linear and
# F.log_softmax, NLLLoss and SGD, one sentence per step; the flow of PyTorch's tutorial "Deep Learning
# with PyTorch" (pytorch/tutorials, beginner_source/nlp/deep_learning_tutorial.py, BSD-3-Clause), written
# anew here with other sentences.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(1)

affine = nn.Linear(4, 2)
points = torch.randn(3, 4)
print(affine(points))
print(F.relu(points[0]), F.softmax(points[1], dim=0), F.log_softmax(points[2], dim=0))
print(F.softmax(points[1], dim=0).sum())

train = [("the dog runs in the park".split(), "ENGLISH"),
         ("der Hund läuft im Park".split(), "GERMAN"),
         ("I drink water in the morning".split(), "ENGLISH"),
         ("ich trinke Wasser am Morgen".split(), "GERMAN")]
test = [("the Hund drinks".split(), "ENGLISH"),
        ("ich läuft im park".split(), "GERMAN")]

index = {}
for words, _ in train + test:
    for word in words:
        index.setdefault(word, len(index))
print(len(index), index["Park"], index["drinks"])

labels = {"ENGLISH": 0, "GERMAN": 1}


class BagOfWords(nn.Module):
    def __init__(self, labels, vocabulary):
        super().__init__()
        self.linear = nn.Linear(vocabulary, labels)

    def forward(self, counts):
        return F.log_softmax(self.linear(counts), dim=1)


def counts_of(words):
    counts = torch.zeros(len(index))
    for word in words:
        counts[index[word]] += 1
    return counts.view(1, -1)


model = BagOfWords(len(labels), len(index))
for p in model.parameters():
    print(p.shape, p.requires_grad)

with torch.no_grad():
    for words, _ in test:
        print(model(counts_of(words)))
print(next(model.parameters())[:, index["im"]])

loss_function = nn.NLLLoss()
optimizer = optim.SGD(model.parameters(), lr=0.1)
for epoch in range(100):
    for words, label in train:
        model.zero_grad()
        loss = loss_function(model(counts_of(words)), torch.LongTensor([labels[label]]))
        loss.backward()
        optimizer.step()
    if epoch % 25 == 0:
        print(epoch, loss)

with torch.no_grad():
    for words, _ in test:
        print(model(counts_of(words)))
print(next(model.parameters())[:, index["im"]])
