"""Times, in one run, backprop4j (JMH) against numpy and PyTorch, float64, and prints them side by
side:

- the three matrix products (A·B, Aᵀ·B, A·Bᵀ) on one thread, in GFLOP/s, on squares and at the
  training shapes, for backprop4j's scalar and Vector API kernels (KernelsBenchmark) and numpy;
- one training epoch and one single-row prediction of the 784-256-128-10 network (ReLU, ReLU,
  Softmax; SGD, batch 64; 20,000 rows of 784 uniform features labelled by a random linear
  teacher), on 1 and 2 threads, on each kernel path.

Run from the repository root, with Debian's python3-torch installed, and PyTorch 2.13 from its
CPU wheel in a venv of its own (TORCH_PYTHON; docs/performance.md says how to make it), for
ROUNDS interleaved rounds (default 1; the kernels' table only in a single round):

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE TORCH_PYTHON=/tmp/torch213/bin/python3 \
        /usr/bin/python3 src/jmh/python/compare.py 3

(This environment may set OPENBLAS_CORETYPE to an older core, which slows OpenBLAS; the command
unsets it for this run only. Some CPUs need OPENBLAS_CORETYPE=SkylakeX for Debian's OpenBLAS.)
"""
import json
import os
import subprocess
import sys
import time

import numpy as np

ROWS, BATCH, LR = 20_000, 64, 0.01
SIZES = [784, 256, 128, 10]


def teacher(rng):
    x = rng.random((ROWS, 784))
    y = np.argmax(x @ rng.standard_normal((784, 10)), axis=1)
    return x, y


def init(rng):
    return [(rng.standard_normal((a, b)) * np.sqrt(2.0 / a), np.zeros(b)) for a, b in zip(SIZES, SIZES[1:])]


def numpy_epoch(x, y, params):
    onehot = np.eye(10)[y]
    for start in range(0, ROWS, BATCH):
        xb, yb = x[start:start + BATCH], onehot[start:start + BATCH]
        acts, zs = [xb], []
        for i, (w, b) in enumerate(params):
            z = acts[-1] @ w + b
            zs.append(z)
            if i < len(params) - 1:
                acts.append(np.maximum(z, 0))
            else:
                e = np.exp(z - z.max(axis=1, keepdims=True))
                acts.append(e / e.sum(axis=1, keepdims=True))
        dz = (acts[-1] - yb) / len(xb)
        for i in range(len(params) - 1, -1, -1):
            w, b = params[i]
            dw, db = acts[i].T @ dz, dz.sum(axis=0)
            if i > 0:
                dz = (dz @ w.T) * (zs[i - 1] > 0)
            w -= LR * dw
            b -= LR * db


def numpy_row(row, params):
    a = row
    for i, (w, b) in enumerate(params):
        z = a @ w + b
        a = np.maximum(z, 0) if i < len(params) - 1 else np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    return a


