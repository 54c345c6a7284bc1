#!/usr/bin/env python3
"""rapport's benchmarks, on a release build, pinned to one core.

    python3 benchmarks/run.py            # build (release, static runtime), then measure everything
    python3 benchmarks/run.py --no-build # measure the binaries already built

Measures start-up of whole processes (`rapport scenarios`, `rapport rewrite "You never
listen"`), `rapport analyze --json` and `rapport rewrite --json` throughput over 10,000 and
100,000 generated lines, the engine's time per turn over a long scripted session (p50/p99,
from RapportBench), and peak memory (max RSS) of a batch and of a session; then the
instruction counts under callgrind (instructions.py: start-up, and per line with start-up
subtracted). Prints Markdown tables; the README quotes them.
"""
import argparse
import os
import statistics
import subprocess
import time

import instructions
from common import BENCH, RAPPORT, ROOT, cpu_name, lines_file, timed


def startup(command, runs=40):
    times = sorted(timed(command)[0] for _ in range(runs))
    return statistics.median(times) * 1000, times[0] * 1000


def throughput(command, path, count, runs=3):
    best, rss = None, 0
    for _ in range(runs):
        seconds, peak, _ = timed(command, stdin_path=path)
        best = seconds if best is None else min(best, seconds)
        rss = max(rss, peak)
    return count / best, rss


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="use the release binaries already built")
    parser.add_argument("--no-instructions", action="store_true", help="leave out the callgrind instruction counts")
    args = parser.parse_args()
    if not args.no_build:
        # The Swift runtime and Foundation linked in: a third faster to start, and faster
        # in batch (no calls through shared-library stubs for every retain and release).
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib"], cwd=ROOT, check=True)
    for binary in (RAPPORT, BENCH):
        if not binary.exists():
            raise SystemExit(f"missing {binary}; run without --no-build")

    rows = []
    median, best = startup([str(RAPPORT), "scenarios"])
    rows.append(("start-up: `rapport scenarios`", f"{median:.1f} ms", f"best {best:.1f} ms", "≤ 20 ms"))
    median, best = startup([str(RAPPORT), "rewrite", "You never listen"])
    rows.append(("start-up: `rapport rewrite \"You never listen\"`", f"{median:.1f} ms", f"best {best:.1f} ms", "≤ 20 ms"))

    for count in (10_000, 100_000):
        path = lines_file(count)
        rate, rss = throughput([str(RAPPORT), "analyze", "--json"], path, count)
        rows.append((f"`analyze --json`, {count:,} lines", f"{rate:,.0f} lines/s", f"peak {rss:.1f} MiB", "≥ 200,000 lines/s"))
        rate, rss = throughput([str(RAPPORT), "rewrite", "--json"], path, count)
        rows.append((f"`rewrite --json`, {count:,} lines", f"{rate:,.0f} lines/s", f"peak {rss:.1f} MiB", "≥ 100,000 lines/s"))

    _, _, report = timed([str(BENCH), "turns"], stdin_path=lines_file(100_000), keep_output=True)
    fields = report.split()
    p50 = fields[fields.index("p50") + 1]
    p99 = fields[fields.index("p99") + 1]
    rows.append(("engine turn (analysis + engine + rewrite), 100,000 turns", f"p50 {p50} µs", f"p99 {p99} µs", "p99 < 1 ms"))

    _, rss, _ = timed([str(RAPPORT), "practice", "apology", "--no-save"], stdin_path=lines_file(10_000))
    rows.append(("a session: `practice apology` fed 10,000 replies", "", f"peak {rss:.1f} MiB", "< 25 MiB"))

    print(f"rapport benchmarks: release build, pinned to one core ({cpu_name()}, {os.cpu_count()} cores), "
          f"{time.strftime('%Y-%m-%d')}\n")
    print("| measure | result | | target |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")

    if not args.no_instructions:
        count = 1000
        print("\nInstructions under callgrind (benchmarks/instructions.py):\n")
        print("| measure | instructions | goal |")
        print("| --- | --- | --- |")
        for row in instructions.rows(instructions.measure(RAPPORT, count), count):
            print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
