"""torch.Generator over the engine's libtorch-exact generator."""
from torch import _bridge


class Generator:
    __slots__ = ("_g",)

    def __init__(self, device="cpu"):
        self._g = _bridge.JGenerator()

    @classmethod
    def _wrap(cls, jgen):
        g = cls.__new__(cls)
        g._g = jgen
        return g

    def manual_seed(self, seed):
        self._g.manualSeed(int(seed))
        return self

    def seed(self):
        return _unsigned(self._g.seed())

    def initial_seed(self):
        return _unsigned(self._g.initialSeed())

    def get_state(self):
        """The generator's state as PyTorch's 5056 bytes (an int64 tensor here: there is no uint8 dtype)."""
        from torch import tensor
        return tensor([b & 0xFF for b in self._g.getState()])

    def set_state(self, state):
        self._g.setState(bytes(int(b) for b in state.tolist()))
        return self

    @property
    def device(self):
        from torch import device
        return device("cpu")


def _unsigned(v):
    return v & 0xFFFFFFFFFFFFFFFF
