import Testing
@testable import RapportCore

/// The scorecard as a user reads it, line by line: at the end of a practice and in
/// `rapport transcripts show`.
@Suite struct ScorecardTextTests {
    @Test func everyPartOfTheCardHasItsLine() {
        let card = Scorecard(met: ["remorse"], missed: ["commitment", "repair"],
                             pitfalls: [.init(kind: .excuse, text: "but I was tired"), .init(kind: .minimizing, text: "it's no big deal")],
                             next: "Drop the but.",
                             partNames: ["remorse": "Saying sorry", "commitment": "Saying what will change"])
        #expect(ScorecardText.lines(card, outcome: .completed) == [
            "Scorecard (completed)",
            "  Done well: Saying sorry",
            "  Still to add: Saying what will change, repair",
            "  Watch out for excuses: \"but I was tired\"",
            "  Watch out for making it smaller: \"it's no big deal\"",
            "  Next time: Drop the but.",
        ])
    }

    @Test func anEmptyCardIsTheHeaderAlone() {
        #expect(ScorecardText.lines(Scorecard(), outcome: .quit) == ["Scorecard (you left early)"])
    }

    @Test(arguments: [(Outcome.completed, "completed"), (.quit, "you left early"), (.abandoned, "ended at end of input"),
                      (.interrupted, "interrupted"), (.safetyStop, "paused for your safety")])
    func theHeaderSaysHowItEnded(outcome: Outcome, words: String) {
        #expect(ScorecardText.lines(Scorecard(met: ["x"]), outcome: outcome).first == "Scorecard (\(words))")
    }

    /// Read back later, a safety stop is not a lesson either: nothing "done well" or "still
    /// to add", though the end record keeps what was met.
    @Test func aSafetyStopIsNotMarked() {
        let card = Scorecard(met: ["feeling", "need"], missed: [], pitfalls: [], next: nil)
        let lines = ScorecardText.lines(card, outcome: .safetyStop)
        #expect(lines.count == 2)
        #expect(lines.first == "Scorecard (paused for your safety)")
        #expect(!lines.joined().contains("Done well"))
        #expect(lines.last?.contains("Not marked") == true)
    }

    /// What the user typed is quoted back harmless.
    @Test func quotedWordsAreMadeSafe() {
        let card = Scorecard(pitfalls: [.init(kind: .contempt, text: "whatever\u{1B}[2J")], next: "Try\u{7} again")
        let lines = ScorecardText.lines(card, outcome: .completed)
        #expect(lines == ["Scorecard (completed)", "  Watch out for scorn: \"whatever^[[2J\"", "  Next time: Try^G again"])
    }

    /// `transcripts show` prints the whole card after the conversation.
    @Test func aShownTranscriptEndsWithTheWholeCard() throws {
        let transcript = TranscriptStore.Transcript(id: "x", url: .init(fileURLWithPath: "/x"), records: [
            .turn(speaker: .user, state: "draft", text: "I'm sorry but I was tired", signals: [.remorse, .excuse]),
            .end(outcome: .abandoned, ended: .init(timeIntervalSince1970: 0),
                 scorecard: Scorecard(met: ["remorse"], missed: ["commitment"], pitfalls: [.init(kind: .excuse, text: "but I was tired")])),
        ], skippedLines: 0)
        let text = TranscriptRenderer.text(transcript, title: nil, partnerName: nil, partNames: ["remorse": "Saying sorry"], width: 80)
        #expect(text == """
            You: I'm sorry but I was tired

            Scorecard (ended at end of input)
              Done well: Saying sorry
              Still to add: commitment
              Watch out for excuses: "but I was tired"

            """)
    }
}
