import Foundation
import Testing
@testable import RapportCore

/// Conversations as data, after Yarn Spinner's test plans: each `Fixtures/golden/*.plan`
/// gives replies and what must follow them.
///
///     scenario: apology          the practice, and optionally seed: / difficulty:
///     > I forgot her birthday    a reply, through the real analysis and engine
///     >! demand: show me it      a reply with a kind the analysis does not find yet, added
///     = who                      the state after that reply
///     ~ Who is the apology for   a line said since the last reply contains this text
///     end: completed             how it ends (after the last reply; "abandoned" = end of input)
///     met: remorse, commitment   the scorecard, exactly (also missed: and pitfalls:)
///
/// `end:`, `met:`, `missed:` and `pitfalls:` are required (empty is fine: `missed:`), so
/// no plan leaves its ending unchecked; anything else unknown is an error at its line.
struct GoldenPlan: CustomTestStringConvertible, Sendable {
    enum Step: Sendable {
        /// A reply, and kinds to add to what the analysis finds in it.
        case reply(String, extra: [SignalKind], line: Int)
        case state(String, line: Int)
        case says(String, line: Int)
    }

    var name: String
    var scenario = ""
    var seed: UInt64 = 1
    var difficulty = Difficulty.realistic
    var steps: [Step] = []
    var end: Outcome?
    var met: [String]?
    var missed: [String]?
    var pitfalls: [String]?
    /// What is wrong with the plan's text ("apology.plan:12: unknown outcome 'complete'").
    /// A plan with problems fails before it runs: a misspelt line must never be a line
    /// nobody checks.
    var problems: [String] = []

    var testDescription: String { name }

    /// The directives a plan may use besides `>`, `=` and `~`, and those it must.
    static let keys = ["scenario", "seed", "difficulty", "end", "met", "missed", "pitfalls"]
    static let required = ["scenario", "end", "met", "missed", "pitfalls"]

    static func all() throws -> [GoldenPlan] {
        let folder = Fixtures.folder.appending(path: "golden")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".plan") }.sorted()
        guard !names.isEmpty else { throw FixtureError("no plans in \(folder.path)") }
        return try names.map { parse(try Fixtures.text("golden/" + $0), name: $0) }
    }

    /// What the analysis finds in `text`, with `extra` kinds over the whole line.
    static func signals(in text: String, adding extra: [SignalKind]) throws -> [Signal] {
        try Fixtures.analyzer.signals(in: text) + extra.map { Signal(kind: $0, text: text, start: 0, end: text.unicodeScalars.count) }
    }

    static func parse(_ text: String, name: String) -> GoldenPlan {
        var plan = GoldenPlan(name: name)
        var seen: Set<String> = []
        func list(_ value: String) -> [String] {
            value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let number = index + 1
            func problem(_ message: String) { plan.problems.append("\(name):\(number): \(message)") }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("> ") { plan.steps.append(.reply(String(line.dropFirst(2)), extra: [], line: number)); continue }
            if line.hasPrefix(">! "), let colon = line.firstIndex(of: ":") {
                let kinds = list(String(line[line.index(line.startIndex, offsetBy: 3)..<colon])).compactMap(SignalKind.init(rawValue:))
                plan.steps.append(.reply(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces), extra: kinds, line: number))
                continue
            }
            if line.hasPrefix("= ") { plan.steps.append(.state(String(line.dropFirst(2)), line: number)); continue }
            if line.hasPrefix("~ ") { plan.steps.append(.says(String(line.dropFirst(2)), line: number)); continue }
            guard let colon = line.firstIndex(of: ":") else {
                problem("not a directive: \"\(line)\" (a reply is \"> text\", a state \"= id\", a line said \"~ text\")")
                continue
            }
            let key = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard keys.contains(key) else {
                problem("unknown directive '\(key)' (known: \(keys.joined(separator: ", ")))")
                continue
            }
            if !seen.insert(key).inserted { problem("'\(key)' given twice") }
            switch key {
            case "scenario": plan.scenario = value
            case "seed":
                if let seed = UInt64(value) { plan.seed = seed } else { problem("seed '\(value)' is not a whole number") }
            case "difficulty":
                if let difficulty = Difficulty(rawValue: value) { plan.difficulty = difficulty } else { problem("unknown difficulty '\(value)'") }
            case "end":
                if let outcome = Outcome(rawValue: value) { plan.end = outcome } else {
                    problem("unknown outcome '\(value)' (known: \(Outcome.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
            case "met": plan.met = list(value)
            case "missed": plan.missed = list(value)
            default:
                let kinds = list(value)
                for kind in kinds where SignalKind(rawValue: kind) == nil { problem("pitfalls: no signal kind '\(kind)'") }
                plan.pitfalls = kinds
            }
        }
        for key in required where !seen.contains(key) { plan.problems.append("\(name): no '\(key):' line") }
        return plan
    }
}

