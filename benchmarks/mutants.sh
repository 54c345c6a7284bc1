#!/usr/bin/env bash
# The mutation check: does the suite notice what a user would notice?
#
#     benchmarks/mutants.sh                 every mutant, then a table; exit 1 if any survived
#     benchmarks/mutants.sh negation-scope  only the named mutants
#     benchmarks/mutants.sh --list          the mutants and what each breaks
#
# Each mutant is one small breakage, applied to a scratch copy of the working tree (never
# to the tree itself), which is then built and tested with `swift test`. A mutant is
# "caught" when the tests fail, and "SURVIVED" when they pass: a hole in the suite.
#
# Mutants are text substitutions (Python regular expressions) that must apply: one that
# no longer matches the code (because the code moved on) stops the run with its name, so
# a mutant can never quietly test nothing. A mutant that does not build is reported as
# BROKEN (it tells nothing about the tests) and also fails the run.
#
# Exit status: 0 when every mutant is caught; 1 when one survived; 2 when a mutant does not
# apply or build, or the suite fails without mutants; 3 when a mutant made a test crash the
# test process (caught, but a crash hides every result after it: fix that test).
#
# The copy is taken once, at the start, so editing the working tree meanwhile does not
# change a run. The copy and its build live in .build-mutants/ (ignored, like every .build-*); the build
# is kept between runs, so a second run rebuilds only what each mutant touches. Slow on
# purpose (a build and a full test run per mutant); it is not part of `swift test`.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${RAPPORT_MUTANTS_DIR:-$ROOT/.build-mutants}"
TREE="$WORK/tree"
BUILD="$WORK/build"
LOGS="$WORK/logs"
# The tree's own copies of the files a mutant changed, to undo it with.
SAVED="$WORK/saved"
# A hang is a failure too, but a run should end: minutes allowed per `swift test`.
LIMIT_MINUTES="${RAPPORT_MUTANTS_MINUTES:-30}"

# name | file in the tree | what a user would notice
MUTANTS=(
  "negation-scope|Sources/RapportModel/Analysis/LineView.swift|a question word no longer ends negation: \"I'm not sure why you're so lazy\" finds nothing"
  "empty-rule-file|Vocabulary/rules/criticism.rules|every criticism rule gone: no you-statements, absolutes, labels or contempt"
  "scorecard-header-only|Sources/RapportTerminal/SessionPrinter.swift|the printed scorecard shows only its header"
  "user-signals-empty|Sources/RapportCore/Session/CoachSession.swift|user turns are saved with signals: []"
  "no-end-after-quit|Sources/RapportCore/Session/CoachSession.swift|no end record is written after /quit"
  "crisis-stop-off|Sources/RapportCore/Engine/SafetyNet.swift|crisis language no longer stops the practice"
  "check-in-off|Sources/RapportCore/Engine/SafetyNet.swift|a risk line no longer pauses the practice to ask"
  "any-answer-carries-on|Sources/RapportCore/Engine/SafetyNet.swift|any answer to the check-in carries on, not only a clear no"
  "negation-cancels-danger|Sources/RapportModel/Analysis/RuleSet.swift|a negation before a crisis drops it instead of asking"
  "safety-stop-lesson|Sources/RapportCore/Engine/ScoreKeeper.swift|a safety stop's scorecard lists what was missed, like a lesson"
  "transcript-unflushed|Sources/RapportCore/Transcript/TranscriptWriter.swift|records are held in memory until the end record"
  "empty-scorecard|Sources/RapportCore/Engine/Conversation.swift|the engine returns an empty scorecard"
  "reported-speech-unmarked|Sources/RapportModel/Analysis/LineView.swift|\"she said you never listen\" is read as the speaker's own criticism"
  "rewriter-unchanged|Sources/RapportModel/Rewrite/Rewriter.swift|the rewriter returns every sentence unchanged"
  "escapes-pass-through|Sources/RapportModel/Support/TerminalSafeText.swift|typed escape sequences reach the terminal"
  "no-wrapping|Sources/RapportCore/Transcript/TranscriptRenderer.swift|long lines are no longer wrapped to the terminal"
  "no-color-ignored|Sources/RapportTerminal/Style.swift|NO_COLOR no longer turns colour off"
  "colour-into-pipes|Sources/RapportTerminal/Style.swift|--color auto colours pipes and files too"
  "partner-unmoved|Sources/RapportCore/Engine/Conversation.swift|the partner's openness never changes"
  "never-give-up|Sources/RapportCore/Engine/Conversation.swift|a step never gives up after its tries"
  "pitfalls-unrecorded|Sources/RapportCore/Engine/ScoreKeeper.swift|pitfalls never reach the scorecard"
  "transcript-world-readable|Sources/RapportCore/Transcript/TranscriptWriter.swift|transcripts are readable by other users"
)

