"""torch.nn: modules, parameters, functional, init, utils."""
from torch.nn.parameter import Parameter
from torch.nn.modules import Module, Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict, _BUILTIN
from torch.nn import functional, init, utils

globals().update({k: v for k, v in _BUILTIN.items() if k not in globals()})
