# Stands in for matplotlib when tools/golden runs a script under Debian's PyTorch, which has none:
# the numbers of a golden file come from PyTorch; a plot prints only what torchglot's pyplot prints.
