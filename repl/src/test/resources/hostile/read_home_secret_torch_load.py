# expect status: 1
# expect not-printed: s3cr3t
# expect modes: server
import torch
print(torch.load('../home/secret.txt'))
