#!/usr/bin/env python3
"""Compare the analysis on the labelled fixtures with Tests/RapportCoreTests/Fixtures/known-misses.txt.

usage: python3 benchmarks/known_misses.py [--bin .build/debug/rapport] [--write]

Prints the errors that are new (the test will fail on them) and the known ones now fixed.
--write rewrites the list from what the analysis does now, keeping its header; use it only
after reading the new errors, since it makes them known.
"""
import argparse, json, os, subprocess

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FIXTURES = os.path.join(ROOT, "Tests", "RapportCoreTests", "Fixtures")
FILES = ["examples/analyze.jsonl", "analysis-cases.jsonl", "analysis-cases-2.jsonl", "analysis-cases-3.jsonl", "analysis-cases-4.jsonl", "practice-lines.jsonl"] + \
    ["blind/analysis-%d.jsonl" % n for n in list(range(1, 10)) + [13, 14, 15] + list(range(19, 25)) + [31, 32, 33, 34]]
SAFETY = ["safety/batch-%s.jsonl" % b for b in ["A", "B", "C", "D", "E", "F", "G", "H", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11", "S12", "S13", "S14"]]
HEADER = """# Labelled lines the analysis still gets wrong, pinned so that nothing new slips in.
# AnalysisTests fails on any error not listed here, and on any listed one that is fixed (take
# it off). Each line: FILE ID: missed|false KIND   # the text, for the reader. For the safety
# batches (safety/), "missed danger" is a crisis or risk line that got neither.
# benchmarks/known_misses.py shows what changed and can rewrite this list.
"""


def safety_errors(binary):
    """Danger missed, and hard stops or check-ins on lines labelled none."""
    found = {}
    for name in SAFETY:
        items = [json.loads(l) for l in open(os.path.join(FIXTURES, name), encoding="utf-8") if l.strip()]
        out = subprocess.run([binary, "analyze", "--json"], input="".join(i["text"] + "\n" for i in items).encode(),
                             capture_output=True, check=True).stdout.decode().splitlines()
        for item, line in zip(items, out):
            got = {s["kind"] for s in json.loads(line)["signals"]}
            if item["label"] != "none" and not got & {"crisis", "risk"}:
                found["%s %s: missed danger" % (name, item["id"])] = item["text"]
            if item["label"] == "none" and "crisis" in got:
                found["%s %s: false crisis" % (name, item["id"])] = item["text"]
            if item["label"] == "none" and "risk" in got:
                found["%s %s: false risk" % (name, item["id"])] = item["text"]
    return found


def errors(binary):
    found = safety_errors(binary)
    for name in FILES:
        items = [json.loads(l) for l in open(os.path.join(FIXTURES, name), encoding="utf-8") if l.strip()]
        out = subprocess.run([binary, "analyze", "--json"], input="".join(i["text"] + "\n" for i in items).encode(),
                             capture_output=True, check=True).stdout.decode().splitlines()
        for item, line in zip(items, out):
            got = {s["kind"] for s in json.loads(line)["signals"]}
            for kind in item["present"]:
                if kind not in got:
                    found["%s %s: missed %s" % (name, item["id"], kind)] = item["text"]
            for kind in item["absent"]:
                if kind in got:
                    found["%s %s: false %s" % (name, item["id"], kind)] = item["text"]
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug", "rapport"))
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    path = os.path.join(FIXTURES, "known-misses.txt")
    known = set()
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if line:
            known.add(line)
    now = errors(args.bin)
    for key in sorted(set(now) - known):
        print("NEW   %s   # %s" % (key, now[key][:90]))
    for key in sorted(known - set(now)):
        print("FIXED %s" % key)
    print("%d known, %d now, %d new, %d fixed" % (len(known), len(now), len(set(now) - known), len(known - set(now))))
    if args.write:
        with open(path, "w", encoding="utf-8") as out:
            out.write(HEADER)
            for name in FILES + SAFETY:
                keys = sorted(k for k in now if k.startswith(name + " "))
                out.write("\n# %s (%d)\n" % (name, len(keys)))
                for key in keys:
                    out.write("%s   # %s\n" % (key, now[key][:70].replace("#", "")))


if __name__ == "__main__":
    main()
