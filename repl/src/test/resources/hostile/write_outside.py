# expect status: 1
# expect absent: ~/marker.txt
# expect absent: ~/marker.pt
# expect modes: server
import torch
try:
    torch.save(torch.ones(2), '../home/marker.pt')
except Exception as e:
    print(type(e).__name__)
with open('../home/marker.txt', 'w') as f:
    f.write('owned')
