#!/usr/bin/env python3
"""rapport beside two rule-based chat engines people know: NLTK's ELIZA (nltk.chat) and
RiveScript (with peers/coach.rive, about 90 triggers). All three read the same generated
lines from standard input and answer each; the script prints start-up (start and answer
one line) and lines per second for each, pinned to one core, and rapport's ratio to each.

    python3 benchmarks/compare.py            # makes benchmarks/.venv from PyPI the first time
    python3 benchmarks/compare.py --lines 20000

Needs a release build of rapport (`swift build -c release --static-swift-stdlib`, which
benchmarks/run.py makes) and python3 with venv.
"""
import argparse
import statistics
import subprocess
import sys

from common import HERE, RAPPORT, lines_file, timed

VENV = HERE / ".venv"


def venv_python():
    python = VENV / "bin" / "python"
    if not python.exists():
        print("Making benchmarks/.venv with nltk and rivescript from PyPI…", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "--quiet", "nltk", "rivescript"], check=True)
    return str(python)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=10_000, help="lines in the throughput file (default 10,000)")
    args = parser.parse_args()
    if not RAPPORT.exists():
        raise SystemExit("build rapport first: swift build -c release --static-swift-stdlib")
    python = venv_python()
    path = lines_file(args.lines)
    engines = [
        ("NLTK ELIZA", [python, str(HERE / "peers" / "eliza_runner.py")]),
        ("RiveScript (93 triggers)", [python, str(HERE / "peers" / "rivescript_runner.py")]),
        ("rapport analyze --json", [str(RAPPORT), "analyze", "--json"]),
        ("rapport rewrite --json", [str(RAPPORT), "rewrite", "--json"]),
    ]
    results = {}
    for name, command in engines:
        starts = sorted(timed(command, stdin_text="I'm sorry but you never listen to me\n")[0] for _ in range(7))
        runs = [timed(command, stdin_path=path) for _ in range(3)]
        best = min(seconds for seconds, _, _ in runs)
        results[name] = (statistics.median(starts), args.lines / best, max(rss for _, rss, _ in runs))

    print(f"Same {args.lines:,} lines to each, one core, best of 3 (start-up: median of 7, answering one line)\n")
    print("| engine | start-up | lines/s | peak memory |")
    print("| --- | --- | --- | --- |")
    for name, (start, rate, rss) in results.items():
        print(f"| {name} | {start * 1000:.0f} ms | {rate:,.0f} | {rss:.0f} MiB |")
    print()
    for ours in ("rapport analyze --json", "rapport rewrite --json"):
        start, rate, _ = results[ours]
        for peer in ("NLTK ELIZA", "RiveScript (93 triggers)"):
            peer_start, peer_rate, _ = results[peer]
            print(f"{ours} vs {peer}: {rate / peer_rate:.1f}× the lines/s, start-up {start / peer_start:.2f}× theirs")


if __name__ == "__main__":
    main()
