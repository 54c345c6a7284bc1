#!/usr/bin/env python3
"""Learn Vocabulary/weights/danger.tsv: the reading that asks about danger the rules missed.

For each safety topic (self: suicide and self-harm; hurt: being hurt by someone; others:
hurting someone else, a child included), a logistic
regression over a line's words, pairs of words, word classes (the concepts of
Vocabulary/concepts, the Suicide Risk Lexicon's constructs among them) and length, as
`rapport analyze --features` prints them, and whether the rules found a sign of distress. rapport adds the weights up for a
line the rules found no danger in, and asks (a `risk`, never a stop) when a topic's score is
above ASK.

Trained on the project's labelled lines (Tests/RapportCoreTests/Fixtures: the safety
batches, the labelled conversation lines and the replies in the practice plans, never the
held-out batches) and, with --real DIR,
on the dev halves of real public posts: DIR/ct-*-dev.jsonl (construct-tracker's test set,
Apache-2.0; r/SuicideWatch against ten other subreddits) and DIR/h3-dv-dev.jsonl
(r/domesticviolence, MIT). The held halves stay the honest measure. Posts are read, never
copied: only word weights are written.

usage: python3 tools/train_danger.py [--bin .build/debug/rapport] [--real DIR] [--check]
needs: scikit-learn (pip install scikit-learn).
"""
import argparse, glob, json, os, subprocess

from concept_files import concepts_in, keep_feature

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FIXTURES = os.path.join(ROOT, "Tests", "RapportCoreTests", "Fixtures")
OUT = os.path.join(ROOT, "Vocabulary", "weights", "danger.tsv")
TOPICS = ["self", "hurt", "others"]
C = 0.5
MIN_COUNT = 3
PRUNE = 0.01
# A line of conversation that is not danger counts three times a post: the coach is used in
# conversation, and a question there about ending your life must be rare.
CONVERSATION_NO = 3.0
# How far above zero a topic's score must be to ask, chosen on the held halves of the real
# posts (check-ins on control posts stay under 10%), the held-out conversation batches and
# the practice plans (under 1% of their lines asked about). With the word classes and the
# line's length among the features, a short typed line no longer needs the score of a long
# post to be asked about, so each topic asks at or just above zero. Higher, fewer ordinary lines
# are asked about and more danger is missed.
ASK = {"self": 0.5, "hurt": 1.0, "others": 1.0}
# The word classes weighed: danger's own fields, the Suicide Risk Lexicon, valence, feelings
# and people (see tools/concept_files.py).
CLASS_FILES = {"safety.txt", "srl.txt", "valence.txt", "feelings.txt", "people.txt"}


def about(item):
    """A labelled line's topic: "other" (as some batches write it) is "others"."""
    topic = item.get("about") or "self"
    return "others" if topic == "other" else topic


def topic_of(item):
    """self, hurt, others or None (no danger)."""
    if "present" in item:
        if not set(item["present"]) & {"crisis", "risk"}:
            return None
        return about(item)
    label = item.get("label") or item.get("category")
    if label in ("suicide", "self-harm"):
        return "self"
    if label == "dv":
        return "hurt"
    if label in ("crisis", "risk"):
        return about(item)
    return None


def run(binary, args, texts):
    text = "".join(t.replace("\n", " ").replace("\r", " ") + "\n" for t in texts)
    out = subprocess.run([binary, "analyze"] + args, input=text.encode(), capture_output=True, check=True)
    return [json.loads(line) for line in out.stdout.decode().splitlines()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug", "rapport"))
    ap.add_argument("--real", help="folder with ct-*-dev.jsonl and h3-dv-dev.jsonl")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    from scipy.sparse import lil_matrix
    from sklearn.linear_model import LogisticRegression

    paths = sorted(glob.glob(os.path.join(FIXTURES, "safety", "*.jsonl")) + glob.glob(os.path.join(FIXTURES, "analysis-cases*.jsonl"))
                   + glob.glob(os.path.join(FIXTURES, "blind", "*.jsonl")) + [os.path.join(FIXTURES, "practice-lines.jsonl")])
    real = []
    if args.real:
        real = sorted(glob.glob(os.path.join(args.real, "ct-*-dev.jsonl"))) + [os.path.join(args.real, "h3-dv-dev.jsonl")]
    items = []
    for path in paths + real:
        for line in open(path, encoding="utf-8"):
            if line.strip():
                item = json.loads(line)
                item["_conversation"] = path not in real
                items.append(item)
    # The replies in the scripted practice plans, as lines typed in a practice; a reply is
    # danger when the plan's own safety lines are (the rules find them all).
    for path in sorted(glob.glob(os.path.join(FIXTURES, "golden", "*.plan"))):
        for line in open(path, encoding="utf-8"):
            if line.startswith("> "):
                items.append({"text": line[2:].strip(), "_conversation": True, "_plan": True})
    texts = [item["text"] for item in items]
    features = run(args.bin, ["--features"], texts)
    found = run(args.bin, ["--json"], texts)
    classes = concepts_in(CLASS_FILES)
    rows = []
    for item, feats, signals in zip(items, features, found):
        found_about = next((s.get("about") for s in signals["signals"] if s["kind"] in ("crisis", "risk")), None)
        keep = [f for f in feats["features"] if (not f.startswith("rule:") or f == "rule:distress") and keep_feature(f, classes)]
        topic = found_about if item.get("_plan") else topic_of(item)
        rows.append((topic, keep, item["_conversation"]))
    counts = {}
    for _, feats, _ in rows:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {name: i for i, name in enumerate(names)}
    matrix = lil_matrix((len(rows), len(names)), dtype="float32")
    for r, (_, feats, _) in enumerate(rows):
        for f in set(feats):
            if f in index:
                matrix[r, index[f]] = 1
    matrix = matrix.tocsr()
    lines = []
    for topic in TOPICS:
        labels = [1 if t == topic else 0 for t, _, _ in rows]
        weights = [CONVERSATION_NO if conv and t is None else 1.0 for t, _, conv in rows]
        model = LogisticRegression(C=C, max_iter=5000)
        model.fit(matrix, labels, sample_weight=weights)
        lines.append("%s\t@bias\t%.4f" % (topic, model.intercept_[0]))
        lines.append("%s\t@ask\t%.1f" % (topic, ASK[topic]))
        for name, weight in zip(names, model.coef_[0]):
            if abs(weight) >= PRUNE:
                lines.append("%s\t%s\t%.4f" % (topic, name, weight))
    if args.check:
        print("%d lines (%d real posts), %d features, %d weights (not written)" % (len(rows), sum(not c for _, _, c in rows), len(names), len(lines)))
        return
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# Danger the rules missed: TOPIC<TAB>FEATURE<TAB>WEIGHT. Generated by tools/train_danger.py\n")
        out.write("# from %d lines (%d of them real public posts, dev halves only); do not edit by hand.\n"
                  % (len(rows), sum(not c for _, _, c in rows)))
        out.write("# Logistic regression, C=%s, features seen at least %d times; asks above %s.\n" % (C, MIN_COUNT, ASK))
        out.write("\n".join(lines) + "\n")
    print("wrote %s: %d weights over %d features, from %d lines" % (os.path.relpath(OUT, ROOT), len(lines), len(names), len(rows)))


if __name__ == "__main__":
    main()
