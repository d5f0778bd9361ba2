"""Placeholder torch package: the real shim over the torchglot engine replaces this file."""

__version__ = "1.13.1"
