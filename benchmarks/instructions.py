#!/usr/bin/env python3
"""Instruction counts under callgrind: repeatable to a few parts in a million, where wall-clock
time on a shared machine is not.

    python3 benchmarks/instructions.py              # the release binary already built
    python3 benchmarks/instructions.py --lines 10000
    python3 benchmarks/instructions.py --keep       # also keep the profiles, for callgrind_annotate

Three figures: start-up (`rapport scenarios`: load and check all dialogues and vocabulary),
and the instructions per line of `analyze --json` and `rewrite --json` over the generated
lines, each with the same command's run on empty input subtracted (so start-up is not in the
per-line figure). valgrind cannot read this toolchain's debug information, so a copy of the
binary with it stripped (symbols kept, so profiles have names) is what runs; the code that
runs is the same. Needs valgrind and a release build (`swift build -c release`, or the
static one benchmarks/run.py makes: the figures differ by the dynamic linking, so say which).

Also a one-off for any argument list, handy with --keep and callgrind_annotate:

    python3 benchmarks/instructions.py --only analyze --json < lines.txt
"""
import argparse
import os
import re
import shutil
import subprocess
import tempfile

from common import RAPPORT, WORK, lines_file

GOALS = {"start-up": 30_000_000, "analyze": 25_000, "rewrite": 50_000}


def stripped_copy(binary):
    """The binary without debug information, which valgrind cannot read."""
    copy = WORK / "rapport-stripped"
    WORK.mkdir(parents=True, exist_ok=True)
    shutil.copy2(binary, copy)
    subprocess.run(["strip", "--strip-debug", str(copy)], check=True)
    return copy


def instructions(binary, arguments, stdin_path=None, keep=None):
    """Instructions the whole process executes, from callgrind's own count."""
    with tempfile.TemporaryDirectory() as scratch:
        out = keep or os.path.join(scratch, "callgrind.out")
        log = os.path.join(scratch, "log")
        env = dict(os.environ, NO_COLOR="1", HOME=str(WORK / "home"))
        (WORK / "home").mkdir(parents=True, exist_ok=True)
        with open(stdin_path or os.devnull, "rb") as stdin:
            subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", f"--log-file={log}",
                            str(binary)] + arguments, stdin=stdin, stdout=subprocess.DEVNULL, env=env, check=True)
        match = re.search(r"Collected : (\d+)", open(log).read())
        if not match:
            raise SystemExit(f"callgrind gave no count for {' '.join(arguments)}")
        return int(match.group(1))


def measure(binary=RAPPORT, count=1000, keep=False):
    """{"start-up": instructions, "analyze": per line, "rewrite": per line}."""
    if shutil.which("valgrind") is None:
        raise SystemExit("instruction counts need valgrind (apt-get install valgrind)")
    copy = stripped_copy(binary)
    path = lines_file(count)

    def kept(name):
        return str(WORK / f"callgrind.{name}.out") if keep else None

    figures = {"start-up": instructions(copy, ["scenarios"], keep=kept("startup"))}
    for command in ("analyze", "rewrite"):
        empty = instructions(copy, [command, "--json"], keep=kept(command + "-empty"))
        full = instructions(copy, [command, "--json"], stdin_path=path, keep=kept(command))
        figures[command] = (full - empty) / count
        figures[command + " start-up"] = empty
    return figures


def rows(figures, count):
    """Markdown table rows: measure, instructions, goal."""
    return [
        ("start-up, `rapport scenarios`", f"{figures['start-up'] / 1e6:.1f}M instructions", f"≤ {GOALS['start-up'] / 1e6:.0f}M"),
        (f"`analyze --json`, per line ({count:,} lines, start-up subtracted)", f"{figures['analyze']:,.0f} instructions",
         f"≤ {GOALS['analyze']:,}"),
        (f"`rewrite --json`, per line ({count:,} lines, start-up subtracted)", f"{figures['rewrite']:,.0f} instructions",
         f"≤ {GOALS['rewrite']:,}"),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=1000, help="generated lines for the per-line figures (default 1,000)")
    parser.add_argument("--bin", default=str(RAPPORT), help="the rapport binary (default: the release build)")
    parser.add_argument("--keep", action="store_true", help="keep the profiles in benchmarks/.work/callgrind.*.out")
    parser.add_argument("--only", nargs=argparse.REMAINDER, help="count one run of these arguments, stdin as input")
    args = parser.parse_args()
    if not os.path.exists(args.bin):
        raise SystemExit(f"missing {args.bin}: build it with swift build -c release --static-swift-stdlib")
    if args.only is not None:
        keep = str(WORK / "callgrind.only.out") if args.keep else None
        print(f"{instructions(stripped_copy(args.bin), args.only, stdin_path='/dev/stdin', keep=keep):,}")
        return
    figures = measure(args.bin, args.lines, keep=args.keep)
    print("| measure (callgrind) | now | goal |")
    print("| --- | --- | --- |")
    for row in rows(figures, args.lines):
        print("| " + " | ".join(row) + " |")
    if args.keep:
        print(f"\nprofiles: {WORK}/callgrind.*.out (callgrind_annotate --inclusive=yes FILE)")


if __name__ == "__main__":
    main()
