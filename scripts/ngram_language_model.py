# A trigram language model over word embeddings: nn.Embedding, two nn.Linear layers, log_softmax and
# NLLLoss, trained with SGD one context at a time; the flow of PyTorch's tutorial "Word Embeddings:
# Encoding Lexical Semantics" (pytorch/tutorials, beginner_source/nlp/word_embeddings_tutorial.py,
# BSD-3-Clause), written anew here on another text. The vocabulary is sorted, since a set's order
# depends on Python's string hashing.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(1)

lookup = nn.Embedding(3, 4)
print(lookup(torch.LongTensor([2, 0])))

text = """Some say the world will end in fire,
Some say in ice. From what I have tasted of desire
I hold with those who favor fire.""".split()
trigrams = [((text[i], text[i + 1]), text[i + 2]) for i in range(len(text) - 2)]
print(trigrams[:2])
vocabulary = sorted(set(text))
index = {word: i for i, word in enumerate(vocabulary)}


class Trigram(nn.Module):
    def __init__(self, words, dim, context):
        super().__init__()
        self.embeddings = nn.Embedding(words, dim)
        self.hidden = nn.Linear(context * dim, 32)
        self.out = nn.Linear(32, words)

    def forward(self, context):
        e = self.embeddings(context).view((1, -1))
        return F.log_softmax(self.out(F.relu(self.hidden(e))), dim=1)


model = Trigram(len(vocabulary), 6, 2)
print(model)
loss_function = nn.NLLLoss()
optimizer = optim.SGD(model.parameters(), lr=0.01)
totals = []
for epoch in range(5):
    total = torch.Tensor([0])
    for context, target in trigrams:
        model.zero_grad()
        log_probs = model(torch.LongTensor([index[w] for w in context]))
        loss = loss_function(log_probs, torch.LongTensor([index[target]]))
        loss.backward()
        optimizer.step()
        total += loss.data
    totals.append(total)
print(totals)
print(model.embeddings.weight[index["fire,"]])
print(model(torch.LongTensor([index["Some"], index["say"]])).argmax(1))
