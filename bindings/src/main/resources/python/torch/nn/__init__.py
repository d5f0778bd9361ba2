"""torch.nn: modules, parameters, functional, init."""
from torch.nn.parameter import Parameter
from torch.nn.modules import Module, Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict, _BUILTIN
from torch.nn import functional, init

globals().update({k: v for k, v in _BUILTIN.items() if k not in globals()})
