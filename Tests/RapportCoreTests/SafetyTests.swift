import Foundation
import Testing
@testable import RapportCore

/// The safety net (SPEC.md, Safety) in every practice: a risk line pauses and asks once; a
/// clear no goes back to exactly where the practice was and the same words are not asked
/// about again; yes, unsure, silence or anything else is a safety stop; a crisis line stops
/// at once; and a stop is not a lesson.
@Suite struct SafetyTests {
    let analyzer: Analyzer
    let library: DialogueLibrary
    let rewriter: Rewriter

    init() throws {
        analyzer = try Fixtures.analyzer
        library = try Fixtures.library
        rewriter = try Fixtures.rewriter
    }

    static let riskLine = "honestly I just want to disappear for good"
    static let clearNos = ["no", "No, I just mean I'm embarrassed", "nope, not at all", "no I'm fine, just tired", "lol no it was a pillow",
                           "no, I'm not going to hurt myself", "no no one is hurting me"]
    static let notNos = ["yes", "I don't know", "maybe", "kind of", "sometimes", "not sure", "no... but I think about it a lot", "can we just carry on"]

    private static var scenarios: [String] { ((try? Fixtures.library)?.scenarios ?? []).map(\.id) }

    private func lines(_ events: [EngineEvent]) -> [(state: String, text: String)] {
        events.compactMap { if case let .say(_, text, state) = $0 { return (state, text) } else { return nil } }
    }

    private func ended(_ events: [EngineEvent]) -> (Outcome, Scorecard)? {
        events.compactMap { if case let .ended(outcome, card) = $0 { return (outcome, card) } else { return nil } }.last
    }

    /// A practice started and given one ordinary reply, so that it is somewhere in the middle.
    private func midPractice(_ id: String, seed: UInt64 = 3) throws -> (Conversation, [EngineEvent]) {
        let dialogue = try #require(library.dialogue(id: id))
        var conversation = Conversation(scenario: dialogue, library: library, seed: seed, rewriter: rewriter)
        _ = conversation.start()
        let events = conversation.reply("my sister", signals: analyzer.signals(in: "my sister"))
        return (conversation, events)
    }

    private func reply(_ conversation: inout Conversation, _ text: String) -> [EngineEvent] {
        conversation.reply(text, signals: analyzer.signals(in: text))
    }

