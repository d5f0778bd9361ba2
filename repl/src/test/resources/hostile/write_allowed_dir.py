# expect args: --allow-write=../home
# expect status: 0
# expect file: ~/granted.txt=data
# expect modes: direct, server
import torch
with open('../home/granted.txt', 'w') as f:
    f.write('data')
torch.save(torch.ones(2), '../home/granted.pt')
print(torch.load('../home/granted.pt'))
