"""Times, in one run, backprop4j (JMH) against numpy and PyTorch, float64, and prints them side by
side:

- the three matrix products (A·B, Aᵀ·B, A·Bᵀ) on one thread, in GFLOP/s, on squares and at the
  training shapes, for backprop4j's scalar and Vector API kernels (KernelsBenchmark) and numpy;
- one training epoch and one single-row prediction of the 784-256-128-10 network (ReLU, ReLU,
  Softmax; SGD, batch 64; 20,000 rows of 784 uniform features labelled by a random linear
  teacher), on 1 and 2 threads, on each kernel path.

Run from the repository root, with Debian's python3-torch installed:

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 src/jmh/python/compare.py

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


def main():
    try:
        from threadpoolctl import threadpool_info, threadpool_limits
    except ImportError:
        threadpool_info, threadpool_limits = (lambda: []), None
    import torch
    torch.set_default_dtype(torch.float64)
    print("numpy", np.__version__, "BLAS:", [(i.get("internal_api"), i.get("architecture")) for i in threadpool_info()])
    print("torch", torch.__version__, "float64")
    kernels_table(threadpool_limits)
    paths = {path: run_jmh(path) for path in ("scalar", "vector")}
    rng = np.random.default_rng(7)
    x, y = teacher(rng)
    print(f"{'':36s} {'backprop4j':>12s} {'numpy':>12s} {'PyTorch':>12s} {'vs numpy':>9s} {'vs torch':>9s}")
    for threads in (1, 2):
        torch.set_num_threads(threads)
        if threadpool_limits:
            threadpool_limits(threads)
        params = init(np.random.default_rng(1))
        np_s = ROWS / best(lambda: numpy_epoch(x, y, params), 2)
        model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128),
                                    torch.nn.ReLU(), torch.nn.Linear(128, 10))
        opt = torch.optim.SGD(model.parameters(), lr=LR)
        tx, ty = torch.from_numpy(x), torch.from_numpy(y)
        loss_fn = torch.nn.CrossEntropyLoss()

        def torch_epoch():
            for start in range(0, ROWS, BATCH):
                opt.zero_grad()
                loss_fn(model(tx[start:start + BATCH]), ty[start:start + BATCH]).backward()
                opt.step()
        torch_s = ROWS / best(torch_epoch, 2)
        for path, ours in paths.items():
            ours_s = ROWS / (ours[f"epoch{threads}"]["score"] / 1000)
            print(f"training samples/s, {threads} thread(s), {path:6s} {ours_s:12.0f} {np_s:12.0f} {torch_s:12.0f}"
                  f" {ours_s / np_s:9.2f} {ours_s / torch_s:9.2f}")
    torch.set_num_threads(1)
    if threadpool_limits:
        threadpool_limits(1)
    params = init(np.random.default_rng(1))
    row = x[0]
    np_row = best(lambda: [numpy_row(row, params) for _ in range(1000)], 5) / 1000 * 1e6
    model.eval()
    trow = torch.from_numpy(row).unsqueeze(0)
    with torch.no_grad():
        torch_row = best(lambda: [torch.softmax(model(trow), 1) for _ in range(1000)], 5) / 1000 * 1e6
    for path, ours in paths.items():
        ours_row = ours["wideRow"]["scorePercentiles"]["50.0"]
        print(f"single-row predict, median us, {path:6s} {ours_row:12.1f} {np_row:12.1f} {torch_row:12.1f}"
              f" {np_row / ours_row:9.2f} {torch_row / ours_row:9.2f}   (ratios: their time / ours)")
        print(f"copying the weights once (floor), us  {ours['streamWideWeights']['scorePercentiles']['50.0']:12.1f}")


if __name__ == "__main__":
    sys.exit(main())