@Suite struct GoldenConversationTests {
    /// The plan reader rejects what it does not know, with the line.
    @Test func aMisspeltPlanIsRejectedAtItsLine() {
        let good = "scenario: apology\nseed: 1\ndifficulty: realistic\n> hi\nend: completed\nmet: remorse\nmissed:\npitfalls: excuse\n"
        #expect(GoldenPlan.parse(good, name: "good.plan").problems.isEmpty)
        let defaults = GoldenPlan.parse(good.replacingOccurrences(of: "seed: 1\ndifficulty: realistic\n", with: ""), name: "defaults.plan")
        #expect(defaults.problems.isEmpty && defaults.seed == 1 && defaults.difficulty == .realistic, "seed and difficulty may be left out")
        let cases = [
            ("end: completed", "end: complete", "bad.plan:5: unknown outcome 'complete'"),
            ("met: remorse", "mets: remorse", "bad.plan:6: unknown directive 'mets'"),
            ("> hi", ">hi", "bad.plan:4: not a directive"),
            ("difficulty: realistic", "difficulty: realistc", "bad.plan:3: unknown difficulty 'realistc'"),
            ("seed: 1", "seed: one", "bad.plan:2: seed 'one'"),
            ("pitfalls: excuse", "pitfalls: excuses", "bad.plan:8: pitfalls: no signal kind 'excuses'"),
            ("missed:\n", "", "bad.plan: no 'missed:' line"),
        ]
        for (from, to, message) in cases {
            let problems = GoldenPlan.parse(good.replacingOccurrences(of: from, with: to), name: "bad.plan").problems
            #expect(problems.contains { $0.hasPrefix(message) }, "\(to): \(problems)")
        }
        #expect(GoldenPlan.parse(good + "end: abandoned\n", name: "twice.plan").problems.contains { $0.contains("'end' given twice") })
    }

    @Test func everyPracticeHasItsGoldenPaths() throws {
        let plans = try GoldenPlan.all()
        let library = try Fixtures.library
        #expect(plans.count >= library.scenarios.count * 3)
        for scenario in library.scenarios.map(\.id) {
            let mine = plans.filter { $0.scenario == scenario }
            #expect(mine.contains { $0.end == .completed }, "\(scenario): no strong path")
            #expect(mine.contains { $0.end == .abandoned }, "\(scenario): no end-of-input path")
            #expect(mine.contains { $0.end == .safetyStop }, "\(scenario): no crisis path")
            let dialogue = try #require(library.dialogue(id: scenario))
            for pitfall in dialogue.pitfalls {
                #expect(mine.contains { $0.pitfalls?.contains(pitfall.rawValue) == true }, "\(scenario): no path through \(pitfall.rawValue)")
            }
        }
    }

    @Test(arguments: try GoldenPlan.all())
    func followsThePlan(plan: GoldenPlan) throws {
        try #require(plan.problems.isEmpty, "\(plan.problems.joined(separator: "\n"))")
        let library = try Fixtures.library
        let rewriter = try Fixtures.rewriter
        let dialogue = try #require(library.dialogue(id: plan.scenario), "\(plan.name): no scenario \(plan.scenario)")
        var conversation = Conversation(scenario: dialogue, library: library, difficulty: plan.difficulty, seed: plan.seed,
                                        rewriter: rewriter)
        var said = conversation.start()
        var ended: (Outcome, Scorecard)?
        func record(_ events: [EngineEvent]) {
            for case let .ended(outcome, card) in events { ended = (outcome, card) }
        }
        record(said)
        for step in plan.steps {
            switch step {
            case let .reply(text, extra, line):
                #expect(ended == nil, "\(plan.name):\(line): the conversation had already ended")
                said = conversation.reply(text, signals: try GoldenPlan.signals(in: text, adding: extra))
                record(said)
            case let .state(state, line):
                #expect(conversation.position == state, "\(plan.name):\(line): expected state \(state), got \(conversation.position)")
            case let .says(fragment, line):
                let lines = said.compactMap { if case let .say(_, text, _) = $0 { return text } else { return nil } }
                #expect(lines.contains { $0.contains(fragment) }, "\(plan.name):\(line): nobody said \"\(fragment)\"; said: \(lines)")
            }
        }
        if ended == nil { record(conversation.finish(.abandoned)) }
        let (outcome, card) = try #require(ended)
        // Parsing guarantees each of these is given; a plan cannot leave its ending unchecked.
        #expect(outcome == plan.end, "\(plan.name): ended \(outcome.rawValue)")
        #expect(Set(card.met) == Set(plan.met ?? []), "\(plan.name): met \(card.met)")
        #expect(Set(card.missed) == Set(plan.missed ?? []), "\(plan.name): missed \(card.missed)")
        #expect(Set(card.pitfalls.map(\.kind.rawValue)) == Set(plan.pitfalls ?? []), "\(plan.name): pitfalls \(card.pitfalls.map(\.kind.rawValue))")
    }

