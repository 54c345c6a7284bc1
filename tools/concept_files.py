"""Which concepts each Vocabulary/concepts/*.txt file defines, for the trainers: a weighing
uses as features only the word classes of the files it names (the classes the rules use
for grammar, on nearly every word, would cost time on every line and say little)."""
import glob, os, re

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def concepts_in(files):
    """The names of the concepts defined in the named files (e.g. "safety.txt")."""
    names = set()
    for path in glob.glob(os.path.join(ROOT, "Vocabulary", "concepts", "*.txt")):
        if os.path.basename(path) in files:
            for line in open(path, encoding="utf-8"):
                found = re.match(r"~([a-z0-9-]+):", line)
                if found:
                    names.add(found.group(1))
    return names


def keep_feature(feature, classes):
    """Whether a feature is kept: any but a concept outside `classes`."""
    return not feature.startswith("concept:") or feature[len("concept:"):] in classes
