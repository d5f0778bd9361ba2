#!/usr/bin/env python3
"""Times every tutorial in scripts/ as a whole process under torchglot and, when /usr/bin/python3 has
torch, under real PyTorch; prints min / median / max over N runs and the ratio of medians.

    bench/tutorials.py [--runs 5] [--only xor_perceptron] [--threads 1]

Not a test: run it on a quiet machine (load average near 0) or the numbers mean little.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"


def timed(cmd, cwd, env):
    t0 = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - t0
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, cmd))} failed:\n{result.stderr.decode()}")
    return elapsed


def has_pytorch():
    try:
        return subprocess.run(["/usr/bin/python3", "-c", "import torch"], capture_output=True).returncode == 0
    except FileNotFoundError:
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default=None, help="a script name without extension")
    parser.add_argument("--threads", default="1", help="threads for PyTorch/OpenBLAS (the baseline uses 1)")
    args = parser.parse_args()
    env = dict(os.environ, TORCHGLOT_NO_BUILD="1", OMP_NUM_THREADS=args.threads, MKL_NUM_THREADS=args.threads,
               OPENBLAS_NUM_THREADS=args.threads, MPLBACKEND="Agg")
    subprocess.run([str(ROOT / "torchglot"), "--version"], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ))  # builds if needed, outside the timings
    pytorch = has_pytorch()
    rows = []
    for script in sorted(SCRIPTS.glob("*.*")):
        if script.suffix not in (".py", ".R", ".js") or (args.only and script.stem != args.only):
            continue
        ours = [timed([str(ROOT / "torchglot"), script.name], SCRIPTS, env) for _ in range(args.runs)]
        theirs = None
        if pytorch and script.suffix == ".py":
            theirs = [timed(["/usr/bin/python3", script.name], SCRIPTS, env) for _ in range(args.runs)]
        rows.append((script.name, ours, theirs))
    print(f"{'script':28} {'torchglot min/med/max (s)':>28} {'PyTorch min/med/max (s)':>26} {'ratio':>7}")
    for name, ours, theirs in rows:
        o = f"{min(ours):6.2f} {statistics.median(ours):6.2f} {max(ours):6.2f}"
        if theirs:
            t = f"{min(theirs):6.2f} {statistics.median(theirs):6.2f} {max(theirs):6.2f}"
            ratio = f"{statistics.median(ours) / statistics.median(theirs):7.2f}"
        else:
            t, ratio = f"{'-':>20}", f"{'-':>7}"
        print(f"{name:28} {o:>28} {t:>26} {ratio}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    sys.exit(main())