    /// End of input after every reply of every plan: each ends `abandoned` (or as it had
    /// already ended) with a whole scorecard. Together the plans reach every state.
    @Test func endOfInputInEveryStateGivesAWholeScorecard() throws {
        let library = try Fixtures.library
        let rewriter = try Fixtures.rewriter
        var reached: [String: Set<String>] = [:]
        for plan in try GoldenPlan.all() {
            let dialogue = try #require(library.dialogue(id: plan.scenario))
            let replies = plan.steps.compactMap { if case let .reply(text, extra, _) = $0 { return (text, extra) } else { return nil } }
            for cut in 0...replies.count {
                var conversation = Conversation(scenario: dialogue, library: library, difficulty: plan.difficulty, seed: plan.seed,
                                                rewriter: rewriter)
                var events = conversation.start()
                for (reply, extra) in replies.prefix(cut) where !conversation.isFinished {
                    reached[conversation.dialogueID, default: []].insert(conversation.stateID)
                    events = conversation.reply(reply, signals: try GoldenPlan.signals(in: reply, adding: extra))
                }
                let wasFinished = conversation.isFinished
                let wasCheckingIn = conversation.isCheckingIn
                let hadLesson = conversation.hasLesson
                reached[conversation.dialogueID, default: []].insert(conversation.stateID)
                events += conversation.finish(.abandoned)
                let ended = events.compactMap { if case let .ended(outcome, card) = $0 { return (outcome, card) } else { return nil } }
                if wasCheckingIn {
                    // Silence after a safety question is a safety stop, and a stop is not a lesson.
                    let (outcome, card) = try #require(ended.last, "\(plan.name) cut after \(cut): no end")
                    #expect(outcome == .safetyStop, "\(plan.name) cut after \(cut)")
                    #expect(card.missed.isEmpty && card.pitfalls.isEmpty && card.next == nil, "\(plan.name) cut after \(cut)")
                } else if !wasFinished && !hadLesson {
                    // Left before anything was scored: no lesson, an empty card.
                    let (outcome, card) = try #require(ended.last, "\(plan.name) cut after \(cut): no end")
                    #expect(outcome == .abandoned)
                    #expect(card.met.isEmpty && card.missed.isEmpty && card.pitfalls.isEmpty && card.next == nil,
                            "\(plan.name) cut after \(cut)")
                } else if !wasFinished {
                    let (outcome, card) = try #require(ended.last, "\(plan.name) cut after \(cut): no end")
                    #expect(outcome == .abandoned)
                    // Every part this difficulty asks for is met or missed; a part it does
                    // not ask for is on the card only as met (the coach praised it).
                    let parts = dialogue.rubric.filter { $0.from <= plan.difficulty }.map(\.part.rawValue)
                    #expect(Set(card.met + card.missed).isSuperset(of: parts), "\(plan.name) cut after \(cut)")
                    #expect(Set(card.missed).isSubset(of: parts), "\(plan.name) cut after \(cut)")
                    #expect(card.next?.isEmpty == false, "\(plan.name) cut after \(cut): no tip")
                }
            }
        }
        for dialogue in library.dialogues where dialogue.role == .scenario || dialogue.role == .detour {
            // States that wait for a reply; the others pass straight on (`next:`) or end.
            let waiting = dialogue.states.values.filter { $0.next == nil && $0.end == nil }.map(\.id)
            let missing = Set(waiting).subtracting(reached[dialogue.id] ?? [])
            #expect(missing.isEmpty, "\(dialogue.id): no plan reaches \(missing.sorted())")
        }
    }
}