# Replaces what the Python regular expression $2 matches in $1 (a path in the tree) by $3;
# $4 is how many matches there must be (default 1). Fails loudly when the count differs.
mutate() {
  if [ ! -f "$SAVED/$1" ]; then
    mkdir -p "$(dirname "$SAVED/$1")"
    cp -p "$TREE/$1" "$SAVED/$1"
  fi
  python3 - "$TREE/$1" "$2" "$3" "${4:-1}" <<'PY'
import re, sys
path, pattern, replacement, wanted = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
text = open(path, encoding="utf-8").read()
changed, count = re.subn(pattern, replacement, text, flags=re.MULTILINE)
if wanted < 1 or count != wanted:
    sys.exit(f"mutant does not apply: {path}: /{pattern}/ matched {count} time(s), expected {wanted}")
open(path, "w", encoding="utf-8").write(changed)
PY
}

# Turns every rule line of $1 into a comment (at least one must be there).
comment_out_rules() {
  mutate "$1" '^(?![ \t]*#)(?=[ \t]*\S)' '# ' "$(grep -cvE '^\s*(#|$)' "$TREE/$1")"
}

apply() {
  case "$1" in
    negation-scope)
      mutate Sources/RapportModel/Analysis/LineView.swift 'else if negated && concepts\.contains\(grammar\.whWord,\s*word:\s*word\)' 'else if false' ;;
    empty-rule-file)
      comment_out_rules Vocabulary/rules/criticism.rules ;;
    scorecard-header-only)
      mutate Sources/RapportTerminal/SessionPrinter.swift '(let lines = )(ScorecardText\.lines\(card,\s*outcome:\s*outcome\))' '\1Array(\2.prefix(1))' ;;
    user-signals-empty)
      mutate Sources/RapportCore/Session/CoachSession.swift '(\.turn\(speaker:\s*\.user,[^\n]*signals:\s*)signals\.kinds' '\1[]' ;;
    no-end-after-quit)
      mutate Sources/RapportCore/Session/CoachSession.swift '(\n        \}\n        )(transcript\?\.append\(\.end\(outcome:\s*outcome,[^\n]*\)\))' '\1if outcome != .quit { \2 }' ;;
    crisis-stop-off)
      mutate Sources/RapportCore/Engine/SafetyNet.swift 'if let crisis = signals\.first\(\.crisis\) \{' 'if false, let crisis = signals.first(.crisis) {' ;;
    check-in-off)
      mutate Sources/RapportCore/Engine/SafetyNet.swift 'if let risk = open\.max\(by:' 'if false, let risk = open.max(by:' ;;
    any-answer-carries-on)
      mutate Sources/RapportCore/Engine/SafetyNet.swift 'return kinds\.contains\(\.answerNo\) &&' 'return true || kinds.contains(.answerNo) &&' ;;
    negation-cancels-danger)
      mutate Sources/RapportModel/Analysis/RuleSet.swift '(\} else if line\.isNegated\(at: start, concepts: concepts, grammar: grammar\) \{\n\s*found\[index\]\.kind = )\.risk' '\1.feeling' ;;
    safety-stop-lesson)
      mutate Sources/RapportCore/Engine/ScoreKeeper.swift 'if outcome == \.safetyStop \{ return Scorecard\(met: met, partNames: names\) \}' '' ;;
    transcript-unflushed)
      mutate Sources/RapportCore/Transcript/TranscriptWriter.swift '(private var descriptor: Int32\n)' '\1    private var unwritten: [UInt8] = []\n'
      mutate Sources/RapportCore/Transcript/TranscriptWriter.swift 'let bytes = Array\(\(record\.jsonLine \+ "\\n"\)\.utf8\)' \
        'unwritten += Array((record.jsonLine + "\\n").utf8); guard case .end = record else { return }; let bytes = unwritten' ;;
    empty-scorecard)
      mutate Sources/RapportCore/Engine/Conversation.swift '(public func scorecard\(\) -> Scorecard \{\n)' '\1        if true { return Scorecard() }\n' ;;
    reported-speech-unmarked)
      mutate Sources/RapportModel/Analysis/LineView.swift 'isReported\[index\] = true' 'isReported[index] = false' ;;
    rewriter-unchanged)
      mutate Sources/RapportModel/Rewrite/Rewriter.swift '(private func rewrite\(_ sentence: String, view: LineView, signals: \[Signal\], variants: Bool\) -> RewriteResult \{\n)' \
        '\1        if true { return .unchanged(sentence) }\n' ;;
    escapes-pass-through)
      mutate Sources/RapportModel/Support/TerminalSafeText.swift '(public static func sanitize\(_ text: String\) -> String \{\n)' '\1        if true { return text }\n' ;;
    no-wrapping)
      mutate Sources/RapportCore/Transcript/TranscriptRenderer.swift 'if lineHasWord && currentWidth \+ 1 \+ wordWidth > width \{' 'if false, lineHasWord {' ;;
    no-color-ignored)
      mutate Sources/RapportTerminal/Style.swift 'getenv\("NO_COLOR"\)' 'getenv("RAPPORT_MUTANT_NO_COLOR")' ;;
    colour-into-pipes)
      mutate Sources/RapportTerminal/Style.swift 'enabled = !noColor && isatty\(descriptor\) == 1' 'enabled = !noColor' ;;
    partner-unmoved)
      mutate Sources/RapportCore/Engine/Conversation.swift 'current \+= Conversation\.scale\(move, for: difficulty\)' 'current += 0 * Conversation.scale(move, for: difficulty)' ;;
    never-give-up)
      mutate Sources/RapportCore/Engine/Conversation.swift 'tries >= giveUp\.after \{' 'tries >= giveUp.after + 1_000 {' ;;
    pitfalls-unrecorded)
      mutate Sources/RapportCore/Engine/ScoreKeeper.swift '(\n *)pitfalls\.append\(pitfall\)\n' '\1_ = pitfall\n' ;;
    transcript-world-readable)
      mutate Sources/RapportCore/Transcript/TranscriptWriter.swift 'O_CLOEXEC, 0o600\)' 'O_CLOEXEC, 0o644)'
      mutate Sources/RapportCore/Transcript/TranscriptWriter.swift 'fchmod\(opened, 0o600\)' 'fchmod(opened, 0o644)' ;;
    *) echo "mutants: no mutant called '$1' (see --list)" >&2; exit 2 ;;
  esac
}

