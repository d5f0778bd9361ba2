# expect status: 0
# expect modes: server
# expect absent: .model.pt.5eed1e55.tmp
# expect file: .other.pt.5eed1e55.tmp=another file's
# A save killed midway leaves .NAME.<hex>.tmp beside its target; the next save to that path removes it
# (no live process holds it), and leaves other files' temporaries alone.
import torch

with open(".model.pt.5eed1e55.tmp", "wb") as stale:
    stale.write(b"\0" * 4096)
with open(".other.pt.5eed1e55.tmp", "w") as other:
    other.write("another file's")
torch.save({"w": torch.ones(3)}, "model.pt")
assert torch.equal(torch.load("model.pt")["w"], torch.ones(3))
