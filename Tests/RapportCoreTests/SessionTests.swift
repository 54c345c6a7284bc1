import Foundation
import Testing
@testable import RapportCore

/// The coach without a terminal: menu, slash commands, practices and their transcripts.
@Suite struct SessionTests {
    let library: DialogueLibrary
    let analyzer: Analyzer
    let rewriter: Rewriter

    init() throws {
        library = try Fixtures.library
        analyzer = try Fixtures.analyzer
        rewriter = try Fixtures.rewriter
    }

    private func session(_ mode: CoachSession.Mode, sink: RecordingSink? = nil, failing: Bool = false) -> CoachSession {
        let options = CoachSession.Options(seed: 1, difficulty: .realistic) { _, _ in
            if failing { throw TranscriptError("the disk is full") }
            return sink
        }
        return CoachSession(library: library, analyzer: analyzer, rewriter: rewriter, options: options, mode: mode)
    }

    private func said(_ outputs: [SessionOutput]) -> [String] {
        outputs.compactMap { if case let .line(_, _, text) = $0 { return text } else { return nil } }
    }

    private func notices(_ outputs: [SessionOutput]) -> [String] {
        outputs.compactMap { if case let .notice(text) = $0 { return text } else { return nil } }
    }

    private func scorecards(_ outputs: [SessionOutput]) -> [Outcome] {
        outputs.compactMap { if case let .scorecard(_, outcome) = $0 { return outcome } else { return nil } }
    }

    @Test func menuThenPracticeThenMenuAgain() throws {
        let sink = RecordingSink()
        let coach = session(.menu, sink: sink)
        let start = coach.start()
        guard case .greeting(let greeting) = start.first, case .menu(let items) = start.last else {
            Issue.record("no greeting and menu: \(start)")
            return
        }
        #expect(greeting.count == 2)
        #expect(items.map(\.id).contains("warm-up"))
        let number = try #require(items.first { $0.id == "warm-up" }).number
        _ = coach.handle(String(number))
        #expect(coach.inPractice)
        _ = coach.handle("Sam")
        _ = coach.handle("She fed my cat")
        let end = coach.handle("Thank you for feeding my cat, I was so relieved")
        #expect(scorecards(end) == [.completed])
        // One line about what next, not the whole menu again.
        #expect(!end.contains { if case .menu = $0 { return true } else { return false } })
        #expect(notices(end).contains(CoachSession.whatNext))
        #expect(!coach.inPractice && !coach.isDone)
        let (outcome, card) = try #require(sink.ends.last, "no end record")
        #expect(sink.ends.count == 1)
        #expect(outcome == .completed)
        #expect(card.met == ["appreciation", "i-statement"])
        #expect(sink.records.contains(.turn(speaker: .user, state: "who", text: "Sam", signals: [])))
    }

    /// Each user turn is saved with the kinds found in it: what `replay` and `progress`
    /// read back later. A line with nothing in it is saved with an empty list, not none.
    @Test func userTurnsAreSavedWithTheirSignals() throws {
        let sink = RecordingSink()
        let coach = session(.practice("warm-up"), sink: sink)
        _ = coach.start()
        for line in ["Sam", "She fed my cat", "Thank you for feeding my cat, I was so relieved"] { _ = coach.handle(line) }
        let turns = sink.userTurns
        #expect(turns.map(\.text) == ["Sam", "She fed my cat", "Thank you for feeding my cat, I was so relieved"])
        #expect(turns.first?.signals == [])
        let thanks = try #require(turns.last?.signals)
        #expect(Set(thanks).isSuperset(of: [.appreciation, .feeling]), "\(thanks)")
        // The coach's and partner's turns carry no signals field at all.
        for case let .turn(speaker, _, _, signals) in sink.records where speaker != .user {
            #expect(signals == nil)
        }
    }

    /// A reply that leaves the practice for a detour or the safety flow is saved with its kinds too.
    @Test func aCrisisReplyIsSavedWithItsCrisisSignal() throws {
        let sink = RecordingSink()
        let coach = session(.practice("warm-up"), sink: sink)
        _ = coach.start()
        _ = coach.handle("I want to kill myself")
        #expect(sink.userTurns.last?.signals?.contains(.crisis) == true)
        #expect(sink.ends.map(\.outcome) == [.safetyStop])
    }

    /// Under `--no-save` `/help` does not promise that the session is saved; Ctrl-D at a
    /// terminal says goodbye as /quit does, and a script's end of input does not.
    @Test func helpKnowsAboutNoSaveAndCtrlDSaysGoodbye() throws {
        let unsaved = CoachSession(library: library, analyzer: analyzer, rewriter: rewriter,
                                   options: .init(seed: 1, difficulty: .realistic, saving: false) { _, _ in nil }, mode: .practice("warm-up"))
        _ = unsaved.start()
        let help = notices(unsaved.handle("/help")).joined()
        #expect(help.contains("/quit") && !help.contains("your session is saved"), "\(help)")
        #expect(notices(unsaved.endOfInput(goodbye: true)).contains { $0.hasPrefix("Bye") })
        let saved = session(.menu)
        _ = saved.start()
        #expect(notices(saved.handle("/help")).joined().contains("your session is saved"))
        #expect(!notices(saved.endOfInput()).contains { $0.hasPrefix("Bye") }, "a script's last line is not a goodbye")
    }