# Puts back the files the last mutant changed (times included, so builds stay incremental).
undo() {
  if [ -d "$SAVED" ]; then
    (cd "$SAVED" && find . -type f -print0) | while IFS= read -r -d '' path; do cp -p "$SAVED/$path" "$TREE/$path"; done
    rm -rf "$SAVED"
  fi
}

# Makes the tree an exact copy of the working tree's files (tracked and untracked, not
# ignored), copying only what differs so that the kept build stays incremental.
sync_tree() {
  python3 - "$ROOT" "$TREE" <<'PY'
import filecmp, os, shutil, subprocess, sys
root, tree = sys.argv[1], sys.argv[2]
listed = subprocess.run(["git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                        check=True, capture_output=True).stdout.decode().split("\0")
wanted = {path for path in listed if path and os.path.isfile(os.path.join(root, path))}
for name in ("Package.resolved",):  # ignored, but it pins what the copy resolves to
    if os.path.isfile(os.path.join(root, name)):
        wanted.add(name)
for path in sorted(wanted):
    source, target = os.path.join(root, path), os.path.join(tree, path)
    if not (os.path.isfile(target) and filecmp.cmp(source, target, shallow=False)):
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(source, target)
for folder, _, files in os.walk(tree):
    for name in files:
        path = os.path.relpath(os.path.join(folder, name), tree)
        if path not in wanted:
            os.remove(os.path.join(tree, path))
PY
}

# Builds and tests the tree: prints "pass", "fail", "timeout" or "no-build"; $1 names the log.
run_suite() {
  local log="$LOGS/$1.log"
  if ! timeout "${LIMIT_MINUTES}m" swift build --build-tests --package-path "$TREE" --scratch-path "$BUILD" >"$log" 2>&1; then
    echo no-build
    return
  fi
  local status=0
  timeout "${LIMIT_MINUTES}m" swift test --skip-build --package-path "$TREE" --scratch-path "$BUILD" >>"$log" 2>&1 || status=$?
  case "$status" in
    0) echo pass ;;
    124) echo timeout ;;
    *) if grep -aq 'exited with unexpected signal' "$log"; then echo crash; else echo fail; fi ;;
  esac
}

