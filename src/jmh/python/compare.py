"""Times one training epoch and one single-row prediction of the 784-256-128-10 network (ReLU,
ReLU, Softmax; float64; SGD, batch 64; 20,000 rows of 784 uniform features labelled by a random
linear teacher) in backprop4j (JMH), numpy and PyTorch, in one run, and prints them side by side.

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


def run_jmh():
    out = "target/jmh-compare.json"
    subprocess.run(["mvn", "-q", "-Pbench", "test-compile", "exec:exec@bench",
                    "-Dbench.args=WideTrainingBenchmark|PredictBenchmark.wideRow|PredictBenchmark.streamWideWeights"
                    f" -f 1 -wi 2 -i 5 -w 1s -r 1s -rf json -rff {out}"], check=True)
    results = {}
    for r in json.load(open(out)):
        name = r["benchmark"].split(".")[-1] + r.get("params", {}).get("threads", "")
        results[name] = r["primaryMetric"]
    return results


def main():
    try:
        from threadpoolctl import threadpool_info, threadpool_limits
    except ImportError:
        threadpool_info, threadpool_limits = (lambda: []), None
    import torch
    torch.set_default_dtype(torch.float64)
    ours = run_jmh()
    rng = np.random.default_rng(7)
    x, y = teacher(rng)
    print("numpy", np.__version__, "BLAS:", [(i.get("internal_api"), i.get("architecture")) for i in threadpool_info()])
    print("torch", torch.__version__, "float64")
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
        ours_ms = ours[f"epoch{threads}"]["score"]
        ours_s = ROWS / (ours_ms / 1000)
        print(f"training samples/s, {threads} thread(s)        {ours_s:12.0f} {np_s:12.0f} {torch_s:12.0f}"
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
    ours_row = ours["wideRow"]["scorePercentiles"]["50.0"]
    print(f"single-row predict, median us (ours)  {ours_row:12.1f} {np_row:12.1f} {torch_row:12.1f}"
          f" {np_row / ours_row:9.2f} {torch_row / ours_row:9.2f}   (ratios: their time / ours)")
    print(f"copying the weights once (floor), us  {ours['streamWideWeights']['scorePercentiles']['50.0']:12.1f}")


if __name__ == "__main__":
    sys.exit(main())
