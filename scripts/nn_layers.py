# A small classifier over token embeddings, built from torch.nn's other layers: Embedding,
# BatchNorm1d, LayerNorm, the activation and dropout families, ModuleDict and ParameterList,
# trained for a few steps with several of the losses.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class Classifier(nn.Module):
    def __init__(self, vocab, dim, classes):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim, padding_idx=0)
        self.body = nn.Sequential(
            nn.Linear(2 * dim, 16),
            nn.BatchNorm1d(16),
            nn.SiLU(),
            nn.AlphaDropout(0.1),
            nn.Linear(16, 16),
            nn.LayerNorm(16),
        )
        self.acts = nn.ModuleDict({"mish": nn.Mish(), "hardswish": nn.Hardswish(), "prelu": nn.PReLU()})
        self.heads = nn.ParameterList([nn.Parameter(torch.randn(classes, 16) * 0.1), nn.Parameter(torch.zeros(classes))])

    def forward(self, tokens, act="mish"):
        x = self.embed(tokens).flatten(1)
        x = self.acts[act](self.body(x))
        return F.linear(x, self.heads[0], self.heads[1])


model = Classifier(vocab=10, dim=3, classes=4)
print(model)
print(list(model.state_dict().keys()))

tokens = torch.randint(0, 10, (8, 2))
labels = torch.randint(0, 4, (8,))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for step in range(5):
    opt.zero_grad()
    logits = model(tokens, act=["mish", "hardswish", "prelu"][step % 3])
    loss = F.cross_entropy(logits, labels) + 0.1 * nn.MultiMarginLoss()(logits, labels)
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 4))

bn = model.body[1]
print(bn.num_batches_tracked, bn.running_mean[:4])
model.eval()
print(model(tokens[:3]).argmax(1))

x = torch.randn(4, 5)
y = torch.randn(4, 5)
print(F.huber_loss(x, y, delta=0.5), F.soft_margin_loss(x, y.sign()))
print(F.kl_div(F.log_softmax(x, 1), F.softmax(y, 1), reduction="batchmean"))
print(F.cosine_similarity(x, y), F.pairwise_distance(x, y))
print(F.pad(x[:2, :2], (1, 0), value=9.0))
print(F.one_hot(labels[:4], num_classes=4))
print(nn.Hardtanh(-2, 2), nn.Threshold(0.1, 20), nn.GroupNorm(2, 4), nn.Unflatten(1, (2, 2)))
