# copy.deepcopy and pickle of ParameterDict, ModuleDict, ParameterList and a model holding them (the usual
# "keep the best model"), and their keys()/values()/items() as PyTorch 1.13 returns them. Expected output: real PyTorch's.
import copy
import pickle
import torch
from torch import nn

torch.manual_seed(0)
pd = nn.ParameterDict({'a': nn.Parameter(torch.ones(2)), 'b': nn.Parameter(torch.zeros(1))})
print(repr(pd.keys()), type(pd.keys()).__name__, type(pd.values()).__name__, type(pd.items()).__name__)
print(pd.keys() & {'a', 'z'}, pd.keys() | {'c'} == {'a', 'b', 'c'}, len(pd.keys()), list(pd.keys()), 'a' in pd.keys())
print([tuple(v.shape) for v in pd.values()], [k for k, _ in pd.items()])
md = nn.ModuleDict({'l': nn.Linear(2, 1), 'r': nn.ReLU()})
print(repr(md.keys()), type(md.values()).__name__, type(md.items()).__name__, md.keys() & {'l'}, len(md.items()))
print(md.values())
print(md.items())
print(list(md), list(pd))

pd2 = copy.deepcopy(pd)
print(pd2)
print(pd2['a'] is pd['a'], torch.equal(pd2['a'], pd['a']), type(pd2['a']).__name__, list(pd2.keys()))
pd2['a'].data.add_(1)
print(pd['a'], pd2['a'])
md2 = copy.deepcopy(md)
print(md2)
print(md2['l'].weight is md['l'].weight, torch.equal(md2['l'].weight, md['l'].weight), list(md2.keys()))
pl = nn.ParameterList([nn.Parameter(torch.ones(2)), nn.Parameter(torch.full((3,), 2.0))])
pl2 = copy.deepcopy(pl)
print(pl2)
print(len(pl2), pl2[1], pl2[0] is pl[0])


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.heads = nn.ModuleDict({'cls': nn.Linear(3, 2), 'reg': nn.Linear(3, 1)})
        self.scales = nn.ParameterDict({'s': nn.Parameter(torch.tensor([0.5, 2.0]))})
        self.extra = nn.ParameterList([nn.Parameter(torch.tensor(1.5))])

    def forward(self, x):
        return self.heads['cls'](x) * self.scales['s'] + self.extra[0] + self.heads['reg'](x)


net = Net()
best = copy.deepcopy(net)
x = torch.tensor([[1.0, -1.0, 0.5]])
print(net(x), best(x))
print([n for n, _ in best.named_parameters()])
with torch.no_grad():
    net.scales['s'].mul_(10)
print(net(x), best(x))
print(best)
restored = pickle.loads(pickle.dumps(best))
print(restored(x))
sd = best.state_dict()
print(list(sd.keys()))
