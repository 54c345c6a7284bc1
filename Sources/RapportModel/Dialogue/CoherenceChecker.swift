/// The checks that keep the coach from contradicting itself, made by `rapport lint` (the
/// built-in dialogues must pass every one). All are warnings:
/// - a coach line that praises belongs to a transition that credits a part (`credits:`),
///   so what the coach praises, the scorecard credits;
/// - `credits:` and `undoes:` name parts of the rubric;
/// - every part the rubric counts at a difficulty is asked for (`asks:`) by a line that
///   can be said at that difficulty, so the card never lists as missing what nobody asked for;
/// - every partner line says how it sounds (`mood:`) or is chosen by openness, so the
///   meter agrees with the words;
/// - no tip begins "Next time": the card already says it;
/// - a coach line said while the state waits again has a second way to say it, so a reply
///   that misses twice is not met with the very same words.
public enum CoherenceChecker {
    public static func check(_ dialogue: Dialogue, praise: PraiseWords) -> [Diagnostic] {
        guard dialogue.role == .scenario else { return [] }
        var problems: [Diagnostic] = []
        let parts = Set(dialogue.rubric.map(\.part))

        for (transition, _) in DialogueChecker.allTransitions(of: dialogue) {
            for line in transition.say where line.speaker == .coach && line.variants.contains(where: praise.praises) {
                if transition.credits.isEmpty {
                    problems.append(line.location.diagnostic(
                        "this line praises, but its transition credits nothing; add 'credits: [PART]' for what it praises", severity: .warning))
                }
            }
            for kind in transition.credits + transition.undoes where !parts.contains(kind) {
                problems.append(transition.location.diagnostic(
                    "'\(kind.rawValue)' is not a part of the rubric, so crediting or undoing it changes nothing", severity: .warning))
            }
        }
        for state in dialogue.orderedStates {
            for line in state.say where line.speaker == .coach && line.variants.contains(where: praise.praises) {
                problems.append(line.location.diagnostic(
                    "state '\(state.id)' opens with praise, but nothing is credited on the way in; praise in the transition that leads here, with 'credits:'",
                    severity: .warning))
            }
            for line in state.giveUp?.say ?? [] where line.speaker == .coach && line.variants.contains(where: praise.praises) {
                problems.append(line.location.diagnostic("a give-up line praises, but giving up credits nothing", severity: .warning))
            }
        }

        for part in dialogue.rubric {
            for level in Difficulty.allCases where level >= part.from && !isAsked(part.part, at: level, in: dialogue) {
                problems.append(dialogue.startLocation.diagnostic(
                    "the rubric counts '\(part.part.rawValue)' at \(level.rawValue), but no line said at \(level.rawValue) asks for it; mark the one that does with 'asks: [\(part.part.rawValue)]'",
                    severity: .warning))
            }
        }

        if dialogue.partner != nil {
            for (line, _) in DialogueChecker.allSpokenLines(of: dialogue) where line.speaker == .partner && line.mood == nil {
                let byOpenness = line.when.map { $0.opennessAtLeast != nil || $0.opennessBelow != nil } ?? false
                if !byOpenness {
                    problems.append(line.location.diagnostic(
                        "say how this partner line sounds (mood: wary), or choose it by openness, so the meter agrees with it", severity: .warning))
                }
            }
        }

        for state in dialogue.orderedStates {
            let staying = state.on.filter { $0.detour == nil && ($0.go == nil || $0.go == state.id) }
                + [state.otherwise].compactMap { $0 }.filter { $0.detour == nil && ($0.go == nil || $0.go == state.id) }
            for transition in staying {
                for line in transition.say where line.speaker == .coach && line.variants.count < 2 {
                    problems.append(line.location.diagnostic(
                        "this coach line can be said again when the next reply misses too; give it a second variant so it is not word for word",
                        severity: .warning))
                }
            }
        }

        for (key, tips) in dialogue.tips.sorted(by: { $0.key < $1.key }) {
            for tip in tips where tip.lowercased().hasPrefix("next time") {
                problems.append(dialogue.startLocation.diagnostic(
                    "the tip for '\(key)' begins \"Next time\", and the card already says \"Next time:\"", severity: .warning))
            }
        }
        return problems
    }

    /// Whether some line that can be said at `level` asks for `kind`.
    static func isAsked(_ kind: SignalKind, at level: Difficulty, in dialogue: Dialogue) -> Bool {
        func allows(_ condition: Condition?) -> Bool {
            guard let condition, !condition.difficulty.isEmpty else { return true }
            return condition.difficulty.contains(level)
        }
        var candidates: [(SpokenLine, Condition?)] = []
        for state in dialogue.orderedStates {
            candidates += state.say.map { ($0, nil) }
            candidates += (state.giveUp?.say ?? []).map { ($0, nil) }
        }
        for (transition, _) in DialogueChecker.allTransitions(of: dialogue) {
            candidates += transition.say.map { ($0, transition.when) }
        }
        return candidates.contains { line, around in line.asks.contains(kind) && allows(line.when) && allows(around) }
    }
}
