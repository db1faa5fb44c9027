"""Does training scale with threads? Runs ThreadsBenchmark (one epoch, default configuration, on
one thread and on the default thread count, four workloads) on both kernel paths, ROUNDS times,
interleaved (scalar, vector, scalar, vector, ...), and prints for each figure the median over the
rounds, the spread (lowest to highest) and the raw figures, then the ratio default / 1 thread of
the medians. From the repository root:

    python3 src/jmh/python/threads.py [ROUNDS]      # default 3
"""
import json
import statistics
import subprocess
import sys

VECTOR = "--add-modules=jdk.incubator.vector"


def run(path, round_):
    out = f"target/jmh-threads-{path}-{round_}.json"
    flags = f" -jvmArgsAppend {VECTOR}" if path == "vector" else ""
    subprocess.run(["mvn", "-q", "-Pbench", "test-compile", "exec:exec@bench",
                    f"-Dbench.args=ThreadsBenchmark -f 1 -wi 3 -i 3 -w 1s -r 1s{flags} -rf json -rff {out}"],
                   check=True)
    return {(r["params"]["workload"], r["params"]["threads"]): r["primaryMetric"]["score"] for r in json.load(open(out))}


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    results = {"scalar": [], "vector": []}
    for round_ in range(rounds):
        for path in results:
            results[path].append(run(path, round_))
    print(f"{'ms per epoch':28s} {'1 thread':>24s} {'default':>24s} {'default/1':>10s}")
    for path, runs in results.items():
        for workload in runs[0]:
            if workload[1] != "1":
                continue
            name = workload[0]
            one = [r[(name, "1")] for r in runs]
            default = [r[(name, "default")] for r in runs]
            m1, md = statistics.median(one), statistics.median(default)
            print(f"{path + ' ' + name:28s} {m1:10.3f} ({min(one):.3f}-{max(one):.3f})"
                  f" {md:10.3f} ({min(default):.3f}-{max(default):.3f}) {m1 / md:10.2f}")
            print(f"{'':28s} raw 1 thread {['%.3f' % v for v in one]}, default {['%.3f' % v for v in default]},"
                  f" per-round ratios {['%.2f' % (a / b) for a, b in zip(one, default)]}")


if __name__ == "__main__":
    sys.exit(main())
