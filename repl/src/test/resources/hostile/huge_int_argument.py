# expect status: 0
# expect file: caught.txt=4
# expect modes: server
# Sizes, dims and indices past 32 bits fail with a RuntimeError the script can catch, not a Java exception that
# `except Exception` lets through (which ended the script).
import torch
caught = 0
for attempt in (lambda: torch.empty(2**40), lambda: torch.zeros(4294967296, 4294967296),
                lambda: torch.ones(2).sum(2**40), lambda: torch.ones(2).view(-2**40)):
    try:
        attempt()
    except RuntimeError:
        caught += 1
    except IndexError:
        caught += 1
open('caught.txt', 'w').write(str(caught))