# The first few tests that failed, from a log.
failed_tests() {
  { grep -aoE '✘ Test [^ ]+ (failed|recorded)' "$LOGS/$1.log" || true; } | awk '{print $3}' | awk '!seen[$0]++' | head -3 | paste -sd, -
}

if [ "${1:-}" = "--list" ]; then
  for entry in "${MUTANTS[@]}"; do
    IFS='|' read -r name file what <<<"$entry"
    printf '%-26s %s\n    %s\n' "$name" "$file" "$what"
  done
  exit 0
fi

selected=("$@")
for wanted in "${selected[@]}"; do
  known=no
  for entry in "${MUTANTS[@]}"; do [ "${entry%%|*}" = "$wanted" ] && known=yes; done
  if [ "$known" = no ]; then echo "mutants: no mutant called '$wanted' (see --list)" >&2; exit 2; fi
done
mkdir -p "$TREE" "$BUILD" "$LOGS"

echo "mutants: copying the working tree to $TREE"
rm -rf "$SAVED"
sync_tree  # once: later edits to the working tree do not reach this run
# Each mutant must apply to the code as it is now, before anything is run.
for entry in "${MUTANTS[@]}"; do
  IFS='|' read -r name _ _ <<<"$entry"
  if [ ${#selected[@]} -gt 0 ] && [[ ! " ${selected[*]} " =~ " $name " ]]; then continue; fi
  apply "$name"
  undo
done

echo "mutants: the unbroken suite first (log: $LOGS/baseline.log)"
baseline="$(run_suite baseline)"
if [ "$baseline" != pass ]; then
  echo "mutants: the suite does not pass without mutants ($baseline); fix that first: $LOGS/baseline.log" >&2
  exit 2
fi

rows=()
survived=0
broken=0
crashed=0
for entry in "${MUTANTS[@]}"; do
  IFS='|' read -r name file what <<<"$entry"
  if [ ${#selected[@]} -gt 0 ] && [[ ! " ${selected[*]} " =~ " $name " ]]; then continue; fi
  apply "$name"
  started=$SECONDS
  outcome="$(run_suite "$name")"
  undo
  seconds=$((SECONDS - started))
  case "$outcome" in
    fail) verdict="caught"; by="$(failed_tests "$name")" ;;
    timeout) verdict="caught (timed out)"; by="-" ;;
    # Caught, but a test crashed the test process and hid the results after it: fix that test.
    crash) verdict="caught, but the test run CRASHED"; by="$(failed_tests "$name")"; crashed=$((crashed + 1)) ;;
    pass) verdict="SURVIVED"; by="-"; survived=$((survived + 1)) ;;
    no-build) verdict="BROKEN (does not build)"; by="see $LOGS/$name.log"; broken=$((broken + 1)) ;;
  esac
  echo "mutants: $name: $verdict (${seconds}s)"
  rows+=("$(printf '| %s | %s | %s | %s |' "$name" "$what" "$verdict" "${by:--}")")
done

echo
echo "| mutant | what breaks | result | first failing tests |"
echo "|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "mutants: ${#rows[@]} run, $survived survived, $broken did not build, $crashed crashed the test run (logs in $LOGS)"
if [ "$broken" -gt 0 ]; then exit 2; fi
if [ "$crashed" -gt 0 ]; then exit 3; fi
if [ "$survived" -gt 0 ]; then exit 1; fi
