# expect status: 0
# expect file: caught.txt=8
# expect within: 60s
# expect modes: server
# Sizes past 32 bits or past the memory guard fail with an error the script can catch, at once: not a Java exception
# that `except Exception` lets through (ending the script), nor an allocation outside the guard that fills the heap.
import torch
caught = 0
for attempt in (lambda: torch.empty(2**40), lambda: torch.zeros(4294967296, 4294967296),
                lambda: torch.ones(2).sum(2**40), lambda: torch.ones(2).view(-2**40),
                lambda: torch.multinomial(torch.ones(2, 2), 2**31 - 1, replacement=True),
                lambda: torch.multinomial(torch.ones(1, 2), 2**31 - 1, replacement=True), lambda: torch.randperm(2**31 - 1),
                lambda: torch.autograd.gradcheck(lambda x: x * 1,
                                                 (torch.zeros(65536, dtype=torch.float64, requires_grad=True),))):
    try:
        attempt()
    except (RuntimeError, IndexError):
        caught += 1
open('caught.txt', 'w').write(str(caught))
