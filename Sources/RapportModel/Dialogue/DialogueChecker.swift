/// The checks `rapport lint` makes beyond reading a file: every transition goes somewhere
/// that exists, every state can be reached and can be left, every quoted slot is captured,
/// and each role's rules hold. Problems are located diagnostics; none of them stop loading.
public enum DialogueChecker {
    /// Problems within one dialogue.
    public static func check(_ dialogue: Dialogue) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let states = dialogue.states
        if !dialogue.start.isEmpty && states[dialogue.start] == nil {
            problems.append(dialogue.startLocation.diagnostic("the start state '\(dialogue.start)' does not exist"))
        }

        func target(_ id: String?, at location: SourceLocation, _ what: String) {
            if let id, states[id] == nil {
                problems.append(location.diagnostic("\(what) goes to '\(id)', which is not a state of '\(dialogue.id)'"))
            }
        }
        for transition in dialogue.always { target(transition.go, at: transition.location, "a transition in always") }
        for state in dialogue.orderedStates {
            target(state.next, at: state.location, "next in state '\(state.id)'")
            for transition in state.on { target(transition.go, at: transition.location, "a transition") }
            for transition in state.skip {
                target(transition.go, at: transition.location, "a skip")
                if transition.go == nil || transition.go == state.id {
                    problems.append(transition.location.diagnostic("a skip needs 'go:' to another state"))
                }
            }
            if let otherwise = state.otherwise { target(otherwise.go, at: otherwise.location, "otherwise") }
            if let giveUp = state.giveUp, !giveUp.go.isEmpty { target(giveUp.go, at: giveUp.location, "give-up") }

            let exits = ways(outOf: state, in: dialogue)
            if state.end == nil && exits.allSatisfy({ $0 == state.id }) {
                problems.append(state.location.diagnostic("state '\(state.id)' has no way out and is not an end; add a transition that goes elsewhere, next:, give-up:, or end:"))
            }
            if state.end != nil && (state.next != nil || !state.on.isEmpty || state.otherwise != nil || state.giveUp != nil) {
                problems.append(state.location.diagnostic("state '\(state.id)' ends the dialogue, so its next/on/otherwise/give-up are never used"))
            }
            if state.next != nil && (!state.on.isEmpty || state.otherwise != nil || state.capture != nil) {
                problems.append(state.location.diagnostic("state '\(state.id)' moves on by itself (next:), so it never reads a reply for on/otherwise/capture"))
            }
            let readsReply = state.end == nil && state.next == nil
            if dialogue.role == .scenario && readsReply && state.hint.isEmpty {
                problems.append(state.location.diagnostic("state '\(state.id)' waits for a reply but has no hint: for /hint", severity: .warning))
            }
            if state.end == .return && dialogue.role != .detour {
                problems.append(state.location.diagnostic("'end: return' is only for detours"))
            }
            if state.end == .safetyStop && dialogue.role != .safety {
                problems.append(state.location.diagnostic("'end: safety-stop' is only for the safety dialogue; the engine stops for crisis language by itself"))
            }
        }

        // Reachability from the start (and from anywhere, for `always`).
        var reached: Set<String> = []
        var queue = [dialogue.start] + dialogue.always.compactMap(\.go)
        while let id = queue.popLast() {
            guard let state = states[id], reached.insert(id).inserted else { continue }
            queue += ways(outOf: state, in: dialogue)
        }
        // The engine enters the safety dialogue's states by name (SafetyScript), not by walking it.
        for state in dialogue.orderedStates where !reached.contains(state.id) && states[dialogue.start] != nil && dialogue.role != .safety {
            problems.append(state.location.diagnostic("state '\(state.id)' can never be reached from '\(dialogue.start)'"))
        }

        // Transitions that read the reply again somewhere else, and states named in rubric
        // parts and pitfalls.
        for (transition, _) in allTransitions(of: dialogue) where transition.reread && transition.go == nil {
            problems.append(transition.location.diagnostic("'reread: true' needs 'go:': the state that reads the reply again"))
        }
        for part in dialogue.rubric {
            for id in part.states where states[id] == nil {
                problems.append(dialogue.startLocation.diagnostic("the rubric part '\(part.part.rawValue)' counts in '\(id)', which is not a state"))
            }
        }
        for pitfall in dialogue.watchedPitfalls {
            for id in pitfall.states where states[id] == nil {
                problems.append(dialogue.startLocation.diagnostic("the pitfall '\(pitfall.kind.rawValue)' counts in '\(id)', which is not a state"))
            }
            if dialogue.rubric.contains(where: { $0.part == pitfall.kind }) {
                problems.append(dialogue.startLocation.diagnostic("'\(pitfall.kind.rawValue)' is both a rubric part and a pitfall; choose one"))
            }
            if pitfall.plainName == nil {
                problems.append(dialogue.startLocation.diagnostic(
                    "the pitfall '\(pitfall.kind.rawValue)' has no plain name for the card; write it as {kind: \(pitfall.kind.rawValue), name: …}",
                    severity: .warning))
            }
        }

