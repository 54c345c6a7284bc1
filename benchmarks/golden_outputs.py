#!/usr/bin/env python3
"""The exact `--json` output of rapport on every labelled line, example and benchmark line,
pinned so that a change to the machinery (not the vocabulary) proves it changed no byte.

    python3 benchmarks/golden_outputs.py            # compare the binary with the pinned files
    python3 benchmarks/golden_outputs.py --write    # pin what the binary prints now
    python3 benchmarks/golden_outputs.py --bin .build/release/rapport

The inputs are the `text` of every line of every Tests/RapportCoreTests/Fixtures/**/*.jsonl
(labelled, blind, held-out, safety, rewrite and example lines), the first 1,000 lines of benchmarks/make_lines.py, and a few odd lines
(quotes, control characters, emoji, a long line) that exercise reading and JSON escaping.
Each goes through `analyze --json`, `analyze --json --explain` and `rewrite --json`; the
outputs are written to Tests/RapportCLITests/Fixtures/golden/ (one file per command, one
line per input, the input inside each object), and GoldenOutputTests fails on any byte
that differs.

When the vocabulary changes (rules, concepts), the expected outputs change with it: read
the differences this script prints, then run it with --write and commit the new files.
"""
import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

from make_lines import sentences, vary

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "Tests" / "RapportCoreTests" / "Fixtures"
GOLDEN = ROOT / "Tests" / "RapportCLITests" / "Fixtures" / "golden"
GENERATED = 1000

# Lines no fixture has: what reading and escaping must survive byte for byte.
ODD_LINES = [
    "",
    "   ",
    'You said "never again" and then you did it again!!!',
    "I'm sorry\tI forgot \\ again",
    "sorry\u0001 you never \u007f listen",
    "You’re ALWAYS late… and it’s SO rude",
    "Je suis désolé, tu n’écoutes jamais 😔",
    "I'm sorry 🙏🏽 I forgot your birthday 👨‍👩‍👧",
    "ur soooo selfish lol",
    "a\u0301ccent\u0308s and \u2028 separators \u2029 here",
    "مرحبا you never call",
    "(you never) [listen] {to me}; — ever: right?",
    "kids' toys everywhere, the kids' homework too",
    " ".join(["you never listen and I'm sorry but it's not my fault"] * 20),
]


def inputs():
    seen = set()
    ordered = []

    def add(text):
        if "\n" in text or "\r" in text or text in seen:
            return
        seen.add(text)
        ordered.append(text)

    for path in sorted(FIXTURES.glob("**/*.jsonl")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                record = json.loads(line)
                text = record.get("text") or record.get("input")
                if isinstance(text, str):
                    add(text)
    rng = random.Random(20261122)  # make_lines.py's seed: these are its first lines
    base = sentences()
    for _ in range(GENERATED):
        add(vary(rng.choice(base), rng))
    for text in ODD_LINES:
        add(text)
    return ordered


COMMANDS = {
    "analyze.jsonl": ["analyze", "--json"],
    "analyze-explain.jsonl": ["analyze", "--json", "--explain"],
    "rewrite.jsonl": ["rewrite", "--json"],
}


def run(binary, arguments, lines):
    result = subprocess.run([binary] + arguments, input="".join(line + "\n" for line in lines).encode("utf-8"),
                            capture_output=True, check=True, env={"HOME": "/nonexistent", "NO_COLOR": "1"})
    # Split at "\n" only: splitlines() would also split at U+0085 and U+2028 inside a line.
    output = result.stdout.decode("utf-8").split("\n")[:-1]
    if len(output) != len(lines):
        raise SystemExit(f"{' '.join(arguments)}: {len(output)} lines out for {len(lines)} in")
    return output


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", default=None, help="the rapport binary (default: .build/debug/rapport, else release)")
    parser.add_argument("--write", action="store_true", help="pin what the binary prints now")
    args = parser.parse_args()
    binary = args.bin
    if binary is None:
        candidates = [ROOT / ".build" / "debug" / "rapport", ROOT / ".build" / "release" / "rapport"]
        found = [path for path in candidates if path.exists()]
        if not found:
            raise SystemExit("build rapport first (swift build), or pass --bin")
        binary = str(max(found, key=lambda path: path.stat().st_mtime))
    lines = inputs()
    differences = 0
    for name, arguments in COMMANDS.items():
        output = run(binary, arguments, lines)
        path = GOLDEN / name
        if args.write:
            GOLDEN.mkdir(parents=True, exist_ok=True)
            path.write_text("".join(line + "\n" for line in output), encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)} ({len(output)} lines)")
            continue
        expected = path.read_text(encoding="utf-8").split("\n")[:-1] if path.exists() else []
        changed = [(number, want, got) for number, (want, got) in enumerate(zip(expected, output), 1) if want != got]
        if len(expected) != len(output):
            print(f"{name}: {len(expected)} lines pinned, {len(output)} now (inputs changed: run with --write)")
            differences += 1
        for number, want, got in changed[:5]:
            print(f"{name}:{number}:\n  pinned: {want}\n  now:    {got}")
        if len(changed) > 5:
            print(f"{name}: … and {len(changed) - 5} more")
        differences += len(changed)
        print(f"{name}: {len(output) - len(changed)} of {len(output)} lines as pinned")
    if differences:
        sys.exit(1)


if __name__ == "__main__":
    main()