    /// The blind safety batches (Fixtures/safety) pinned like the analysis fixtures: every
    /// danger line caught and every safe line left alone, except the known misses.
    @Test(arguments: ["A", "B", "C", "D", "E", "F", "G", "H", "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "S11", "S12", "S13", "S14"].map { "safety/batch-\($0).jsonl" })
    func blindBatchesGiveTheirPinnedResult(file: String) throws {
        let known = try Fixtures.knownMisses().filter { $0.hasPrefix(file + " ") }
        var actual: Set<String> = []
        for item in try FixtureCases.safety(file) {
            let found = Set(analyzer.signals(in: item.text).map(\.kind))
            if item.label != "none" && found.isDisjoint(with: [.crisis, .risk]) { actual.insert("\(file) \(item.id): missed danger") }
            if item.label == "none" && found.contains(.crisis) { actual.insert("\(file) \(item.id): false crisis") }
            if item.label == "none" && found.contains(.risk) { actual.insert("\(file) \(item.id): false risk") }
        }
        for error in actual.subtracting(known).sorted() { Issue.record("new miss: \(error)") }
        for fixed in known.subtracting(actual).sorted() { Issue.record("fixed, take it off Fixtures/known-misses.txt: \(fixed)") }
    }

    /// Whose danger the words are about decides the help shown: self-harm acts and means are
    /// about the speaker (they had sat among the being-hurt rules and brought abuse lines),
    /// a blow by someone is being hurt, not trusting oneself near someone is harming others.
    @Test(arguments: [("ive been skipping meals", SafetyTopic.selfHarm),
                      ("I'm on the roof of my building right now", .selfHarm),
                      ("I took a whole packet of them", .selfHarm),
                      ("it felt a bit like tidying up before I go", .selfHarm),
                      ("really my partner broke two of my ribs", .beingHurt),
                      ("I don't trust myself around my stepson when he gets like that", .harmingOthers)])
    func dangerIsAboutTheRightPerson(text: String, topic: SafetyTopic) throws {
        let danger = analyzer.signals(in: text).filter { $0.kind == .crisis || $0.kind == .risk }
        try #require(!danger.isEmpty, "\(text): no danger found")
        #expect(danger.contains { $0.about == topic }, "\(text): \(danger.map { $0.about?.rawValue ?? "-" })")
    }

    @Test func theRiskLineIsRiskNotCrisis() {
        let kinds = Set(analyzer.signals(in: SafetyTests.riskLine).map(\.kind))
        #expect(kinds.contains(.risk))
        #expect(!kinds.contains(.crisis))
    }

    @Test(arguments: scenarios)
    func aRiskLineAsksOnceQuotingTheWords(scenario: String) throws {
        var (conversation, _) = try midPractice(scenario)
        guard !conversation.isFinished else { return }
        let events = reply(&conversation, SafetyTests.riskLine)
        #expect(conversation.isCheckingIn)
        #expect(conversation.position == Conversation.checkInState)
        let said = lines(events)
        #expect(!said.isEmpty && said.allSatisfy { $0.state == Conversation.checkInState })
        let question = said.map(\.text).joined(separator: " ")
        #expect(question.contains("disappear for good"), "the check-in quotes the words: \(question)")
        #expect(question.contains("ending your life"), "the check-in asks plainly: \(question)")
        #expect(ended(events) == nil)
    }

    /// A paused reply that said more than the worrying words is not lost: after a clear no
    /// the practice hears it, as if the check-in had not come between.
    @Test func aClearNoLetsThePracticeHearTheRestOfThePausedReply() throws {
        let dialogue = try #require(library.dialogue(id: "boundary"))
        var conversation = Conversation(scenario: dialogue, library: library, seed: 1, rewriter: rewriter)
        let opening = lines(conversation.start()).last?.text
        let start = conversation.stateID
        let paused = "my mom calls me like 5 times a day at work and gets mad if i dont pick up, its a lot"
        _ = reply(&conversation, paused)
        try #require(conversation.isCheckingIn, "the line is meant to be asked about: \(analyzer.signals(in: paused).map(\.kind))")
        let events = reply(&conversation, "no lol shes just annoying, not dangerous")
        #expect(!conversation.isCheckingIn && !conversation.isFinished)
        #expect(conversation.stateID != start, "the practice heard what they want a boundary about")
        #expect(lines(events).last?.text != opening, "the opening question is not asked again")
        // Typed again, the same words are not asked about, since they were cleared.
        #expect(conversation.clearedRisk.count == 1)
    }

    @Test(arguments: scenarios)
    func aClearNoGoesBackToExactlyWhereItWas(scenario: String) throws {
        for (index, no) in SafetyTests.clearNos.enumerated() {
            var (conversation, before) = try midPractice(scenario, seed: UInt64(index + 1))
            guard !conversation.isFinished else { continue }
            let state = conversation.stateID
            let openness = conversation.partnerOpenness
            let scorecard = conversation.scorecard()
            _ = reply(&conversation, SafetyTests.riskLine)
            let events = reply(&conversation, no)
            #expect(!conversation.isCheckingIn, "\(scenario): '\(no)' is a clear no")
            #expect(!conversation.isFinished, "\(scenario): '\(no)' must not stop")
            #expect(conversation.stateID == state, "\(scenario): back in \(state), not \(conversation.stateID)")
            #expect(conversation.partnerOpenness == openness, "\(scenario): the partner did not hear the paused line")
            #expect(conversation.scorecard() == scorecard, "\(scenario): the paused line counts for nothing")
            // A kind line, then what was said last before the pause, again.
            let said = lines(events).map(\.text)
            let lastPrompt = lines(before).last?.text
            #expect(said.count >= 2, "\(scenario): \(said)")
            #expect(said.last == lastPrompt, "\(scenario): the question before the pause is asked again")
            // The same words, typed again, are not asked about again.
            _ = reply(&conversation, SafetyTests.riskLine.uppercased() + "!")
            #expect(!conversation.isCheckingIn, "\(scenario): the same words are asked about once")
        }
    }

    @Test(arguments: scenarios)
    func anythingButAClearNoIsASafetyStop(scenario: String) throws {
        for answer in SafetyTests.notNos {
            var (conversation, _) = try midPractice(scenario)
            guard !conversation.isFinished else { continue }
            _ = reply(&conversation, SafetyTests.riskLine)
            let events = reply(&conversation, answer)
            let (outcome, card) = try #require(ended(events), "\(scenario): '\(answer)' must stop")
            #expect(outcome == .safetyStop, "\(scenario): '\(answer)'")
            #expect(lines(events).map(\.text).joined().contains("988"), "\(scenario): help is shown")
            #expect(card.missed.isEmpty && card.pitfalls.isEmpty && card.next == nil, "\(scenario): a stop is not a lesson")
        }
    }

    @Test(arguments: scenarios)
    func silenceAfterTheQuestionIsASafetyStop(scenario: String) throws {
        for outcome in [Outcome.abandoned, .quit, .interrupted] {
            var (conversation, _) = try midPractice(scenario)
            guard !conversation.isFinished else { continue }
            _ = reply(&conversation, SafetyTests.riskLine)
            let events = conversation.finish(outcome)
            let (ending, card) = try #require(ended(events))
            #expect(ending == .safetyStop, "\(scenario): \(outcome.rawValue) while asked")
            #expect(card.missed.isEmpty && card.next == nil)
            #expect(lines(events).map(\.text).joined().contains("emergency"))
        }
    }

    @Test(arguments: scenarios)
    func aCrisisLineStopsAtOnceAndTheCardKeepsOnlyWhatWasMet(scenario: String) throws {
        var (conversation, _) = try midPractice(scenario)
        guard !conversation.isFinished else { return }
        let met = conversation.scorecard().met
        let events = reply(&conversation, "I took all my pills an hour ago")
        let (outcome, card) = try #require(ended(events))
        #expect(outcome == .safetyStop)
        #expect(card.met == met)
        #expect(card.missed.isEmpty && card.pitfalls.isEmpty && card.next == nil)
    }

    @Test func theQuestionAndTheStopFitWhatTheWordsAreAbout() throws {
        let cases: [(line: String, question: String, help: String)] = [
            ("he gets really scary when he drinks", "Is someone hurting you", "0808 2000 247"),
            ("I'm scared of what I might do to him", "hurting someone", "988"),
            ("nobody would even miss me if I was gone", "ending your life", "116 123"),
        ]
        for item in cases {
            let signals = analyzer.signals(in: item.line)
            #expect(signals.contains { $0.kind == .risk }, "\(item.line): \(signals.kinds)")
            var (conversation, _) = try midPractice("apology")
            let question = lines(reply(&conversation, item.line)).map(\.text).joined(separator: " ")
            #expect(question.contains(item.question), "\(item.line): \(question)")
            let stop = lines(reply(&conversation, "yes")).map(\.text).joined(separator: " ")
            #expect(stop.contains(item.help), "\(item.line): \(stop)")
        }
    }

    @Test func negationNeverCancelsDanger() {
        for line in ["I'm not sure I want to be here anymore", "I would never hurt myself", "I'm not going to kill myself, don't worry"] {
            let kinds = Set(analyzer.signals(in: line).map(\.kind))
            #expect(kinds.contains(.risk) || kinds.contains(.crisis), "\(line): \(kinds)")
        }
        // Negation asks rather than stops.
        let kinds = Set(analyzer.signals(in: "I would never hurt myself").map(\.kind))
        #expect(kinds.contains(.risk) && !kinds.contains(.crisis))
    }

    @Test func figuresOfSpeechRaiseNothing() {
        for line in ["this commute is killing me", "I could murder a pizza", "my phone died", "I'd kill for a coffee right now",
                     "my mum will kill me when she sees the kitchen", "I nearly died laughing", "got shot five times in the game last night",
                     "I'm cutting back on sugar", "cut my finger chopping onions", "this essay is literally killing me lol"] {
            let kinds = Set(analyzer.signals(in: line).map(\.kind))
            #expect(!kinds.contains(.crisis) && !kinds.contains(.risk), "\(line): \(kinds)")
        }
    }

    /// A laughing emoji is a joke marker like "lol": a stop becomes a question, not nothing.
    /// Play said as play ("as a joke", "messing around") asks rather than stops, like "lol".
    @Test func playSaidAsPlayAsksRatherThanStops() {
        let kinds = Set(analyzer.signals(in: "my little sister punched me in the arm as a joke").map(\.kind))
        #expect(kinds.contains(.risk) && !kinds.contains(.crisis), "\(kinds)")
    }

    @Test func aLaughingEmojiAsksRatherThanStops() {
        for line in ["I want to kill myself 😂", "honestly I want to die 🤣"] {
            let kinds = Set(analyzer.signals(in: line).map(\.kind))
            #expect(kinds.contains(.risk) && !kinds.contains(.crisis), "\(line): \(kinds)")
        }
        #expect(analyzer.signals(in: "honestly I want to die").contains { $0.kind == .crisis })
    }

    /// What the person spoken to did counts as much as what "he" did: the user may be
    /// rehearsing with the person who hurt them.
    @Test func beingHurtByYouIsDangerToo() {
        for line in ["You pinned me against the wall last night", "you threw a glass at me", "If you ever raise your hand to me again I'm leaving"] {
            #expect(analyzer.signals(in: line).contains { $0.kind == .crisis && $0.about == .beingHurt }, "\(line)")
        }
    }

    /// Who does it: a name typed with a capital right before the act, and a person between
    /// "for" and "to", are the one doing it; a capitalised word the vocabulary knows is not.
    @Test func namesAndInfinitiveSubjectsAreWhoDoesIt() {
        for line in ["I couldn't tell anyone that Marco punched me", "Is it normal for my boyfriend to pin me down and slap me?",
                     "the year 10 boys hold me down in the toilets every week"] {
            #expect(analyzer.signals(in: line).contains { ($0.kind == .crisis || $0.kind == .risk) && $0.about == .beingHurt }, "\(line)")
        }
        for line in ["I don't think the moving in expenses will hit me before University pays", "wish for someone to hold my hand"] {
            #expect(!analyzer.signals(in: line).contains { $0.kind == .crisis || $0.kind == .risk }, "\(line)")
        }
    }

    /// Harm to someone else said as a wish in anger is asked about; said as a plan it stops.
    /// A wish to die is never softened this way.
    @Test func aWishToHurtSomeoneAsksAPlanStops() {
        let wish = analyzer.signals(in: "I get so angry I want to smash his face in.")
        #expect(wish.contains { $0.kind == .risk && $0.about == .harmingOthers } && !wish.contains { $0.kind == .crisis })
        #expect(analyzer.signals(in: "I'm driving over to smash his face in right now").contains { $0.kind == .crisis })
        #expect(analyzer.signals(in: "I want to kill myself").contains { $0.kind == .crisis })
    }

    @Test func aLineIsCrisisOrRiskNeverBoth() {
        for line in ["I want to die and I've been giving my things away", "he hit me and he gets scary when he drinks"] {
            let kinds = analyzer.signals(in: line).map(\.kind)
            #expect(kinds.contains(.crisis))
            #expect(!kinds.contains(.risk))
        }
    }

    @Test func twoSignsOfDistressMakeARisk() throws {
        let one = Set(analyzer.signals(in: "I hate myself for forgetting").map(\.kind))
        #expect(!one.contains(.risk))
        let two = analyzer.signals(in: "I hate myself. I feel so worthless and empty.")
        let risk = try #require(two.first(.risk))
        #expect(risk.note?.contains("distress") == true)
    }
}

/// The same safety net around the practices: the menu, `/rewrite`, the transcript, and what
/// is said after a stop.
@Suite struct SafetySessionTests {
    let analyzer: Analyzer
    let library: DialogueLibrary
    let rewriter: Rewriter

    init() throws {
        analyzer = try Fixtures.analyzer
        library = try Fixtures.library
        rewriter = try Fixtures.rewriter
    }

    private func session(_ mode: CoachSession.Mode, sink: RecordingSink? = nil) -> CoachSession {
        let options = CoachSession.Options(seed: 2, difficulty: .realistic) { _, _ in sink }
        return CoachSession(library: library, analyzer: analyzer, rewriter: rewriter, options: options, mode: mode)
    }

    private func said(_ outputs: [SessionOutput]) -> String {
        outputs.compactMap { if case let .line(_, _, text) = $0 { return text } else { return nil } }.joined(separator: " ")
    }

    private func hasScorecard(_ outputs: [SessionOutput]) -> Bool {
        outputs.contains { if case .scorecard = $0 { return true } else { return false } }
    }

    private func hasMenu(_ outputs: [SessionOutput]) -> Bool {
        outputs.contains { if case .menu = $0 { return true } else { return false } }
    }

    @Test func theTranscriptRecordsTheCheckInAsSpecified() throws {
        let sink = RecordingSink()
        let coach = session(.practice("apology"), sink: sink)
        _ = coach.start()
        _ = coach.handle("I forgot my sister's birthday")
        _ = coach.handle(SafetyTests.riskLine)
        _ = coach.handle("no, I'm just embarrassed")
        let checkIn = sink.records.filter {
            if case let .turn(_, state, _, _) = $0 { return state == Conversation.checkInState } else { return false }
        }
        #expect(checkIn.contains { if case let .turn(speaker, _, text, _) = $0 { return speaker == .coach && text.contains("ending your life") } else { return false } })
        #expect(checkIn.contains { if case let .turn(speaker, _, text, signals) = $0 { return speaker == .user && text.hasPrefix("no") && signals?.contains(.decline) == true } else { return false } })
        #expect(coach.inPractice)
    }

    @Test func afterAStopThereIsHelpAndOneQuietLineButNoLesson() throws {
        let sink = RecordingSink()
        let coach = session(.menu, sink: sink)
        _ = coach.start()
        _ = coach.handle("apology")
        let outputs = coach.handle("last night he hit me and I can't stop shaking")
        #expect(said(outputs).contains("emergency"))
        #expect(said(outputs).contains("/scenarios"), "the one quiet line: \(said(outputs))")
        #expect(!hasScorecard(outputs), "no scorecard of still-to-add parts")
        #expect(!hasMenu(outputs), "no practice menu")
        #expect(!outputs.contains { if case .notice(let text) = $0 { return text.contains("Back to the menu") } else { return false } })
        guard case let .end(outcome, _, card)? = sink.records.last else { Issue.record("no end record"); return }
        #expect(outcome == .safetyStop)
        #expect(card.missed.isEmpty && card.pitfalls.isEmpty && card.next == nil)
        #expect(!coach.isDone, "the menu is still there for /scenarios")
        #expect(hasMenu(coach.handle("/scenarios")))
    }

    /// `rapport practice X` does not exit the moment it stops: the help, the one quiet line
    /// naming /scenarios and /quit, and then either of those works, as at the menu.
    @Test func inAPracticeCommandTheStopWaitsForScenariosOrQuit() {
        let coach = session(.practice("warm-up"))
        _ = coach.start()
        let outputs = coach.handle("I want to kill myself")
        #expect(said(outputs).contains("988"))
        #expect(said(outputs).contains("/scenarios") && said(outputs).contains("/quit"), "\(said(outputs))")
        #expect(!hasScorecard(outputs))
        #expect(!hasMenu(outputs))
        #expect(!coach.isDone, "the run waits for /scenarios or /quit")
        #expect(!coach.inPractice)
        #expect(hasMenu(coach.handle("/scenarios")))
        #expect(!coach.isDone)
        _ = coach.handle("/quit")
        #expect(coach.isDone)
    }

    /// After a stop, free text is not read as a choice of practice (the trial's "sorry i didnt
    /// mean to freak u out" was offered the apology practice); a practice picked from the
    /// menu there ends with "What next?", not by leaving the program.
    @Test func afterAStopFreeTextIsNoPracticeChoiceAndTheMenuCarriesOn() {
        let coach = session(.practice("warm-up"))
        _ = coach.start()
        _ = coach.handle("I want to kill myself")
        let after = coach.handle("sorry i didnt mean to freak u out")
        #expect(!after.contains { if case .notice(let text) = $0 { return text.contains("Shall we start") } else { return false } }, "\(after)")
        #expect(after.contains { if case .notice(let text) = $0 { return text.contains("/scenarios") } else { return false } }, "\(after)")
        _ = coach.handle("/scenarios")
        _ = coach.handle("warm-up")
        #expect(coach.inPractice)
        for line in ["Sam", "She fed my cat when I was away", "thank you so much for feeding my cat, I was so relieved",
                     "it meant I could relax", "thanks again", "ok"] where coach.inPractice {
            _ = coach.handle(line)
        }
        #expect(!coach.inPractice, "the warm-up ended on its own")
        #expect(!coach.isDone, "picked from the menu, a practice's end goes back to the menu")
    }

    @Test func atTheMenuARiskLineIsAskedAboutToo() {
        let coach = session(.menu)
        _ = coach.start()
        let asked = coach.handle("honestly I'm thinking of just disappearing for good")
        #expect(said(asked).contains("ending your life"))
        #expect(!coach.inPractice)
        let back = coach.handle("no")
        #expect(said(back).contains("Thank") || said(back).contains("thanks"))
        #expect(back.contains { if case .notice(let text) = $0 { return text.contains("practice") } else { return false } })
        // The same words again: no second question; a menu choice still works.
        let again = coach.handle("honestly I'm thinking of just disappearing for good")
        #expect(!said(again).contains("ending your life"))
        _ = coach.handle("warm-up")
        #expect(coach.inPractice)
    }

    @Test func atTheMenuAnythingButNoAfterTheQuestionStops() {
        for answer in ["yes", "1", "/scenarios", "not sure"] {
            let coach = session(.menu)
            _ = coach.start()
            _ = coach.handle("I've been giving my things away")
            let outputs = coach.handle(answer)
            #expect(said(outputs).contains("emergency"), "'\(answer)': \(said(outputs))")
            #expect(!coach.inPractice, "'\(answer)' does not start a practice")
        }
        let silent = session(.menu)
        _ = silent.start()
        _ = silent.handle("I've been giving my things away")
        #expect(said(silent.endOfInput()).contains("emergency"))
    }

    @Test func rewriteReadsForDangerFirst() {
        let coach = session(.menu)
        _ = coach.start()
        let outputs = coach.handle("/rewrite you never notice, everyone would be better off without me")
        #expect(said(outputs).contains("ending your life"))
        #expect(!outputs.contains { if case .rewrite = $0 { return true } else { return false } })
    }

    @Test func progressLeavesSafetyStopsOutOfItsMarks() throws {
        func saved(_ replies: [String]) -> TranscriptStore.Transcript {
            let sink = RecordingSink()
            let coach = session(.practice("warm-up"), sink: sink)
            _ = coach.start()
            for reply in replies { _ = coach.handle(reply) }
            if !coach.isDone { _ = coach.endOfInput() }
            return TranscriptStore.Transcript(id: "t", url: URL(fileURLWithPath: "/dev/null"), records: sink.records, skippedLines: 0)
        }
        let completed = saved(["Sam", "She fed my cat", "Thank you for feeding my cat, I was so relieved"])
        let stopped = saved(["Sam", "I want to kill myself"])
        #expect(stopped.outcome == .safetyStop)
        let report = ProgressReport(transcripts: [completed, stopped], library: library)
        let warmUp = try #require(report.scenarios.first { $0.id == "warm-up" })
        #expect(warmUp.outcomes[.safetyStop] == 1)
        #expect(!warmUp.parts.isEmpty)
        for part in warmUp.parts {
            #expect(part.askedCount == 1, "\(part.part): a safety stop gives no mark")
        }
    }
}
