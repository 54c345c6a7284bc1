import Foundation
import Testing
@testable import RapportCore

/// The coach without a terminal: menu, slash commands, practices and their transcripts.
@Suite struct SessionTests {
    private func session(_ mode: CoachSession.Mode, sink: RecordingSink? = nil, failing: Bool = false) -> CoachSession {
        let options = CoachSession.Options(seed: 1, difficulty: .realistic) { _, _ in
            if failing { throw TranscriptError("the disk is full") }
            return sink
        }
        return CoachSession(library: Fixtures.library, analyzer: Fixtures.analyzer, rewriter: Fixtures.rewriter, options: options, mode: mode)
    }

    private func said(_ outputs: [SessionOutput]) -> [String] {
        outputs.compactMap { if case let .line(_, _, text) = $0 { return text } else { return nil } }
    }

    @Test func menuThenPracticeThenMenuAgain() {
        let sink = RecordingSink()
        let coach = session(.menu, sink: sink)
        let start = coach.start()
        guard case .greeting(let greeting) = start.first, case .menu(let items) = start.last else {
            Issue.record("no greeting and menu")
            return
        }
        #expect(greeting.count == 2)
        #expect(items.map(\.id).contains("warm-up"))
        let number = items.first { $0.id == "warm-up" }!.number
        _ = coach.handle(String(number))
        #expect(coach.inPractice)
        _ = coach.handle("Sam")
        _ = coach.handle("She fed my cat")
        let end = coach.handle("Thank you for feeding my cat, I was so relieved")
        #expect(end.contains { if case .scorecard(_, .completed) = $0 { return true } else { return false } })
        // One line about what next, not the whole menu again.
        #expect(!end.contains { if case .menu = $0 { return true } else { return false } })
        #expect(end.contains { if case .notice(let text) = $0 { return text == CoachSession.whatNext } else { return false } })
        #expect(!coach.inPractice && !coach.isDone)
        guard case let .end(outcome, _, card)? = sink.records.last else {
            Issue.record("no end record")
            return
        }
        #expect(outcome == .completed)
        #expect(card.met == ["appreciation", "i-statement"])
        #expect(sink.records.contains(.turn(speaker: .user, state: "who", text: "Sam", signals: [])))
    }

    @Test func slashCommandsWorkEverywhere() {
        let coach = session(.practice("warm-up"))
        _ = coach.start()
        #expect(coach.handle("/help").contains { if case .notice(let text) = $0 { return text.contains("/rewrite") } else { return false } })
        #expect(coach.handle("/hint").contains { if case .notice(let text) = $0 { return text.contains("friend") } else { return false } })
        let rewritten = coach.handle("/rewrite You never listen to me")
        guard case .rewrite(let result)? = rewritten.first else {
            Issue.record("no rewrite")
            return
        }
        #expect(result.changed)
        #expect(coach.inPractice, "/rewrite does not leave the practice")
        #expect(coach.handle("/nonsense").contains { if case .notice(let text) = $0 { return text.contains("/help") } else { return false } })
        // Nothing scored yet: leaving is no lesson, so there is no scorecard.
        let restart = coach.handle("/restart")
        #expect(!restart.contains { if case .scorecard = $0 { return true } else { return false } })
        #expect(coach.inPractice)
        _ = coach.handle("Sam")
        _ = coach.handle("She fed my cat")
        _ = coach.handle("hmm")
        let quit = coach.handle("/quit")
        #expect(quit.contains { if case .scorecard(_, .quit) = $0 { return true } else { return false } })
        #expect(coach.isDone)
    }

    @Test func endOfInputAndSignalsEndTheSession() {
        let sink = RecordingSink()
        let coach = session(.practice("warm-up"), sink: sink)
        _ = coach.start()
        _ = coach.endOfInput()
        #expect(coach.isDone)
        guard case let .end(outcome, _, _)? = sink.records.last else { Issue.record("no end"); return }
        #expect(outcome == .abandoned)

        let second = RecordingSink()
        let interrupted = session(.practice("warm-up"), sink: second)
        _ = interrupted.start()
        _ = interrupted.interrupt()
        guard case let .end(other, _, _)? = second.records.last else { Issue.record("no end"); return }
        #expect(other == .interrupted)
    }

    @Test func crisisLanguageStopsThePracticeAndPointsToHelp() {
        let sink = RecordingSink()
        let coach = session(.practice("warm-up"), sink: sink)
        _ = coach.start()
        let outputs = coach.handle("honestly I want to die")
        #expect(said(outputs).joined(separator: " ").contains("988"))
        #expect(coach.isDone)
        guard case let .end(outcome, _, _)? = sink.records.last else { Issue.record("no end"); return }
        #expect(outcome == .safetyStop)
        // At the menu too.
        let menu = session(.menu)
        _ = menu.start()
        #expect(said(menu.handle("I want to hurt myself")).joined().contains("emergency"))
    }

    @Test func anUnsavableSessionSaysSoOnceAndGoesOn() {
        let coach = session(.practice("warm-up"), failing: true)
        let start = coach.start()
        #expect(start.contains { if case .notice(let text) = $0 { return text.contains("not being saved") && text.contains("disk is full") } else { return false } })
        #expect(coach.inPractice)
        #expect(!said(coach.handle("Sam")).isEmpty)
    }

    @Test func menuChoicesByNumberNameOrPrefix() {
        for choice in ["warm-up", "warm", "Warm-up", "1"] {
            let coach = session(.menu)
            _ = coach.start()
            _ = coach.handle(choice)
            #expect(coach.scenario?.id == (choice == "1" ? Fixtures.library.scenarios[0].id : "warm-up"), "\(choice)")
        }
        let coach = session(.menu)
        _ = coach.start()
        #expect(coach.handle("99").contains { if case .notice = $0 { return true } else { return false } })
        #expect(coach.handle("").isEmpty)
    }

    @Test func unknownPracticeIsSaidPlainly() {
        let coach = session(.practice("nope"))
        #expect(coach.start().contains { if case .notice(let text) = $0 { return text.contains("no practice called 'nope'") } else { return false } })
        #expect(coach.isDone)
    }
}
