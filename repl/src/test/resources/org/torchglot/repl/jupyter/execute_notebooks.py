"""Runs one small notebook per torchglot kernel through nbclient, as a real Jupyter client does, and prints
every cell's outputs as JSON ({kernel: [[output, ...] per cell]}) for NotebookClientTest to check.

usage: execute_notebooks.py WORKDIR KERNEL_NAME...   (JUPYTER_PATH must point at the kernelspecs)"""
import json
import sys

import nbformat
from nbclient import NotebookClient

# Each cell tagged "interrupt" loops for ever: nbclient interrupts it (an interrupt_request, the kernelspec's
# interrupt_mode being "message") when its short timeout passes.
NOTEBOOKS = {
    "torchglot-python": [
        "import torch\nx = torch.ones(2, 2)\nprint('sum', x.sum().item())\nx * 3",
        "1 / 0",
        ("while True:\n    pass", "interrupt"),
        "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3], [1, 4, 9])\nplt.show()",
        ":share x\n:r\nprint(x$sum())",
    ],
    "torchglot-r": [
        "library(torch)\nx <- torch_ones(2, 2)\nprint(x$sum())\n1 + 1",
        "stop('bad input')",
        ("repeat {}", "interrupt"),
    ],
    "torchglot-js": [
        "const torch = require('torch');\nconst x = torch.ones([2]);\nconsole.log('n', 2);\n[1, 2].map(v => v * 3)",
        "null.foo",
        ("while (true) {}", "interrupt"),
    ],
}


def notebook(cells):
    nb = nbformat.v4.new_notebook()
    for cell in cells:
        code, tag = cell if isinstance(cell, tuple) else (cell, None)
        new = nbformat.v4.new_code_cell(code)
        if tag:
            new.metadata["tags"] = [tag]
        nb.cells.append(new)
    return nb


def main():
    workdir, kernels = sys.argv[1], sys.argv[2:]
    results = {}
    for kernel in kernels:
        nb = notebook(NOTEBOOKS[kernel])
        client = NotebookClient(nb, kernel_name=kernel, allow_errors=True, interrupt_on_timeout=True,
                                timeout_func=lambda cell: 5 if "interrupt" in cell.metadata.get("tags", []) else 180,
                                startup_timeout=180, resources={"metadata": {"path": workdir}})
        client.execute()
        results[kernel] = [cell.outputs for cell in nb.cells]
    json.dump(results, sys.stdout)


main()
