import Foundation
import Testing
@testable import RapportCore

/// The menu takes what people type: a number, an id or title in any case, or a sentence
/// about what is coming up; after a practice it says what next in one line; leaving
/// before anything was scored is no lesson.
@Suite struct MenuTests {
    private func session(_ mode: CoachSession.Mode = .menu, sink: RecordingSink? = nil) throws -> CoachSession {
        let coach = CoachSession(library: try Fixtures.library, analyzer: try Fixtures.analyzer, rewriter: try Fixtures.rewriter,
                                 options: .init(seed: 1, difficulty: .realistic) { _, _ in sink }, mode: mode)
        _ = coach.start()
        return coach
    }

    private func notices(_ outputs: [SessionOutput]) -> [String] {
        outputs.compactMap { if case let .notice(text) = $0 { return text } else { return nil } }
    }

    private func said(_ outputs: [SessionOutput]) -> [String] {
        outputs.compactMap { if case let .line(_, _, text) = $0 { return text } else { return nil } }
    }

    @Test func freeTextOffersThePracticeAndYesStartsIt() throws {
        let coach = try session()
        let offer = coach.handle("I need to apologise to my sister")
        #expect(!coach.inPractice, "one line to confirm first")
        #expect(notices(offer).contains { $0.contains("Rehearse an apology") && $0.contains("(yes / no)") })
        _ = coach.handle("yes")
        #expect(coach.scenario?.id == "apology")
        // It already knows who it is for.
        let draft = coach.handle("I missed her birthday party")
        #expect(said(draft).contains { $0.contains("your sister") })
        #expect(!said(draft).contains { $0.contains("Who is the apology for") })
    }

    /// /restart starts the practice again with the words it was chosen with: it still knows
    /// who the apology is for.
    @Test func restartKeepsWhoItIsFor() throws {
        let coach = try session()
        _ = coach.handle("I need to apologise to my sister")
        _ = coach.handle("y")
        let again = coach.handle("/restart")
        #expect(said(again).contains { $0.contains("your sister") }, "\(said(again))")
        let draft = coach.handle("i yelled at her on the phone and hung up")
        #expect(!said(draft).contains { $0.contains("Who is the apology for") || $0.contains("who do you want to apologise to") })
    }

    @Test func theWarmUpChosenWithAPersonDoesNotAskWhoItIsFor() throws {
        let coach = try session()
        _ = coach.handle("i wanna thank my neighbour")
        let started = coach.handle("yes")
        #expect(coach.scenario?.id == "warm-up")
        #expect(said(started).contains { $0.contains("your neighbour") })
        #expect(!said(started).contains { $0.contains("Who is it") || $0.contains("Who would you like") })
    }

    /// Chosen in words that say what it is about and with whom, a practice does not ask what
    /// it is about again: it goes to the first real step, with the person's name in it.
    @Test(arguments: [("i need to say no to my mum who keeps asking to borrow money", "boundary", "your mum"),
                      ("my sister really hurt me when she made fun of my job at dinner", "hurt", "your sister")])
    func aPracticeChosenWithItsSubjectDoesNotAskForIt(words: String, practice: String, person: String) throws {
        let coach = try session()
        _ = coach.handle(words)
        let started = coach.handle("yes")
        #expect(coach.scenario?.id == practice)
        let lines = said(started)
        #expect(lines.contains { $0.contains(person) }, "\(lines)")
        #expect(!lines.contains { $0.contains("What do you want to set one about") || $0.contains("What would you like to set one about")
            || $0.contains("What happened?") }, "asked again: \(lines)")
    }

    /// Chosen by number, the practice asks its first question as usual; and a person slot
    /// not filled yet is "them", never a raw "{who}".
    @Test func aPracticeChosenByNumberAsksItsFirstQuestion() throws {
        let coach = try session()
        let library = try Fixtures.library
        let number = try #require(library.scenarios.firstIndex { $0.id == "hurt" }) + 1
        let started = coach.handle("\(number)")
        #expect(said(started).contains { $0.contains("What happened") })
        let next = said(coach.handle("it was rude what happened"))
        #expect(next.contains { $0.contains(" them ") } && !next.joined().contains("{"), "\(next)")
    }

    @Test func noToTheOfferGoesBackToChoosing() throws {
        let coach = try session()
        _ = coach.handle("my boss keeps calling me at the weekend")
        let no = coach.handle("no")
        #expect(!coach.inPractice)
        #expect(!notices(no).isEmpty)
        _ = coach.handle("3")
        #expect(coach.inPractice)
    }

    @Test func freeTextFindsEachKindOfPractice() throws {
        let cases = [
            ("I want to say thank you to my neighbour", "warm-up"),
            ("my partner gets defensive whenever I bring anything up", "defensiveness"),
            ("I get jealous when my girlfriend texts her ex", "insecurity"),
            ("my friend hurt me and I want to tell her", "hurt"),
            ("help me rephrase a text I'm about to send", "rewrite"),
        ]
        for (text, id) in cases {
            let coach = try session()
            _ = coach.handle(text)
            _ = coach.handle("yes")
            #expect(coach.scenario?.id == id, "\(text)")
        }
    }

    @Test func unknownTextSaysWhatToType() throws {
        let coach = try session()
        let outputs = coach.handle("banana")
        #expect(notices(outputs).contains { $0.contains("number") })
        #expect(!coach.inPractice)
    }

    @Test func idsInAnyCase() throws {
        for typed in ["APOLOGY", "Apology", "Raise-Early"] {
            let coach = try session()
            _ = coach.handle(typed)
            #expect(coach.inPractice, "\(typed)")
        }
        let direct = try session(.practice("Apology"))
        #expect(direct.scenario?.id == "apology")
    }

    @Test func leavingBeforeAnyReplyIsNoLessonAndProgressLeavesItOut() throws {
        let sink = RecordingSink()
        let coach = try session(.practice("apology"), sink: sink)
        let quit = coach.handle("/quit")
        #expect(!quit.contains { if case .scorecard = $0 { return true } else { return false } })
        guard case let .end(outcome, _, card)? = sink.records.last else {
            Issue.record("no end record")
            return
        }
        #expect(outcome == .quit)
        #expect(card.met.isEmpty && card.missed.isEmpty && card.pitfalls.isEmpty && card.next == nil)
        let left = TranscriptStore.Transcript(id: "l", url: URL(fileURLWithPath: "/dev/null"), records: sink.records, skippedLines: 0)
        let practised = try ReviewTests.session("apology", ReviewTests.strongApology, id: "p")
        let report = ProgressReport(transcripts: [left, practised], library: try Fixtures.library)
        let apology = try #require(report.scenarios.first { $0.id == "apology" })
        #expect(apology.sessions == 1)
        #expect(apology.parts.allSatisfy { $0.marks.count == 1 })
    }
}
