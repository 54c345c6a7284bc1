import Foundation
import Testing
@testable import RapportCore

/// `rapport progress` and `rapport replay`: what they compute from saved sessions.
@Suite struct ReviewTests {
    /// Runs `replies` through a real coach session and returns what it saved.
    static func session(_ scenario: String, _ replies: [String], seed: UInt64 = 1, id: String = "s") throws -> TranscriptStore.Transcript {
        let sink = RecordingSink()
        let coach = CoachSession(library: try Fixtures.library, analyzer: try Fixtures.analyzer, rewriter: try Fixtures.rewriter,
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

    @Test func progressChartsEachPartPerSessionOldestFirst() throws {
        let weak = try Self.session("apology", ["I was rude to Sam", "Sam", "I'm sorry but I was tired"], id: "a1")
        let strong = try Self.session("apology", Self.strongApology, id: "a2")
        var cutOff = try Self.session("apology", ["I shouted", "Jo"], id: "a3")
        cutOff.records.removeLast()  // killed before its end record
        let report = ProgressReport(transcripts: [weak, strong, cutOff], library: try Fixtures.library)

        let apology = try #require(report.scenarios.first)
        #expect(apology.id == "apology" && apology.sessions == 3)
        #expect(apology.outcomes[.abandoned] == 1 && apology.outcomes[.completed] == 1 && apology.outcomes[nil] == 1)
        let remorse = try #require(apology.parts.first { $0.part == "remorse" })
        #expect(remorse.marks == [true, true, nil])
        let commitment = try #require(apology.parts.first { $0.part == "commitment" })
        #expect(commitment.marks == [false, true, nil])
        #expect(commitment.name == "Saying what will change")
        #expect(apology.pitfalls.first?.kind == .excuse)
        #expect(apology.pitfalls.first?.example == "but I was tired")

        let text = ProgressRenderer.text(report, glyphs: .plain)
        #expect(text.contains("3 sessions: 1 completed, 1 abandoned, 1 cut off"))
        #expect(text.contains(".#-  1 of 2"), "commitment: missed, met, cut off")
        #expect(text.contains("Most common pitfall: excuses (once), last seen in \"but I was tired\""))
    }

    @Test func progressWithNothingSavedSaysSo() throws {
        let report = ProgressReport(transcripts: [], library: try Fixtures.library)
        #expect(ProgressRenderer.text(report, glyphs: .plain).contains("No finished practice sessions yet"))
    }

    /// A saved pitfall quotes what was typed, escapes and all; progress shows it made harmless.
    @Test func progressQuotesTypedTextSafely() throws {
        let started = Date(timeIntervalSince1970: 1_795_000_000)
        let typed = "but \u{1B}[2Jyou made me"
        let hostile = TranscriptStore.Transcript(id: "h", url: URL(fileURLWithPath: "/dev/null"), records: [
            .session(scenario: "apology", started: started, version: "0", seed: 1, difficulty: .realistic),
            .turn(speaker: .user, state: "draft", text: "I'm sorry " + typed, signals: [.remorse, .excuse]),
            .end(outcome: .abandoned, ended: started, scorecard: Scorecard(met: ["remorse"], missed: ["commitment"],
                                                                          pitfalls: [.init(kind: .excuse, text: typed)])),
        ], skippedLines: 0)
        let text = ProgressRenderer.text(ProgressReport(transcripts: [hostile], library: try Fixtures.library), glyphs: .terminal)
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("\"but ^[[2Jyou made me\""), "the typed escape is shown, made harmless: \(text)")
    }

    /// Replayed against the same dialogues, a session takes the same path; both the saved
    /// run and the replay are checked against the path the apology dialogue lays out.
    @Test func replayOfAnUnchangedDialogueIsTheSame() throws {
        let saved = try Self.session("apology", Self.strongApology, seed: 7)
        let report = try ReplayReport(replaying: saved, library: try Fixtures.library, analyzer: try Fixtures.analyzer, rewriter: try Fixtures.rewriter)
        // The situation names her, so "who" is skipped.
        let path = ["what", "draft", "react"]
        try #require(report.steps.map(\.recordedState) == path)
        #expect(report.steps.map(\.replayedState) == path)
        #expect(report.steps.map(\.text) == Self.strongApology)
        #expect(report.steps[1].recordedSignals.map { Set($0).isSuperset(of: [.remorse, .acknowledgement, .commitment]) } == true,
                "the saved turn carries its signals: \(String(describing: report.steps[1].recordedSignals))")
        #expect(report.steps.filter(\.signalsDiffer).isEmpty)
        #expect(report.firstDivergence == nil)
        #expect(report.recordedOutcome == .completed && report.replayedOutcome == .completed)
        #expect(Set(report.replayedScorecard.met) == ["acknowledgement", "remorse", "commitment", "repair"])
        #expect(report.endsTheSame)
        #expect(ReplayRenderer.text(report).contains("Same path, same ending."))
    }

    @Test func replayFindsWhereAnEditedDialogueTakesAnotherPath() throws {
        let replies = ["I snapped at Sam", "Sam", "I'm sorry but I was tired", "I'm sorry I snapped. I know it hurt, and next time I'll take a breath first."]
        let saved = try Self.session("apology", replies)
        // The edit: the draft step gives up after one try instead of five.
        let original = try Fixtures.text("../../../Dialogues/apology.yaml")
        try #require(original.contains("after: 5"), "the edit this test makes no longer applies to apology.yaml")
        let (loaded, problems) = DialogueLoader.load(original.replacingOccurrences(of: "after: 5", with: "after: 1"), file: "apology.yaml")
        #expect(problems.isEmpty)
        let edited = try #require(loaded)
        let base = try Fixtures.library
        let library = DialogueLibrary(base.dialogues.map { $0.id == "apology" ? edited : $0 }, reflections: base.reflections)

        let report = try ReplayReport(replaying: saved, library: library, analyzer: try Fixtures.analyzer, rewriter: try Fixtures.rewriter)
        #expect(report.firstDivergence == 3, "the fourth reply was given in 'draft' then, in 'react' now")
        try #require(report.steps.count == replies.count)
        #expect(report.steps[3].recordedState == "draft" && report.steps[3].replayedState == "react")
        #expect(!report.isSame)
        #expect(ReplayRenderer.text(report).contains("draft → now react"))
    }

    @Test func replayNeedsASessionRecordAndAKnownScenario() throws {
        let library = try Fixtures.library
        let analyzer = try Fixtures.analyzer
        let empty = TranscriptStore.Transcript(id: "e", url: URL(fileURLWithPath: "/dev/null"), records: [], skippedLines: 2)
        #expect(throws: ReplayError.self) {
            try ReplayReport(replaying: empty, library: library, analyzer: analyzer, rewriter: nil)
        }
        let retired = TranscriptStore.Transcript(id: "r", url: URL(fileURLWithPath: "/dev/null"),
                                                 records: [.session(scenario: "gone", started: Date(), version: "0", seed: 1, difficulty: nil)],
                                                 skippedLines: 0)
        #expect(throws: ReplayError.self) {
            try ReplayReport(replaying: retired, library: library, analyzer: analyzer, rewriter: nil)
        }
    }
}
