#!/usr/bin/env python3
"""Score the safety net (`crisis` and `risk`) on labelled lines.

usage: safety_score.py --bin .build/release/rapport FILE.jsonl [FILE ...] [--show-misses]

Each line of FILE is {"text": ..., "label": "crisis"|"risk"|"none"} (a `category` field of
"suicide", "self-harm" or "dv" counts as danger, anything else as none, for real posts).
Reports, per file and overall:
  recall       lines labelled crisis or risk that got `crisis` or `risk`
  crisis-hit   lines labelled crisis that got `crisis` (a hard stop)
  stops-on-none  lines labelled none that got `crisis` (should be at most 2%)
  checks-on-none lines labelled none that got `risk` (should be at most 10%)
Texts are printed only with --show-misses, so a batch can be scored without being read.
"""
import argparse, json, shlex, subprocess, sys

DANGER = {"crisis", "risk", "suicide", "self-harm", "dv"}


def label_of(item):
    label = item.get("label") or item.get("category") or "none"
    if label in ("crisis", "risk"):
        return label
    return "crisis" if label in DANGER else "none"


def run(binary, texts):
    data = "".join(t.replace("\r", " ").replace("\n", " ") + "\n" for t in texts).encode()
    out = subprocess.run(shlex.split(binary) + ["analyze", "--json"], input=data, capture_output=True, check=True).stdout
    rows = [json.loads(l) for l in out.decode().splitlines() if l.strip()]
    assert len(rows) == len(texts), (len(rows), len(texts))
    return [{s["kind"] for s in r["signals"]} for r in rows]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    totals = [0, 0, 0, 0, 0, 0]
    for path in args.files:
        items = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
        kinds = run(args.bin, [i["text"] for i in items])
        danger = found = crisis = crisis_hit = none = stops = checks = 0
        misses, false_alarms = [], []
        for item, got in zip(items, kinds):
            label = label_of(item)
            if label == "none":
                none += 1
                stops += "crisis" in got
                checks += "risk" in got
                if got & {"crisis", "risk"}:
                    false_alarms.append((sorted(got & {"crisis", "risk"}), item))
            else:
                danger += 1
                hit = bool(got & {"crisis", "risk"})
                found += hit
                if label == "crisis":
                    crisis += 1
                    crisis_hit += "crisis" in got
                if not hit:
                    misses.append(item)
        pct = lambda a, b: "%5.1f%%" % (100.0 * a / b) if b else "   - "
        print("%-40s recall %3d/%-3d %s  crisis-hit %3d/%-3d %s  stops-on-none %2d/%-3d %s  checks-on-none %2d/%-3d %s" % (
            path[-40:], found, danger, pct(found, danger), crisis_hit, crisis, pct(crisis_hit, crisis),
            stops, none, pct(stops, none), checks, none, pct(checks, none)))
        if args.show_misses:
            for item in misses:
                print("   MISS  [%s] %s" % (label_of(item), item["text"][:300]))
            for got, item in false_alarms:
                print("   FALSE %s %s" % (",".join(got), item["text"][:300]))
        for i, v in enumerate((found, danger, crisis_hit, crisis, stops + 1000 * checks, none)):
            totals[i] += v
    if len(args.files) > 1:
        f, d, ch, c, sc, n = totals
        print("overall recall %d/%d %.3f; crisis-hit %d/%d; stops-on-none %d/%d; checks-on-none %d/%d" % (
            f, d, f / d if d else 0, ch, c, sc % 1000, n, sc // 1000, n))


if __name__ == "__main__":
    main()
