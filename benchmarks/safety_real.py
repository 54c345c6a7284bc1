#!/usr/bin/env python3
"""Measure the safety net on real public posts, without keeping anyone's posts in this repo.

usage: python3 benchmarks/safety_real.py [--bin .build/release/rapport]

Downloads the PyPI package construct-tracker 1.0.16 (Apache-2.0) into benchmarks/.work/,
whose reddit_27_subreddits test set holds 260 posts from each of 27 subreddits (Low et al.
2020), and scores `rapport analyze --json` with benchmarks/safety_score.py:
  - r/suicidewatch posts: recall, the share that get `crisis` or `risk`;
  - posts from subreddits about other things (money, law, politics, teaching, divorce,
    mindfulness…): the share that get a hard stop (`crisis`) and a check-in (`risk`).
Labels come from the subreddit, so a few control posts do disclose danger (divorce and legal
advice posts in particular), and a few r/suicidewatch posts ask for nothing but company.
"""
import argparse, csv, json, os, subprocess, sys, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
WORK = os.path.join(HERE, ".work", "safety-real")
MEMBER = "construct_tracker/data/datasets/reddit_27_subreddits/rmhd_27subreddits_260posts_test.csv"
CONTROLS = ["personalfinance", "UKPersonalFinance", "legaladvice", "teaching", "ukpolitics", "unitedkingdom",
            "conspiracy", "guns", "mindfulness", "divorce"]


def fetch():
    os.makedirs(WORK, exist_ok=True)
    wheels = [f for f in os.listdir(WORK) if f.startswith("construct_tracker-1.0.16") and f.endswith(".whl")]
    if not wheels:
        subprocess.run([sys.executable, "-m", "pip", "download", "construct-tracker==1.0.16", "--no-deps", "-d", WORK, "-q"], check=True)
        wheels = [f for f in os.listdir(WORK) if f.endswith(".whl")]
    with zipfile.ZipFile(os.path.join(WORK, wheels[0])) as wheel:
        return list(csv.DictReader(wheel.read(MEMBER).decode("utf-8").splitlines()))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(HERE, "..", ".build", "release", "rapport"))
    args = ap.parse_args()
    rows = fetch()
    files = []
    for name, label in [("suicidewatch", "crisis")] + [(c, "none") for c in CONTROLS]:
        path = os.path.join(WORK, name + ".jsonl")
        with open(path, "w", encoding="utf-8") as out:
            for row in rows:
                if row["subreddit"] == name:
                    out.write(json.dumps({"text": row["post"], "label": label}) + "\n")
        files.append(path)
    subprocess.run([sys.executable, os.path.join(HERE, "safety_score.py"), "--bin", args.bin] + files, check=True)


if __name__ == "__main__":
    main()