        // Slots quoted but never captured, and placeholders that name nothing.
        let captured = Set(dialogue.states.values.flatMap { $0.capture?.slots ?? [] })
        for (condition, location) in allConditions(of: dialogue) {
            // `opening`: the words the practice was chosen with at the menu (built in).
            for slot in condition.known + condition.unknown where !captured.contains(slot) && slot != "opening" {
                problems.append(location.diagnostic("'\(slot)' in known/unknown names a slot no state captures"))
            }
        }
        for (line, location) in allLines(of: dialogue) {
            for name in Template.placeholders(in: line) {
                if name.hasPrefix("said.") || name.hasPrefix("sentence.") {
                    for kind in Template.saidKinds(name) where SignalKind(rawValue: kind) == nil {
                        problems.append(location.diagnostic("'{\(name)}': '\(kind)' is not a signal kind"))
                    }
                } else if dialogue.role == .safety && name == SafetyScript.wordsPlaceholder {
                    continue
                } else if !Template.builtInNames.contains(name) && !captured.contains(name) {
                    problems.append(location.diagnostic("'{\(name)}' is quoted but no state captures it (add 'capture: \(name)')"))
                }
            }
        }

        // The partner: lines and conditions that need one.
        let spoken = allSpokenLines(of: dialogue)
        if dialogue.partner == nil {
            for (line, _) in spoken where line.speaker == .partner {
                problems.append(line.location.diagnostic("a partner line, but the dialogue has no partner: section"))
            }
            for (condition, location) in allConditions(of: dialogue)
            where condition.opennessAtLeast != nil || condition.opennessBelow != nil || !condition.remembers.isEmpty {
                problems.append(location.diagnostic("this condition is about the partner, but the dialogue has no partner: section"))
            }
        }

        switch dialogue.role {
        case .detour where !dialogue.states.values.contains { $0.end == .return }:
            problems.append(dialogue.startLocation.diagnostic("a detour needs a state with 'end: return'"))
        case .safety:
            for name in SafetyScript.requiredStates where states[name] == nil {
                problems.append(dialogue.startLocation.diagnostic("the safety dialogue needs a state '\(name)'"))
            }
        case .scenario where !dialogue.states.values.contains { $0.end == .completed }:
            problems.append(dialogue.startLocation.diagnostic("a scenario needs at least one state with 'end: completed'"))
        default:
            break
        }
        return problems
    }

    /// Problems between dialogues: duplicate ids, detours to nowhere, the safety dialogue.
    public static func check(library dialogues: [Dialogue], requireSafety: Bool) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var firstFile: [String: String] = [:]
        for dialogue in dialogues {
            if let other = firstFile[dialogue.id] {
                problems.append(dialogue.startLocation.diagnostic("the id '\(dialogue.id)' is already used by \(other)"))
            } else {
                firstFile[dialogue.id] = dialogue.file
            }
        }
        let roles = Dictionary(dialogues.map { ($0.id, $0.role) }, uniquingKeysWith: { first, _ in first })
        for dialogue in dialogues {
            for (transition, _) in allTransitions(of: dialogue) {
                guard let detour = transition.detour else { continue }
                if roles[detour] == nil {
                    problems.append(transition.location.diagnostic("detour '\(detour)' does not exist"))
                } else if roles[detour] != .detour {
                    problems.append(transition.location.diagnostic("'\(detour)' is not a detour (its role is \(roles[detour]!.rawValue))"))
                }
            }
        }
        let safety = dialogues.filter { $0.role == .safety }
        if requireSafety && safety.count != 1 {
            problems.append(Diagnostic(file: dialogues.first?.file ?? "Dialogues",
                                       message: "there must be exactly one dialogue with 'role: safety'; found \(safety.count)"))
        }
        return problems
    }

    /// The states a state can move to.
    static func ways(outOf state: DialogueState, in dialogue: Dialogue) -> [String] {
        var targets: [String] = []
        if let next = state.next { targets.append(next) }
        targets += state.on.map { $0.go ?? state.id }
        if let otherwise = state.otherwise { targets.append(otherwise.go ?? state.id) }
        if let giveUp = state.giveUp { targets.append(giveUp.go) }
        targets += state.skip.compactMap(\.go)
        if state.end == nil { targets += dialogue.always.map { $0.go ?? state.id } }
        return targets
    }

    static func allTransitions(of dialogue: Dialogue) -> [(Transition, String?)] {
        var list: [(Transition, String?)] = dialogue.always.map { ($0, nil) }
        for state in dialogue.orderedStates {
            list += state.skip.map { ($0, state.id) }
            list += state.on.map { ($0, state.id) }
            if let otherwise = state.otherwise { list.append((otherwise, state.id)) }
        }
        return list
    }

    static func allSpokenLines(of dialogue: Dialogue) -> [(SpokenLine, String?)] {
        var lines: [(SpokenLine, String?)] = []
        for state in dialogue.orderedStates {
            lines += state.say.map { ($0, state.id) }
            if let giveUp = state.giveUp { lines += giveUp.say.map { ($0, state.id) } }
        }
        for (transition, state) in allTransitions(of: dialogue) { lines += transition.say.map { ($0, state) } }
        return lines
    }

    /// Every text a dialogue can say, with where it is written.
    static func allLines(of dialogue: Dialogue) -> [(String, SourceLocation)] {
        var texts: [(String, SourceLocation)] = []
        for (line, _) in allSpokenLines(of: dialogue) { texts += line.variants.map { ($0, line.location) } }
        for state in dialogue.orderedStates { texts += state.hint.map { ($0, state.location) } }
        for (_, tips) in dialogue.tips { texts += tips.map { ($0, dialogue.startLocation) } }
        return texts
    }

    static func allConditions(of dialogue: Dialogue) -> [(Condition, SourceLocation)] {
        var conditions = allTransitions(of: dialogue).map { ($0.0.when, $0.0.location) }
        conditions += allSpokenLines(of: dialogue).compactMap { line, _ in line.when.map { ($0, line.location) } }
        return conditions
    }
}