def best(f, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
    return min(times)


VECTOR = "--add-modules=jdk.incubator.vector"


def jmh(args, out):
    subprocess.run(["mvn", "-q", "-Pbench", "test-compile", "exec:exec@bench",
                    f"-Dbench.args={args} -rf json -rff {out}"], check=True)
    return json.load(open(out))


def run_jmh(path):
    """The training and prediction benchmarks on one kernel path: the JVM has the Vector API or not."""
    flags = f" -jvmArgsAppend {VECTOR}" if path == "vector" else ""
    results = {}
    for r in jmh("WideTrainingBenchmark|PredictBenchmark.wideRow|PredictBenchmark.streamWideWeights"
                 f" -f 1 -wi 2 -i 5 -w 1s -r 1s{flags}", f"target/jmh-compare-{path}.json"):
        name = r["benchmark"].split(".")[-1] + r.get("params", {}).get("threads", "")
        results[name] = r["primaryMetric"]
    return results


def gflops(product, seconds):
    _, n, k, m = product.split()
    return 2 * int(n) * int(k) * int(m) / seconds / 1e9


def numpy_product(product):
    form, n, k, m = product.split()
    n, k, m = int(n), int(k), int(m)
    rng = np.random.default_rng(1)
    a = rng.standard_normal((k, n) if form == "AtB" else (n, k))
    b = rng.standard_normal((m, k) if form == "ABt" else (k, m))
    c = np.empty((n, m))
    if form == "AB":
        f = lambda: np.matmul(a, b, out=c)
    elif form == "AtB":
        f = lambda: np.matmul(a.T, b, out=c)
    else:
        f = lambda: np.matmul(a, b.T, out=c)
    reps = max(3, int(2e8 / (2 * n * k * m)))
    return gflops(product, best(lambda: [f() for _ in range(reps)], 7) / reps)


def kernels_table(threadpool_limits):
    if threadpool_limits:
        threadpool_limits(1)
    rows = {}
    for r in jmh("KernelsBenchmark -wi 3 -i 3 -w 1s -r 1s", "target/jmh-kernels.json"):
        params = r["params"]
        rows.setdefault(params["product"], {})[params["path"]] = gflops(params["product"], 1 / r["primaryMetric"]["score"])
    print(f"{'GFLOP/s, one thread':24s} {'scalar':>8s} {'vector':>8s} {'numpy':>8s} {'scalar/np':>10s} {'vector/np':>10s}")
    for product, paths in rows.items():
        np_g = numpy_product(product)
        print(f"{product:24s} {paths['scalar']:8.1f} {paths['vector']:8.1f} {np_g:8.1f}"
              f" {paths['scalar'] / np_g:10.2f} {paths['vector'] / np_g:10.2f}")


TORCH_EPOCH = r"""
import sys, time, numpy as np, torch
threads, rows, batch, lr = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
torch.set_default_dtype(torch.float64)
torch.set_num_threads(threads)
rng = np.random.default_rng(7)
x = rng.random((rows, 784))
y = np.argmax(x @ rng.standard_normal((784, 10)), axis=1)
torch.manual_seed(1)
model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128),
                            torch.nn.ReLU(), torch.nn.Linear(128, 10))
opt = torch.optim.SGD(model.parameters(), lr=lr)
tx, ty = torch.from_numpy(x), torch.from_numpy(y)
loss_fn = torch.nn.CrossEntropyLoss()
times = []
for _ in range(3):
    t0 = time.perf_counter()
    for start in range(0, rows, batch):
        opt.zero_grad()
        loss_fn(model(tx[start:start + batch]), ty[start:start + batch]).backward()
        opt.step()
    times.append(time.perf_counter() - t0)
print(torch.__version__, rows / sorted(times)[1])
"""


def torch_rate(python, threads):
    """Samples/s of PyTorch under interpreter {@code python}: the median of 3 epochs, in a process of its own."""
    out = subprocess.run([python, "-c", TORCH_EPOCH, str(threads), str(ROWS), str(BATCH), str(LR)], check=True,
                         capture_output=True, text=True).stdout.split()
    return out[0], float(out[1])


def peers():
    """The PyTorch interpreters: Debian's python3-torch, and the 2.13 CPU wheel's venv when given."""
    found = {}
    for python in ["/usr/bin/python3", os.environ.get("TORCH_PYTHON", "")]:
        if python and subprocess.run([python, "-c", "import torch"], capture_output=True).returncode == 0:
            found[python] = None
    return list(found)


def spread(values):
    values = sorted(values)
    return f"{values[len(values) // 2]:9.0f} ({values[0]:.0f}-{values[-1]:.0f})"


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    try:
        from threadpoolctl import threadpool_info, threadpool_limits
    except ImportError:
        threadpool_info, threadpool_limits = (lambda: []), None
    print("numpy", np.__version__, "BLAS:", [(i.get("internal_api"), i.get("architecture")) for i in threadpool_info()])
    if rounds == 1:
        kernels_table(threadpool_limits)   # a round of several is about training; the kernels take minutes more
    rates = {}          # figure -> samples/s per round
    rows_us = {}
    pythons = peers()
    rng = np.random.default_rng(7)
    x, y = teacher(rng)
    for _ in range(rounds):
        # one round: each kernel path, numpy and each PyTorch, on 1 and 2 threads, one after the other
        for path in ("scalar", "vector"):
            ours = run_jmh(path)
            for threads in (1, 2):
                rates.setdefault(f"backprop4j {path}, {threads} thread(s)", []).append(
                    ROWS / (ours[f"epoch{threads}"]["score"] / 1000))
            rows_us.setdefault(path, []).append(ours["wideRow"]["scorePercentiles"]["50.0"])
        for threads in (1, 2):
            if threadpool_limits:
                threadpool_limits(threads)
            params = init(np.random.default_rng(1))
            rates.setdefault(f"numpy, {threads} thread(s)", []).append(ROWS / best(lambda: numpy_epoch(x, y, params), 2))
            for python in pythons:
                version, rate = torch_rate(python, threads)
                rates.setdefault(f"PyTorch {version}, {threads} thread(s)", []).append(rate)
    print(f"training samples/s, 784-256-128-10, SGD, batch {BATCH}: median over {rounds} round(s) (lowest-highest), raw")
    for figure, values in rates.items():
        print(f"  {figure:40s} {spread(values)}  {[round(v) for v in values]}")
    for threads in (1, 2):
        for torch_figure in [f for f in rates if f.startswith("PyTorch") and f.endswith(f"{threads} thread(s)")]:
            ours = rates[f"backprop4j vector, {threads} thread(s)"]
            ratios = [a / b for a, b in zip(ours, rates[torch_figure])]
            print(f"  vector path / {torch_figure}: median {sorted(ratios)[len(ratios) // 2]:.2f},"
                  f" per round {[round(r, 2) for r in ratios]}")
    for path in ("scalar", "vector"):
        ratios = [a / b for a, b in zip(rates[f"backprop4j {path}, 2 thread(s)"], rates[f"backprop4j {path}, 1 thread(s)"])]
        print(f"  {path} 2 threads / 1: median {sorted(ratios)[len(ratios) // 2]:.2f}, per round {[round(r, 2) for r in ratios]}")
    if threadpool_limits:
        threadpool_limits(1)
    params = init(np.random.default_rng(1))
    row = x[0]
    np_row = best(lambda: [numpy_row(row, params) for _ in range(1000)], 5) / 1000 * 1e6
    for path, values in rows_us.items():
        print(f"single-row predict, median us, {path:6s} {sorted(values)[len(values) // 2]:8.1f}   numpy {np_row:8.1f}")


if __name__ == "__main__":
    sys.exit(main())
