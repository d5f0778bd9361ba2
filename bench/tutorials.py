#!/usr/bin/env python3
"""Times torchglot against PyTorch (/usr/bin/python3 with torch, when present) and prints min / median /
max over N runs and the ratio of medians.

    bench/tutorials.py [--runs 5] [--only xor_mlp,perceptron] [--ext py] [--cold] [--loops] [--no-system-blas]
                       [--threads N]

Default: every tutorial in scripts/ as a whole process (`./torchglot x.py` vs `python3 x.py`), with a
warm server started beforehand (after retiring any running one), as a user's second command finds it;
--cold runs each command in a fresh JVM instead (TORCHGLOT_ATTACH=0). --loops times the training loops
of bench/loops/ (the scripts time themselves and print `loop_seconds`). --no-system-blas runs torchglot as on a
fresh machine, with the system's BLAS libraries hidden (bench/without-system-blas: a private mount namespace,
root only), so it uses the OpenBLAS that comes with the build; PyTorch keeps its BLAS. Both use their default
threads (OpenBLAS: one per core) unless --threads N sets OMP/MKL/OPENBLAS_NUM_THREADS for both.

Not a test: run it on a quiet machine (load average near 0) or the numbers mean little.
"""
import argparse
import glob
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
LOOPS = ROOT / "bench" / "loops"


class Failed(Exception):
    pass


def run(cmd, cwd, env):
    """Runs a command; returns (wall seconds, stdout)."""
    t0 = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - t0
    if result.returncode != 0:
        raise Failed(f"{' '.join(map(str, cmd))} failed:\n{result.stderr.decode()}")
    return elapsed, result.stdout.decode()


def loop_seconds(output):
    for line in output.splitlines():
        if line.startswith("loop_seconds"):
            return float(line.split()[1])
    raise SystemExit("no loop_seconds line in:\n" + output)


def has_pytorch():
    try:
        return subprocess.run(["/usr/bin/python3", "-c", "import torch"], capture_output=True).returncode == 0
    except FileNotFoundError:
        return False


def listening(path):
    with socket.socket(socket.AF_UNIX) as s:
        try:
            s.connect(path)
            return True
        except OSError:
            return False


SERVER_DIRECT_SECONDS = 60


def start_warm_server(torchglot, env):
    """Retires running servers (removing a socket makes its server exit), runs one command so the
    launcher starts a server for this build, then waits until it listens."""
    sockets = f"{os.environ.get('XDG_RUNTIME_DIR', '/tmp')}/torchglot-{os.getuid()}/*.sock"
    for stale in glob.glob(sockets):
        os.remove(stale)
    time.sleep(2)
    run(torchglot + [str(SCRIPTS / "perceptron.py")], tempfile.gettempdir(), env)
    started = time.time()
    while time.time() < started + 180:
        if any(listening(s) for s in glob.glob(sockets)):
            # NOTE: a server turns scripts away (they run directly) for its first minute, WarmServer's
            # torchglot.attach.directSeconds; the timings are of the server users meet after that.
            time.sleep(max(0.0, started + SERVER_DIRECT_SECONDS - time.time()))
            return
        time.sleep(0.5)
    raise SystemExit("the warm server did not start within 3 minutes; see the .log beside " + sockets)


def summary(times):
    return f"{min(times):6.2f} {statistics.median(times):6.2f} {max(times):6.2f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default=None, help="script names without extension, comma-separated")
    parser.add_argument("--ext", default=None, help="only scripts with this extension, e.g. py")
    parser.add_argument("--cold", action="store_true", help="every command in a fresh JVM (no warm server)")
    parser.add_argument("--loops", action="store_true", help="time the training loops of bench/loops/")
    parser.add_argument("--no-system-blas", action="store_true",
                        help="hide the system BLAS from torchglot, as on a fresh machine (root only)")
    parser.add_argument("--threads", default=None, help="OMP/MKL/OPENBLAS_NUM_THREADS for both (default: unset)")
    args = parser.parse_args()
    env = dict(os.environ, TORCHGLOT_NO_BUILD="1", MPLBACKEND="Agg")
    if args.threads:
        env.update(OMP_NUM_THREADS=args.threads, MKL_NUM_THREADS=args.threads, OPENBLAS_NUM_THREADS=args.threads)
    torchglot = [str(ROOT / "bench" / "without-system-blas")] if args.no_system_blas else []
    torchglot.append(str(ROOT / "torchglot"))
    if args.cold:
        env["TORCHGLOT_ATTACH"] = "0"
    subprocess.run([str(ROOT / "torchglot"), "--version"], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, TORCHGLOT_ATTACH="0"))  # builds if needed, outside the timings
    version = subprocess.run(torchglot + ["--version"], check=True, capture_output=True, text=True,
                             env=dict(env, TORCHGLOT_ATTACH="0")).stdout
    blas = next((line for line in version.splitlines() if line.startswith("BLAS: ")), "BLAS: ?")
    if not args.cold:
        start_warm_server(torchglot, env)
    pytorch = has_pytorch()
    folder = LOOPS if args.loops else SCRIPTS
    # NOTE: scripts run in a scratch directory, so files they write (plt.show's figure_N.png) stay out of the tree.
    scratch = tempfile.mkdtemp(prefix="torchglot-bench-")
    measure = (lambda cmd: loop_seconds(run(cmd, scratch, env)[1])) if args.loops else (lambda cmd: run(cmd, scratch, env)[0])
    rows = []
    for script in sorted(folder.glob("*.*")):
        if script.suffix not in (".py", ".R", ".js") or (args.only and script.stem not in args.only.split(",")) \
                or (args.ext and script.suffix != "." + args.ext):
            continue
        ours = [measure(torchglot + [str(script)]) for _ in range(args.runs)]
        theirs = None
        if pytorch and script.suffix == ".py":
            try:
                theirs = [measure(["/usr/bin/python3", str(script)]) for _ in range(args.runs)]
            except Failed as e:  # e.g. a tutorial importing matplotlib, which Debian's python3-torch lacks
                print(f"{script.name}: PyTorch run skipped: {str(e).strip().splitlines()[-1]}", file=sys.stderr)
        rows.append((script.name, ours, theirs))
    what = "training loop" if args.loops else "whole process, " + ("cold JVM" if args.cold else "warm server")
    what += ", no system BLAS for torchglot" if args.no_system_blas else ""
    print(f"{what}; seconds over {args.runs} runs; torchglot's {blas}")
    print(f"{'script':28} {'torchglot min/med/max':>22} {'PyTorch min/med/max':>22} {'ratio':>7}")
    for name, ours, theirs in rows:
        if theirs:
            t, ratio = summary(theirs), f"{statistics.median(ours) / statistics.median(theirs):7.2f}"
        else:
            t, ratio = f"{'-':>20}", f"{'-':>7}"
        print(f"{name:28} {summary(ours):>22} {t:>22} {ratio}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
