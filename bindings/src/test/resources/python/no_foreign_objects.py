"""Walks the public Python API (module attributes, and the results of the calls a tutorial makes, with their public
attributes) and lists every foreign (Java) object that reaches user code. The test expects an empty list."""
import polyglot, importlib, io, copy
import torch, numpy as np
from torch import nn

escapes = []

def check(label, obj, depth=0, seen=None):
    seen = set() if seen is None else seen
    if id(obj) in seen or depth > 3:
        return
    seen.add(id(obj))
    if isinstance(obj, polyglot.ForeignObject):
        escapes.append(f"{label}: {type(obj).__name__}")
        return
    if isinstance(obj, (str, bytes, int, float, bool, type(None), type)):
        return
    if isinstance(obj, dict):
        for k, v in list(obj.items()):
            check(f"{label} key", k, depth + 1, seen)
            check(f"{label}[{k!r}]", v, depth + 1, seen)
        return
    if isinstance(obj, (list, tuple, set, frozenset)):
        for i, v in enumerate(obj):
            check(f"{label}[{i}]", v, depth + 1, seen)
        return
    if callable(obj) and not isinstance(obj, nn.Module):
        return
    for name in dir(obj):
        if name.startswith("_"):
            continue
        try:
            value = getattr(obj, name)
        except Exception:
            continue
        if not callable(value) or isinstance(value, polyglot.ForeignObject):
            check(f"{label}.{name}", value, depth + 1, seen)

for modname in ["torch", "torch.nn", "torch.nn.functional", "torch.nn.init", "torch.optim", "torch.optim.lr_scheduler",
                "torch.utils.data", "torch.autograd", "numpy", "numpy.random", "numpy.linalg"]:
    mod = importlib.import_module(modname)
    for name in dir(mod):
        if not name.startswith("_"):
            v = getattr(mod, name)
            if isinstance(v, polyglot.ForeignObject):
                escapes.append(f"{modname}.{name}: {type(v).__name__}")

torch.manual_seed(0)
t = torch.randn(3, 4, requires_grad=True)
y = (t * 2).sum()
y.backward()
model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 1))
opt = torch.optim.Adam(model.parameters(), lr=0.1)
sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1)
model(t.detach()).sum().backward()
opt.step()
sched.step()
buffer = io.BytesIO()
torch.save({"model": model.state_dict(), "optimizer": opt.state_dict()}, buffer)
buffer.seek(0)
ds = torch.utils.data.TensorDataset(torch.arange(6.).reshape(3, 2), torch.arange(3))
a = np.arange(6.0).reshape(2, 3)
results = {
    "tensor": t, "sum": y, "grad_fn": y.grad_fn, "shape": t.shape, "size": t.size(), "tolist": t.tolist(),
    "max": t.max(dim=1), "chunk": t.chunk(2),
    "split": t.split(2), "numpy": t.detach().numpy(), "from_numpy": torch.from_numpy(a),
    "state_dict": model.state_dict(), "named_parameters": list(model.named_parameters()),
    "named_modules": list(model.named_modules()), "children": list(model.children()), "module": model,
    "load_state_dict": model.load_state_dict(model.state_dict()), "optimizer": opt,
    "opt_state_dict": opt.state_dict(), "param_groups": opt.param_groups, "defaults": opt.defaults,
    "last_lr": sched.get_last_lr(), "loaded": torch.load(buffer), "rng_state": torch.get_rng_state(),
    "batches": list(torch.utils.data.DataLoader(ds, batch_size=2)), "item": ds[0],
    "deepcopy": copy.deepcopy(model), "copy_opt": copy.deepcopy(opt), "ndarray": a, "np_sum": a.sum(axis=0),
    "np_list": a.tolist(), "np_random": np.random.rand(2), "np_rng": np.random.default_rng(0),
    "np_legacy": np.random.RandomState(0), "np_state": np.random.get_state(), "np_draws": np.random.default_rng(1).choice(5, 2),
    "np_scalar": np.random.randint(3), "np_out": np.add(a, 1, out=a),
}
for label, value in results.items():
    check(label, value)
escapes
