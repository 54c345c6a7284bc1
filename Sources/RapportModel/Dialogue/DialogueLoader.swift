import Yams

/// Turns the text of a dialogue file into a `Dialogue`, with a diagnostic at the right
/// line and column for every problem: YAML errors, unknown fields, unknown signal kinds,
/// wrong types. Cross-checks between states (missing targets, unreachable states, …) are
/// `DialogueChecker`'s job.
public enum DialogueLoader {
    /// Loads one file. Returns the dialogue when it could be read at all, and every problem found.
    public static func load(_ text: String, file: String) -> (dialogue: Dialogue?, diagnostics: [Diagnostic]) {
        let guardProblems = YAMLGuard.problems(in: text, file: file)
        guard guardProblems.isEmpty else { return (nil, guardProblems) }
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                return (nil, [Diagnostic(file: file, message: "the file is empty; a dialogue needs id, title, summary, start and states")])
            }
            root = composed
        } catch {
            return (nil, [diagnostic(for: error, in: text, file: file)])
        }
        var reader = NodeReader(file: file)
        let dialogue = readDialogue(root, &reader)
        return (dialogue, reader.diagnostics)
    }

    /// A YAML error as a located diagnostic.
    static func diagnostic(for error: Error, in text: String, file: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return Diagnostic(file: file, message: "cannot read the file: \(error)")
        }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(file: file, line: mark.line, column: mark.column, message: "YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(file: file, line: context.mark.line, column: context.mark.column,
                              message: "YAML: the key '\(duplicates.joined(separator: "', '"))' appears twice in the same mapping")
        case .reader(let problem, let offset, _, _):
            let (line, column) = position(ofByte: offset ?? 0, in: text)
            return Diagnostic(file: file, line: line, column: column, message: "YAML: \(problem)")
        default:
            return Diagnostic(file: file, message: "YAML: \(yamlError)")
        }
    }

    private static func position(ofByte offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in text.utf8.prefix(offset) {
            if byte == 10 { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    private static let dialogueFields = ["id", "title", "summary", "role", "start", "states", "partner", "rubric", "pitfalls", "tips", "always", "keywords",
                                          "suggested-by"]
    private static let stateFields = ["say", "hint", "capture", "collect", "next", "on", "otherwise", "give-up", "end", "skip", "accepts-empty"]
    private static let transitionFields = ["when", "say", "go", "detour", "once", "credits", "undoes", "reread", "counts"]
    private static let conditionFields = ["any", "all", "none", "missing", "said", "openness", "difficulty", "remembers", "tries", "rewrites", "count",
                                          "known", "unknown", "captured", "question", "asks-them"]

    private static func readDialogue(_ root: Node, _ reader: inout NodeReader) -> Dialogue? {
        guard let fields = reader.mapping(root, "a dialogue file", allowed: dialogueFields) else { return nil }
        var dialogue = Dialogue(id: "", title: "", summary: "", role: .scenario, start: "", states: [:], stateOrder: [],
                                partner: nil, rubric: [], watchedPitfalls: [], tips: [:], always: [], file: reader.file,
                                startLocation: reader.location(root))
        var seen: Set<String> = []
        for (key, _, value) in fields {
            seen.insert(key)
            switch key {
            case "id": dialogue.id = reader.identifier(value, "id") ?? ""
            case "title": dialogue.title = reader.string(value, "title") ?? ""
            case "summary": dialogue.summary = reader.string(value, "summary") ?? ""
            case "role":
                if let text = reader.string(value, "role") {
                    if let role = Dialogue.Role(rawValue: text) {
                        dialogue.role = role
                    } else {
                        reader.report(value, "role should be one of: \(Dialogue.Role.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                }
            case "start":
                dialogue.start = reader.identifier(value, "start") ?? ""
                dialogue.startLocation = reader.location(value)
            case "states": readStates(value, into: &dialogue, &reader)
            case "partner": dialogue.partner = readPartner(value, &reader)
            case "rubric": dialogue.rubric = readRubric(value, &reader)
            case "pitfalls": dialogue.watchedPitfalls = readPitfalls(value, &reader)
            case "suggested-by": dialogue.suggestedBy = reader.kinds(value, "suggested-by")
            case "keywords":
                dialogue.keywords = (reader.sequence(value, "keywords") ?? []).compactMap { reader.string($0, "a keyword")?.lowercased() }
            case "tips": dialogue.tips = readTips(value, &reader)
            case "always":
                dialogue.always = (reader.sequence(value, "always") ?? []).compactMap { readTransition($0, "a transition in always", &reader) }
            default: break
            }
        }
        for required in ["id", "title", "summary", "start", "states"] where !seen.contains(required) {
            reader.report(root, "the dialogue needs '\(required)'")
        }
        return dialogue
    }

    private static func readStates(_ node: Node, into dialogue: inout Dialogue, _ reader: inout NodeReader) {
        guard let entries = reader.mapping(node, "states") else { return }
        if entries.isEmpty { reader.report(node, "states is empty") }
        for (_, keyNode, value) in entries {
            guard let id = reader.identifier(keyNode, "a state name") else { continue }
            if let state = readState(id, value, &reader) {
                dialogue.states[id] = state
                dialogue.stateOrder.append(id)
            }
        }
    }

    private static func readState(_ id: String, _ node: Node, _ reader: inout NodeReader) -> DialogueState? {
        guard let fields = reader.mapping(node, "state '\(id)'", allowed: stateFields) else { return nil }
        var state = DialogueState(id: id, say: [], hint: [], capture: nil, collect: true, next: nil, on: [], otherwise: nil,
                                  giveUp: nil, end: nil, location: reader.location(node))
        for (key, _, value) in fields {
            switch key {
            case "say": state.say = readLines(value, "say in state '\(id)'", &reader)
            case "hint": state.hint = reader.variants(value, "hint in state '\(id)'") ?? []
            case "capture": state.capture = readCapture(value, &reader)
            case "accepts-empty": state.acceptsEmpty = reader.bool(value, "accepts-empty") ?? false
            case "skip":
                state.skip = (reader.sequence(value, "skip in state '\(id)'") ?? []).compactMap {
                    readTransition($0, "a skip in state '\(id)'", &reader)
                }
            case "collect": state.collect = reader.bool(value, "collect") ?? true
            case "next": state.next = reader.identifier(value, "next")
            case "on":
                state.on = (reader.sequence(value, "on in state '\(id)'") ?? []).compactMap {
                    readTransition($0, "a transition in state '\(id)'", &reader)
                }
            case "otherwise": state.otherwise = readTransition(value, "otherwise in state '\(id)'", &reader)
            case "give-up": state.giveUp = readGiveUp(value, "give-up in state '\(id)'", &reader)
            case "end":
                if let text = reader.string(value, "end") {
                    if let outcome = Outcome(rawValue: text), [.completed, .return, .safetyStop].contains(outcome) {
                        state.end = outcome
                    } else {
                        reader.report(value, "end should be 'completed' (or 'return' in a detour, 'safety-stop' in the safety dialogue)")
                    }
                }
            default: break
            }
        }
        return state
    }

    /// `say:` — a list of `{coach: …}` / `{partner: …}` entries, each with optional `when:`.
    private static func readLines(_ node: Node, _ what: String, _ reader: inout NodeReader) -> [SpokenLine] {
        guard let items = reader.sequence(node, what) else { return [] }
        var lines: [SpokenLine] = []
        for item in items {
            guard let fields = reader.mapping(item, "a line in \(what)", allowed: ["coach", "partner", "when", "asks", "mood"]) else { continue }
            var speaker: Speaker?
            var variants: [String]?
            var condition: Condition?
            var asks: [SignalKind] = []
            var mood: Mood?
            for (key, _, value) in fields {
                switch key {
                case "coach", "partner":
                    if speaker != nil { reader.report(item, "a line has one speaker: coach or partner, not both") }
                    speaker = Speaker(rawValue: key)
                    variants = reader.variants(value, "the \(key)'s line")
                case "when": condition = readCondition(value, &reader)
                case "asks": asks = reader.kinds(value, "asks")
                case "mood":
                    if let text = reader.string(value, "mood") {
                        mood = Mood(rawValue: text)
                        if mood == nil {
                            reader.report(value, "mood should be one of: \(Mood.allCases.map(\.rawValue).joined(separator: ", "))")
                        }
                    }
                default: break
                }
            }
            guard let speaker else {
                reader.report(item, "a line needs a speaker: 'coach:' or 'partner:'")
                continue
            }
            if let variants {
                lines.append(SpokenLine(speaker: speaker, variants: variants, when: condition, location: reader.location(item),
                                        asks: asks, mood: mood))
            }
        }
        return lines
    }

    private static func readTransition(_ node: Node, _ what: String, _ reader: inout NodeReader) -> Transition? {
        guard let fields = reader.mapping(node, what, allowed: transitionFields) else { return nil }
        var transition = Transition(when: Condition(), say: [], go: nil, detour: nil, location: reader.location(node))
        for (key, _, value) in fields {
            switch key {
            case "when": transition.when = readCondition(value, &reader)
            case "say": transition.say = readLines(value, "say in \(what)", &reader)
            case "go": transition.go = reader.identifier(value, "go")
            case "detour": transition.detour = reader.identifier(value, "detour")
            case "once": transition.once = reader.bool(value, "once") ?? false
            case "credits": transition.credits = reader.kinds(value, "credits")
            case "undoes": transition.undoes = reader.kinds(value, "undoes")
            case "reread": transition.reread = reader.bool(value, "reread") ?? false
            case "counts": transition.counts = reader.bool(value, "counts") ?? true
            default: break
            }
        }
        return transition
    }

    private static func readGiveUp(_ node: Node, _ what: String, _ reader: inout NodeReader) -> GiveUp? {
        guard let fields = reader.mapping(node, what, allowed: ["after", "say", "go"]) else { return nil }
        var giveUp = GiveUp(after: 0, say: [], go: "", location: reader.location(node))
        for (key, _, value) in fields {
            switch key {
            case "after": giveUp.after = reader.int(value, "after") ?? 0
            case "say": giveUp.say = readLines(value, "say in \(what)", &reader)
            case "go": giveUp.go = reader.identifier(value, "go") ?? ""
            default: break
            }
        }
        if giveUp.after < 1 { reader.report(node, "\(what) needs 'after: N' with N of at least 1") }
        if giveUp.go.isEmpty { reader.report(node, "\(what) needs 'go: STATE'") }
        return giveUp
    }

    private static func readCondition(_ node: Node, _ reader: inout NodeReader) -> Condition {
        var condition = Condition()
        guard let fields = reader.mapping(node, "a condition", allowed: conditionFields) else { return condition }
        for (key, _, value) in fields {
            switch key {
            case "any": condition.any = reader.kinds(value, "any")
            case "all": condition.all = reader.kinds(value, "all")
            case "none": condition.none = reader.kinds(value, "none")
            case "missing": condition.missing = reader.kinds(value, "missing")
            case "said": condition.said = reader.kinds(value, "said")
            case "remembers": condition.remembers = reader.kinds(value, "remembers")
            case "tries": condition.triesAtLeast = reader.int(value, "tries")
            case "known": condition.known = identifiers(value, "known", &reader)
            case "unknown": condition.unknown = identifiers(value, "unknown", &reader)
            case "captured": condition.captured = reader.bool(value, "captured")
            case "question": condition.question = reader.bool(value, "question")
            case "asks-them": condition.asksThem = reader.bool(value, "asks-them")
            case "rewrites": condition.rewrites = reader.bool(value, "rewrites")
            case "count":
                guard let parts = reader.mapping(value, "count", allowed: ["any", "at-least"]) else { continue }
                for (part, _, partValue) in parts {
                    if part == "any" { condition.countOf = reader.kinds(partValue, "count any") }
                    else { condition.countAtLeast = reader.int(partValue, "count at-least") }
                }
                if condition.countOf.isEmpty || condition.countAtLeast == nil {
                    reader.report(value, "count needs both 'any: [KINDS]' and 'at-least: N'")
                }
            case "difficulty":
                let names: [Node]
                if case .scalar = value { names = [value] } else { names = reader.sequence(value, "difficulty") ?? [] }
                for name in names {
                    guard let text = reader.string(name, "a difficulty") else { continue }
                    if let level = Difficulty(rawValue: text) {
                        condition.difficulty.append(level)
                    } else {
                        reader.report(name, "difficulty should be gentle, realistic or tough, not '\(text)'")
                    }
                }
            case "openness":
                guard let bounds = reader.mapping(value, "openness", allowed: ["at-least", "below"]) else { continue }
                for (bound, _, number) in bounds {
                    let parsed = reader.int(number, "openness \(bound)")
                    if bound == "at-least" { condition.opennessAtLeast = parsed } else { condition.opennessBelow = parsed }
                }
            default: break
            }
        }
        return condition
    }

    private static func readPartner(_ node: Node, _ reader: inout NodeReader) -> PartnerModel? {
        guard let fields = reader.mapping(node, "partner", allowed: ["name", "openness", "moves", "remembers"]) else { return nil }
        var partner = PartnerModel(name: "", openness: 50, moves: [:], remembers: [])
        for (key, _, value) in fields {
            switch key {
            case "name": partner.name = reader.string(value, "the partner's name") ?? ""
            case "openness":
                if let number = reader.int(value, "openness") {
                    if (0...100).contains(number) { partner.openness = number } else { reader.report(value, "openness is from 0 to 100") }
                }
            case "moves":
                for (name, keyNode, amount) in reader.mapping(value, "moves") ?? [] {
                    guard let kind = SignalKind(rawValue: name) else {
                        reader.report(keyNode, "unknown signal kind '\(name)' in moves")
                        continue
                    }
                    partner.moves[kind] = reader.int(amount, "the move for \(name)")
                }
            case "remembers": partner.remembers = reader.kinds(value, "remembers")
            default: break
            }
        }
        if partner.name.isEmpty { reader.report(node, "the partner needs a name") }
        return partner
    }

    private static func readRubric(_ node: Node, _ reader: inout NodeReader) -> [RubricPart] {
        var parts: [RubricPart] = []
        for item in reader.sequence(node, "rubric") ?? [] {
            if case .scalar = item {
                if let kind = reader.kinds(item, "rubric").first {
                    parts.append(RubricPart(part: kind, name: kind.rawValue, from: .gentle))
                }
                continue
            }
            guard let fields = reader.mapping(item, "a rubric part", allowed: ["part", "name", "from", "in"]) else { continue }
            var part: SignalKind?
            var name: String?
            var from = Difficulty.gentle
            var states: [String] = []
            for (key, _, value) in fields {
                switch key {
                case "part": part = reader.kinds(value, "part").first
                case "name": name = reader.string(value, "name")
                case "from":
                    if let text = reader.string(value, "from") {
                        if let level = Difficulty(rawValue: text) { from = level } else {
                            reader.report(value, "from should be gentle, realistic or tough")
                        }
                    }
                case "in": states = identifiers(value, "in", &reader)
                default: break
                }
            }
            if let part {
                parts.append(RubricPart(part: part, name: name ?? part.rawValue, from: from, states: states))
            } else {
                reader.report(item, "a rubric part needs 'part: KIND'")
            }
        }
        return parts
    }

    /// `pitfalls:` — kinds, or `{kind: K, name: "…", in: [STATE…]}` for one that counts only
    /// in some states and has its own name on the card.
    private static func readPitfalls(_ node: Node, _ reader: inout NodeReader) -> [WatchedPitfall] {
        var pitfalls: [WatchedPitfall] = []
        for item in reader.sequence(node, "pitfalls") ?? [] {
            if case .scalar = item {
                pitfalls += reader.kinds(item, "pitfalls").map { WatchedPitfall(kind: $0) }
                continue
            }
            guard let fields = reader.mapping(item, "a pitfall", allowed: ["kind", "name", "in"]) else { continue }
            var pitfall = WatchedPitfall(kind: .excuse)
            var kind: SignalKind?
            for (key, _, value) in fields {
                switch key {
                case "kind": kind = reader.kinds(value, "kind").first
                case "name": pitfall.name = reader.string(value, "name")
                case "in": pitfall.states = identifiers(value, "in", &reader)
                default: break
                }
            }
            if let kind {
                pitfall.kind = kind
                pitfalls.append(pitfall)
            } else {
                reader.report(item, "a pitfall needs 'kind: KIND'")
            }
        }
        return pitfalls
    }

    /// `capture: NAME`, or `{slot: NAME, as: text|person|phrase, person: NAME, unless: [KINDS],
    /// opening: true|[KINDS]}`.
    private static func readCapture(_ node: Node, _ reader: inout NodeReader) -> Capture? {
        if case .scalar = node { return reader.identifier(node, "capture").map { Capture(slot: $0) } }
        guard let fields = reader.mapping(node, "capture", allowed: ["slot", "as", "person", "unless", "opening"]) else { return nil }
        var capture = Capture(slot: "")
        for (key, _, value) in fields {
            switch key {
            case "slot": capture.slot = reader.identifier(value, "slot") ?? ""
            case "person": capture.person = reader.identifier(value, "person")
            case "unless": capture.unless = reader.kinds(value, "unless")
            case "opening":
                if case .scalar = value {
                    capture.opening = reader.bool(value, "opening") == true ? [] : nil
                } else {
                    capture.opening = reader.kinds(value, "opening")
                }
            case "as":
                guard let text = reader.string(value, "as") else { continue }
                if let kind = Capture.Kind(rawValue: text) {
                    capture.kind = kind
                } else {
                    reader.report(value, "as should be one of: \(Capture.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
            default: break
            }
        }
        guard !capture.slot.isEmpty else {
            reader.report(node, "capture needs 'slot: NAME'")
            return nil
        }
        return capture
    }

    /// One identifier or a list of them.
    private static func identifiers(_ node: Node, _ what: String, _ reader: inout NodeReader) -> [String] {
        if case .scalar = node { return reader.identifier(node, what).map { [$0] } ?? [] }
        return (reader.sequence(node, what) ?? []).compactMap { reader.identifier($0, what) }
    }

    private static func readTips(_ node: Node, _ reader: inout NodeReader) -> [String: [String]] {
        var tips: [String: [String]] = [:]
        for (key, keyNode, value) in reader.mapping(node, "tips") ?? [] {
            if key != "default" && SignalKind(rawValue: key) == nil {
                reader.report(keyNode, "tips are keyed by a rubric part or pitfall kind, or 'default'; '\(key)' is neither")
                continue
            }
            tips[key] = reader.variants(value, "the tip for \(key)")
        }
        return tips
    }
}
