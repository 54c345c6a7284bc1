import Foundation
import Testing
@testable import RapportCore

/// `rapport progress` and `rapport replay`: what they compute from saved sessions.
@Suite struct ReviewTests {
    /// Runs `replies` through a real coach session and returns what it saved.
    static func session(_ scenario: String, _ replies: [String], seed: UInt64 = 1, library: DialogueLibrary = Fixtures.library,
                        id: String = "s") -> TranscriptStore.Transcript {
        let sink = RecordingSink()
        let coach = CoachSession(library: library, analyzer: Fixtures.analyzer, rewriter: Fixtures.rewriter,
                                 options: .init(seed: seed, difficulty: .realistic, openTranscript: { _, _ in sink }),
                                 mode: .practice(scenario))
        _ = coach.start()
        for reply in replies { _ = coach.handle(reply) }
        if !coach.isDone { _ = coach.endOfInput() }
        return TranscriptStore.Transcript(id: id, url: URL(fileURLWithPath: "/dev/null"), records: sink.records, skippedLines: 0)
    }

    static let strongApology = [
        // The situation names her, so the coach does not ask who it is for.
        "I forgot my sister's birthday",
        "I'm sorry I forgot your birthday. I know it hurt you, and I'll put birthdays in my calendar from now on.",
        "I'd like to take you to dinner to make it up to you.",
    ]

    @Test func progressChartsEachPartPerSessionOldestFirst() {
        let weak = Self.session("apology", ["I was rude to Sam", "Sam", "I'm sorry but I was tired"], id: "a1")
        let strong = Self.session("apology", Self.strongApology, id: "a2")
        var cutOff = Self.session("apology", ["I shouted", "Jo"], id: "a3")
        cutOff.records.removeLast()  // killed before its end record
        let report = ProgressReport(transcripts: [weak, strong, cutOff], library: Fixtures.library)

        let apology = try! #require(report.scenarios.first)
        #expect(apology.id == "apology" && apology.sessions == 3)
        #expect(apology.outcomes[.abandoned] == 1 && apology.outcomes[.completed] == 1 && apology.outcomes[nil] == 1)
        let remorse = try! #require(apology.parts.first { $0.part == "remorse" })
        #expect(remorse.marks == [true, true, nil])
        let commitment = try! #require(apology.parts.first { $0.part == "commitment" })
        #expect(commitment.marks == [false, true, nil])
        #expect(commitment.name == "Saying what will change")
        #expect(apology.pitfalls.first?.kind == .excuse)
        #expect(apology.pitfalls.first?.example == "but I was tired")

        let text = ProgressRenderer.text(report, glyphs: .plain)
        #expect(text.contains("3 sessions: 1 completed, 1 abandoned, 1 cut off"))
        #expect(text.contains(".#-  1 of 2"), "commitment: missed, met, cut off")
        #expect(text.contains("Most common pitfall: excuse (once), last seen in \"but I was tired\""))
    }

    @Test func progressWithNothingSavedSaysSo() {
        let report = ProgressReport(transcripts: [], library: Fixtures.library)
        #expect(ProgressRenderer.text(report, glyphs: .plain).contains("No finished practice sessions yet"))
    }

    @Test func progressQuotesTypedTextSafely() {
        let hostile = Self.session("apology", ["x", "y", "I'm sorry but \u{1B}[2Jyou made me"], id: "h")
        let text = ProgressRenderer.text(ProgressReport(transcripts: [hostile], library: Fixtures.library), glyphs: .terminal)
        #expect(!text.contains("\u{1B}"))
    }

    @Test func replayOfAnUnchangedDialogueIsTheSame() throws {
        let saved = Self.session("apology", Self.strongApology, seed: 7)
        let report = try ReplayReport(replaying: saved, library: Fixtures.library, analyzer: Fixtures.analyzer, rewriter: Fixtures.rewriter)
        #expect(report.steps.count == Self.strongApology.count)
        #expect(report.firstDivergence == nil)
        #expect(report.endsTheSame)
        #expect(ReplayRenderer.text(report).contains("Same path, same ending."))
    }

    @Test func replayFindsWhereAnEditedDialogueTakesAnotherPath() throws {
        let replies = ["I snapped at Sam", "Sam", "I'm sorry but I was tired", "I'm sorry I snapped. I know it hurt, and next time I'll take a breath first."]
        let saved = Self.session("apology", replies)
        // The edit: the draft step gives up after one try instead of five.
        let source = Fixtures.text("../../../Dialogues/apology.yaml").replacingOccurrences(of: "after: 5", with: "after: 1")
        let (edited, problems) = DialogueLoader.load(source, file: "apology.yaml")
        #expect(problems.isEmpty)
        let base = Fixtures.library
        let library = DialogueLibrary(base.dialogues.map { $0.id == "apology" ? edited! : $0 }, reflections: base.reflections)

        let report = try ReplayReport(replaying: saved, library: library, analyzer: Fixtures.analyzer, rewriter: Fixtures.rewriter)
        #expect(report.firstDivergence == 3, "the fourth reply was given in 'draft' then, in 'react' now")
        #expect(report.steps[3].recordedState == "draft" && report.steps[3].replayedState == "react")
        #expect(!report.isSame)
        #expect(ReplayRenderer.text(report).contains("draft → now react"))
    }

    @Test func replayNeedsASessionRecordAndAKnownScenario() {
        let empty = TranscriptStore.Transcript(id: "e", url: URL(fileURLWithPath: "/dev/null"), records: [], skippedLines: 2)
        #expect(throws: ReplayError.self) {
            try ReplayReport(replaying: empty, library: Fixtures.library, analyzer: Fixtures.analyzer, rewriter: nil)
        }
        let retired = TranscriptStore.Transcript(id: "r", url: URL(fileURLWithPath: "/dev/null"),
                                                 records: [.session(scenario: "gone", started: Date(), version: "0", seed: 1, difficulty: nil)],
                                                 skippedLines: 0)
        #expect(throws: ReplayError.self) {
            try ReplayReport(replaying: retired, library: Fixtures.library, analyzer: Fixtures.analyzer, rewriter: nil)
        }
    }
}
