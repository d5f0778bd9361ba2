# A shape mismatch: the traceback ends at the user's line, as PyTorch's does (its error comes from C++).
import torch

X = torch.ones(4, 2)
w = torch.ones(3, 1)
print("before")
y = X @ w
print("after")
