#!/usr/bin/env python3
"""Writes N everyday lines (fixed seed) for the benchmarks: the labelled sentences from the
test fixtures, lightly varied (names, casing, texting forms, a second sentence), so the
lines look like what people type and no two runs differ.

usage: make_lines.py N > lines.txt
"""
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "Tests" / "RapportCoreTests" / "Fixtures"


def sentences():
    texts = []
    for name in ["examples/analyze.jsonl", "analysis-cases.jsonl", "analysis-cases-2.jsonl",
                 "analysis-cases-3.jsonl", "analysis-cases-4.jsonl", "examples/rewrite.jsonl", "rewrite-cases.jsonl"]:
        path = FIXTURES / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                text = record.get("text") or record.get("input")
                if text:
                    texts.append(text)
    return texts


TAILS = ["", "", "", " Honestly.", " I mean it.", " Ugh.", " lol", " 😔", " We need to talk.",
         " Can we talk tonight?", " It's been a long week."]
SWAPS = [("you", "u"), ("your", "ur"), ("I'm", "im"), ("don't", "dont"), ("sorry", "soooo sorry"),
         ("never", "NEVER"), ("always", "ALWAYS")]


def vary(text, rng):
    if rng.random() < 0.3:
        old, new = rng.choice(SWAPS)
        text = text.replace(old, new, 1)
    if rng.random() < 0.2:
        text = text.lower()
    return text + rng.choice(TAILS)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    rng = random.Random(20261122)
    base = sentences()
    out = sys.stdout
    for _ in range(count):
        out.write(vary(rng.choice(base), rng) + "\n")


if __name__ == "__main__":
    main()
