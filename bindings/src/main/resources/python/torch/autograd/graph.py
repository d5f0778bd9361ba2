"""Graph nodes as PyTorch shows them: grad_fn=<AddBackward0>, next_functions."""


class Node:
    __slots__ = ("_n",)

    @classmethod
    def _wrap(cls, jnode):
        # NOTE: as in PyTorch, each kind of node is its own class: type(t.grad_fn).__name__ == 'AddBackward0'
        name = jnode.name()
        kind = _KINDS.get(name)
        if kind is None:
            kind = _KINDS[name] = type(name, (Node,), {"__slots__": ()})
        n = object.__new__(kind)
        n._n = jnode
        return n

    def name(self):
        return self._n.name()

    @property
    def next_functions(self):
        return tuple((None if n is None else Node._wrap(n), 0) for n in self._n.nextFunctions())

    @property
    def variable(self):
        from torch._tensor import Tensor
        return Tensor._wrap(self._n.variable())

    def __eq__(self, other):
        return isinstance(other, Node) and self._n is other._n

    def __hash__(self):
        return id(self._n)

    def __repr__(self):
        return f"<{self._n.name()} object at {hex(id(self._n))}>"


_KINDS = {}