    /// A bare label at /rewrite: the coach asks what happened, and the answer goes where the
    /// blank was, in the user's words; no blank or bracket reaches the user. A command
    /// instead of an answer still runs, and the question is dropped.
    @Test func aBareLabelAtRewriteIsAskedAboutAndTheAnswerPutIn() throws {
        let coach = session(.practice("warm-up"))
        _ = coach.start()
        let asked = coach.handle("/rewrite ur so selfish")
        #expect(said(asked) == ["What did they do, that time, that felt selfish? Say it in a line, and I'll put it in."])
        let answered = coach.handle("left me at the party to go talk to ur mates")
        guard case .rewrite(let result)? = answered.first else {
            Issue.record("no rewrite: \(answered)")
            return
        }
        #expect(result.rewrite.hasPrefix("I feel hurt when you left me at the party to go talk to your mates, because I need"), "\(result.rewrite)")
        #expect(!result.rewrite.contains("___") && !result.rewrite.contains("["))
        #expect(result.notes.first?.kind == "answered")
        #expect(coach.inPractice)
        _ = coach.handle("/rewrite you're a terrible listener")
        #expect(notices(coach.handle("/hint")).contains { $0.contains("friend") }, "a command is not an answer")
        let later = coach.handle("/rewrite You never listen to me")
        guard case .rewrite(let plain)? = later.first else {
            Issue.record("no rewrite: \(later)")
            return
        }
        #expect(plain.rewrite.hasPrefix("I feel unheard when you don't listen"))
    }

