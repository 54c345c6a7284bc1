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

    var testDescription: String { name }

    static func all() -> [GoldenPlan] {
        let folder = Fixtures.folder.appending(path: "golden")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".plan") }.sorted().map { parse(Fixtures.text("golden/" + $0), name: $0) }
    }

    /// What the analysis finds in `text`, with `extra` kinds over the whole line.
    static func signals(in text: String, adding extra: [SignalKind]) -> [Signal] {
        Fixtures.analyzer.signals(in: text) + extra.map { Signal(kind: $0, text: text, start: 0, end: text.unicodeScalars.count) }
    }

    static func parse(_ text: String, name: String) -> GoldenPlan {
        var plan = GoldenPlan(name: name)
        func list(_ value: String) -> [String] {
            value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let number = index + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("> ") { plan.steps.append(.reply(String(line.dropFirst(2)), extra: [], line: number)); continue }
            if line.hasPrefix(">! "), let colon = line.firstIndex(of: ":") {
                let kinds = list(String(line[line.index(line.startIndex, offsetBy: 3)..<colon])).compactMap(SignalKind.init(rawValue:))
                plan.steps.append(.reply(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces), extra: kinds, line: number))
                continue
            }
            if line.hasPrefix("= ") { plan.steps.append(.state(String(line.dropFirst(2)), line: number)); continue }
            if line.hasPrefix("~ ") { plan.steps.append(.says(String(line.dropFirst(2)), line: number)); continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon]
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "scenario": plan.scenario = value
            case "seed": plan.seed = UInt64(value) ?? 1
            case "difficulty": plan.difficulty = Difficulty(rawValue: value) ?? .realistic
            case "end": plan.end = Outcome(rawValue: value)
            case "met": plan.met = list(value)
            case "missed": plan.missed = list(value)
            case "pitfalls": plan.pitfalls = list(value)
            default: break
            }
        }
        return plan
    }
}

@Suite struct GoldenConversationTests {
    @Test func everyPracticeHasItsGoldenPaths() {
        let plans = GoldenPlan.all()
        for scenario in Fixtures.library.scenarios.map(\.id) {
            let mine = plans.filter { $0.scenario == scenario }
            #expect(mine.contains { $0.end == .completed }, "\(scenario): no strong path")
            #expect(mine.contains { $0.end == .abandoned }, "\(scenario): no end-of-input path")
            #expect(mine.contains { $0.end == .safetyStop }, "\(scenario): no crisis path")
            let dialogue = Fixtures.library.dialogue(id: scenario)!
            for pitfall in dialogue.pitfalls {
                #expect(mine.contains { $0.pitfalls?.contains(pitfall.rawValue) == true }, "\(scenario): no path through \(pitfall.rawValue)")
            }
        }
    }

    @Test(arguments: GoldenPlan.all())
    func followsThePlan(plan: GoldenPlan) throws {
        let library = Fixtures.library
        let dialogue = try #require(library.dialogue(id: plan.scenario), "\(plan.name): no scenario \(plan.scenario)")
        var conversation = Conversation(scenario: dialogue, library: library, difficulty: plan.difficulty, seed: plan.seed,
                                        rewriter: Fixtures.rewriter)
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
                said = conversation.reply(text, signals: GoldenPlan.signals(in: text, adding: extra))
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
        if let end = plan.end { #expect(outcome == end, "\(plan.name): ended \(outcome.rawValue)") }
        if let met = plan.met { #expect(Set(card.met) == Set(met), "\(plan.name): met \(card.met)") }
        if let missed = plan.missed { #expect(Set(card.missed) == Set(missed), "\(plan.name): missed \(card.missed)") }
        if let pitfalls = plan.pitfalls {
            #expect(Set(card.pitfalls.map(\.kind.rawValue)) == Set(pitfalls), "\(plan.name): pitfalls \(card.pitfalls.map(\.kind.rawValue))")
        }
    }

    /// End of input after every reply of every plan: each ends `abandoned` (or as it had
    /// already ended) with a whole scorecard. Together the plans reach every state.
    @Test func endOfInputInEveryStateGivesAWholeScorecard() throws {
        let library = Fixtures.library
        var reached: [String: Set<String>] = [:]
        for plan in GoldenPlan.all() {
            let dialogue = try #require(library.dialogue(id: plan.scenario))
            let replies = plan.steps.compactMap { if case let .reply(text, extra, _) = $0 { return (text, extra) } else { return nil } }
            for cut in 0...replies.count {
                var conversation = Conversation(scenario: dialogue, library: library, difficulty: plan.difficulty, seed: plan.seed,
                                                rewriter: Fixtures.rewriter)
                var events = conversation.start()
                for (reply, extra) in replies.prefix(cut) where !conversation.isFinished {
                    reached[conversation.dialogueID, default: []].insert(conversation.stateID)
                    events = conversation.reply(reply, signals: GoldenPlan.signals(in: reply, adding: extra))
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
                    let parts = dialogue.rubric.filter { $0.from <= plan.difficulty }.map(\.part.rawValue)
                    #expect(Set(card.met + card.missed) == Set(parts), "\(plan.name) cut after \(cut)")
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
