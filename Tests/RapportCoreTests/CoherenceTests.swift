import Testing
@testable import RapportCore

/// The coach never contradicts itself, checked over every golden plan and scripted user
/// (`Fixtures/golden/*.plan`), turn by turn:
/// - what it praises, the scorecard credits, unless a later reply took it back, even a
///   part this difficulty does not ask for;
/// - the card never lists as missing a part the coach praised, nor one this difficulty
///   does not ask for, nor (once the practice is done) one nobody asked for;
/// - a demand is never praised, nor credited as a request;
/// - the partner never asks for what the reply just gave, and its meter agrees with its words;
/// - the card warns about no words the coach praised ("if you keep texting him late, I'll
///   go to bed" is a boundary, not a "you…" sentence);
/// - a turn that moves on asks the next thing: a step whose question is left out (it asked
///   for what the reply gave) does not leave the user with nothing asked;
/// - every turn that goes on says something, no placeholder is left unfilled, no coach line
///   is said in the same words two turns running, and the tip does not begin "Next time"
///   under the card's own "Next time:".
@Suite struct CoherenceTests {
    /// One plan walked turn by turn, with every problem found.
    struct Walk {
        var problems: [String] = []
        var card: Scorecard?
        var outcome: Outcome?
    }

    static func walk(_ plan: GoldenPlan) throws -> Walk {
        var walk = Walk()
        let library = try Fixtures.library
        guard let dialogue = library.dialogue(id: plan.scenario) else { return walk }
        let praise = try Fixtures.compiled.praise
        let parts = Set(dialogue.rubric.filter { $0.from <= plan.difficulty }.map(\.part))
        let rubric = Set(dialogue.rubric.map(\.part))
        var conversation = Conversation(scenario: dialogue, library: library, difficulty: plan.difficulty, seed: plan.seed,
                                        rewriter: try Fixtures.rewriter)
        var credited: [SignalKind: Int] = [:]
        /// Words the coach praised (the credited signals of a reply it praised).
        var praisedWords: [(text: String, kind: SignalKind, line: Int)] = []
        var asked: Set<SignalKind> = []
        var events = conversation.start()
        func note(_ turn: TurnTrace, line number: Int) {
            for said in turn.lines {
                asked.formUnion(said.line.asks)
                if said.text.contains("{") { walk.problems.append("line \(number): unfilled placeholder in \"\(said.text)\"") }
                if said.line.speaker == .partner, let mood = said.line.mood, let openness = said.openness, !mood.fits.contains(openness) {
                    walk.problems.append("line \(number): \"\(said.text)\" sounds \(mood.word), but the meter shows \(openness)")
                }
            }
        }
        note(conversation.lastTurn, line: 0)
        var coachBefore = Set(conversation.lastTurn.lines.filter { $0.line.speaker == .coach }.map(\.text))
        for step in plan.steps {
            guard case let .reply(text, extra, number) = step, !conversation.isFinished else { continue }
            let scored = conversation.dialogueID == dialogue.id && conversation.state?.collect == true && !conversation.isCheckingIn
            let answeringCheckIn = conversation.isCheckingIn
            let stateBefore = conversation.stateID
            let signals = try GoldenPlan.signals(in: text, adding: extra)
            events = conversation.reply(text, signals: signals)
            let turn = conversation.lastTurn
            // A safety question and its answer sit outside the practice: the question just
            // before it is said again on purpose.
            if conversation.isCheckingIn || conversation.outcome == .safetyStop || answeringCheckIn {
                coachBefore = []
                continue
            }
            note(turn, line: number)
            for transition in turn.taken {
                for kind in transition.undoes { credited[kind] = nil }
                for kind in transition.credits where rubric.contains(kind) { credited[kind] = number }
            }
            // A praising coach line comes from a transition that credits something.
            // (A detour, such as the calm-down break, scores nothing and may praise the break.)
            for said in turn.lines where said.line.speaker == .coach && said.line.location.file == dialogue.file
                && said.line.variants.contains(where: praise.praises) {
                let source = turn.taken.first { $0.say.contains(said.line) }
                if source?.credits.isEmpty != false {
                    walk.problems.append("line \(number): \"\(said.text)\" praises, but nothing was credited")
                }
                for signal in signals where source?.credits.contains(signal.kind) == true {
                    praisedWords.append((signal.text, signal.kind, number))
                }
                if turn.kinds.contains(.demand) { walk.problems.append("line \(number): a demand was praised: \"\(said.text)\"") }
            }
            if turn.kinds.contains(.demand), turn.taken.contains(where: { $0.credits.contains(.request) }) {
                walk.problems.append("line \(number): a demand was credited as a request")
            }
            // The partner does not ask for what it was just given.
            for said in turn.lines where said.line.speaker == .partner && scored && !said.line.asks.isEmpty {
                if Set(said.line.asks).isSubset(of: turn.kinds) {
                    walk.problems.append("line \(number): the partner asked for \(said.line.asks.map(\.rawValue)) right after the reply gave it")
                }
            }
            let coachNow = Set(turn.lines.filter { $0.line.speaker == .coach }.map(\.text))
            for text in coachNow.intersection(coachBefore) where turn.lines.contains(where: { $0.text == text && $0.line.variants.count > 1 }) {
                walk.problems.append("line \(number): the coach said \"\(text)\" again, word for word")
            }
            coachBefore = coachNow
            if !conversation.isFinished && turn.lines.isEmpty {
                walk.problems.append("line \(number): the coach said nothing and waited")
            }
            // Moved on to a step whose question was left out (it asked for what the reply
            // gave), and nothing else asks anything: the user is left to guess what comes next.
            if !conversation.isFinished, conversation.dialogueID == dialogue.id, let now = conversation.state,
               now.id != stateBefore, !now.say.isEmpty, now.end == nil,
               !turn.lines.contains(where: { now.say.contains($0.line) || !$0.line.asks.isEmpty }) {
                walk.problems.append("line \(number): moved on to '\(now.id)', but its question was left out and nothing was asked")
            }
        }
        if !conversation.isFinished { events += conversation.finish(.abandoned) }
        guard let (outcome, card) = events.compactMap({ event -> (Outcome, Scorecard)? in
            if case let .ended(outcome, card) = event { return (outcome, card) } else { return nil }
        }).last else {
            walk.problems.append("no end")
            return walk
        }
        walk.card = card
        walk.outcome = outcome
        let met = Set(card.met.compactMap(SignalKind.init(rawValue:)))
        let missed = Set(card.missed.compactMap(SignalKind.init(rawValue:)))
        for (kind, line) in credited where !met.contains(kind) {
            walk.problems.append("the coach credited \(kind.rawValue) at line \(line), but the card does not")
        }
        for kind in missed where !parts.contains(kind) {
            walk.problems.append("the card lists \(kind.rawValue) as missing, but \(plan.difficulty.rawValue) does not ask for it")
        }
        // The card does not warn about words the coach praised.
        for pitfall in card.pitfalls {
            for praised in praisedWords where praised.kind != pitfall.kind && praised.text.contains(pitfall.text) {
                walk.problems.append("the card warns about \"\(pitfall.text)\" (\(pitfall.kind.rawValue)), inside \"\(praised.text)\", which the coach praised at line \(praised.line)")
            }
        }
        if card.next?.lowercased().hasPrefix("next time") == true {
            walk.problems.append("the tip repeats \"Next time\": \(card.next ?? "")")
        }
        if outcome == .completed {
            for kind in missed where !asked.contains(kind) {
                walk.problems.append("the card lists \(kind.rawValue) as missing, but no line asked for it")
            }
        }
        return walk
    }

    @Test(arguments: try GoldenPlan.all())
    func theCoachAgreesWithItself(plan: GoldenPlan) throws {
        let walk = try Self.walk(plan)
        #expect(walk.problems.isEmpty, "\(plan.name): \(walk.problems.joined(separator: "; "))")
    }

    /// The test above finds a disagreement when there is one: a transition that praises
    /// without crediting is caught.
    @Test func aPraiseWithoutCreditIsCaught() throws {
        var library = try Fixtures.library
        var dialogue = try #require(library.dialogue(id: "warm-up"))
        var thanks = try #require(dialogue.states["thanks"])
        thanks.on = thanks.on.map { transition in
            var changed = transition
            changed.credits = []
            return changed
        }
        dialogue.states["thanks"] = thanks
        dialogue.id = "warm-up-edited"
        _ = library.add([dialogue])
        let praise = try Fixtures.compiled.praise
        #expect(CoherenceChecker.check(dialogue, praise: praise).contains { $0.message.contains("credits nothing") })
    }
}