    /// A practice that shows the rewrite of a bare label ("{rewrite}" in the hurt and rewrite
    /// practices) never shows the blank: it says the feeling and the need without it, and
    /// the note asks what happened. The blank is for `rapport rewrite` only.
    @Test(arguments: [("hurt", ["my sister said something mean at dinner", "you're so selfish"]),
                      ("rewrite", ["you're so selfish"]), ("rewrite", ["You embarrassed me in front of my friends."])])
    func aPracticeNeverShowsTheBlank(practice: String, replies: [String]) throws {
        let coach = session(.practice(practice))
        var lines = said(coach.start())
        for reply in replies { lines += said(coach.handle(reply)) }
        let shown = lines.filter { $0.contains("because I need") }
        #expect(!shown.isEmpty, "\(lines)")
        for line in lines { #expect(!line.contains("___") && !line.contains("["), "\(line)") }
        if practice == "rewrite" {
            #expect(lines.contains { $0.contains("What did they do, that time") || $0.contains("What happened, that one time") }, "\(lines)")
        }
    }

    @Test func slashCommandsWorkEverywhere() throws {
        let coach = session(.practice("warm-up"))
        _ = coach.start()
        #expect(notices(coach.handle("/help")).contains { $0.contains("/rewrite") })
        #expect(notices(coach.handle("/hint")).contains { $0.contains("friend") })
        let rewritten = coach.handle("/rewrite You never listen to me")
        guard case .rewrite(let result)? = rewritten.first else {
            Issue.record("no rewrite: \(rewritten)")
            return
        }
        #expect(result.changed)
        #expect(coach.inPractice, "/rewrite does not leave the practice")
        #expect(notices(coach.handle("/nonsense")).contains { $0.contains("/help") })
        // Nothing scored yet: leaving is no lesson, so there is no scorecard.
        let restart = coach.handle("/restart")
        #expect(scorecards(restart).isEmpty)
        #expect(coach.inPractice)
        _ = coach.handle("Sam")
        _ = coach.handle("She fed my cat")
        _ = coach.handle("hmm")
        let quit = coach.handle("/quit")
        #expect(scorecards(quit) == [.quit])
        #expect(coach.isDone)
    }

    /// `/quit` ends the saved session with an end record and its scorecard, like any ending.
    @Test(arguments: ["/quit", "/exit", "/q"])
    func quittingWritesTheEndRecord(command: String) throws {
        let sink = RecordingSink()
        let coach = session(.practice("warm-up"), sink: sink)
        _ = coach.start()
        for line in ["Sam", "She fed my cat", "thanks"] { _ = coach.handle(line) }
        _ = coach.handle(command)
        #expect(coach.isDone)
        guard case let .end(outcome, _, card)? = sink.records.last else {
            Issue.record("the last record is not an end record: \(String(describing: sink.records.last))")
            return
        }
        #expect(sink.ends.count == 1)
        #expect(outcome == .quit)
        #expect(card.met == ["appreciation"] && card.missed == ["i-statement"])
    }

    /// `/restart` and `/scenarios` close the session they leave with its own end record.
    @Test func restartingClosesOneSessionAndOpensAnother() throws {
        let sink = RecordingSink()
        let coach = session(.menu, sink: sink)
        _ = coach.start()
        _ = coach.handle("warm-up")
        _ = coach.handle("Sam")
        _ = coach.handle("/restart")
        _ = coach.handle("/scenarios")
        let kinds = sink.records.map { record -> String in
            switch record {
            case .session: return "session"
            case let .turn(speaker, _, _, _): return speaker.rawValue
            case let .end(outcome, _, _): return "end:" + outcome.rawValue
            }
        }
        let skeleton = kinds.filter { $0 == "session" || $0.hasPrefix("end:") }
        #expect(skeleton == ["session", "end:quit", "session", "end:quit"], "\(kinds)")
    }

    /// Starting over after some replies shows no "you left early" card (the trial read it as
    /// a lesson), but the transcript still closes the session with its scorecard.
    @Test func restartingAfterRepliesShowsNoCardButRecordsOne() throws {
        let sink = RecordingSink()
        let coach = session(.practice("apology"), sink: sink)
        _ = coach.start()
        for line in ["I forgot my sister's birthday", "sorry i forgot your birthday"] { _ = coach.handle(line) }
        let restart = coach.handle("/restart")
        #expect(scorecards(restart).isEmpty, "\(restart)")
        #expect(notices(restart).contains("Starting again."))
        guard let (outcome, card) = sink.ends.first else {
            Issue.record("no end record: \(sink.records)")
            return
        }
        #expect(outcome == .quit)
        #expect(card.met.contains("remorse"), "\(card)")
    }

    @Test func endOfInputAndSignalsEndTheSession() throws {
        let sink = RecordingSink()
        let coach = session(.practice("warm-up"), sink: sink)
        _ = coach.start()
        for line in ["Sam", "She fed my cat", "thanks"] { _ = coach.handle(line) }
        let ended = coach.endOfInput()
        #expect(coach.isDone)
        #expect(scorecards(ended) == [.abandoned])
        guard case let .end(outcome, _, card)? = sink.records.last else { Issue.record("no end record after end of input"); return }
        #expect(outcome == .abandoned)
        #expect(card.missed == ["i-statement"])
        #expect(sink.ends.count == 1)

        let second = RecordingSink()
        let interrupted = session(.practice("warm-up"), sink: second)
        _ = interrupted.start()
        // Nothing scored yet: the session still ends with its record, but shows no card.
        #expect(scorecards(interrupted.interrupt()).isEmpty)
        #expect(interrupted.isDone)
        guard case let .end(other, _, _)? = second.records.last else { Issue.record("no end record after a signal"); return }
        #expect(other == .interrupted)
        #expect(second.ends.count == 1)
    }

    /// A session that has already ended (completed, or stopped for safety) is not ended again
    /// by end of input.
    @Test func anEndedSessionIsNotEndedTwice() throws {
        let sink = RecordingSink()
        let coach = session(.practice("warm-up"), sink: sink)
        _ = coach.start()
        for line in ["Sam", "She fed my cat", "Thank you for feeding my cat, I was so relieved"] { _ = coach.handle(line) }
        #expect(coach.isDone)
        #expect(coach.endOfInput().isEmpty)
        #expect(sink.ends.map(\.outcome) == [.completed])
    }

    @Test func crisisLanguageStopsThePracticeAndPointsToHelp() throws {
        let sink = RecordingSink()
        let coach = session(.practice("warm-up"), sink: sink)
        _ = coach.start()
        let outputs = coach.handle("honestly I want to die")
        #expect(said(outputs).joined(separator: " ").contains("988"))
        #expect(!coach.inPractice)
        #expect(!coach.isDone, "waits for /scenarios or /quit")
        guard case let .end(outcome, _, _)? = sink.records.last else { Issue.record("no end record"); return }
        #expect(outcome == .safetyStop)
        // At the menu too.
        let menu = session(.menu)
        _ = menu.start()
        #expect(said(menu.handle("I want to hurt myself")).joined().contains("emergency"))
    }

    @Test func anUnsavableSessionSaysSoOnceAndGoesOn() {
        let coach = session(.practice("warm-up"), failing: true)
        let start = coach.start()
        #expect(notices(start).contains { $0.contains("not being saved") && $0.contains("disk is full") })
        #expect(coach.inPractice)
        #expect(!said(coach.handle("Sam")).isEmpty)
    }

    @Test func menuChoicesByNumberNameOrPrefix() {
        for choice in ["warm-up", "warm", "Warm-up", "1"] {
            let coach = session(.menu)
            _ = coach.start()
            _ = coach.handle(choice)
            #expect(coach.scenario?.id == (choice == "1" ? library.scenarios.first?.id : "warm-up"), "\(choice)")
        }
        let coach = session(.menu)
        _ = coach.start()
        #expect(!notices(coach.handle("99")).isEmpty)
        #expect(coach.handle("").isEmpty)
    }

    @Test func unknownPracticeIsSaidPlainly() {
        let coach = session(.practice("nope"))
        #expect(notices(coach.start()).contains { $0.contains("no practice called 'nope'") })
        #expect(coach.isDone)
    }
}
