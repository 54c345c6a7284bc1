import Foundation
import Testing
@testable import RapportCore
@testable import RapportModel

/// What a third new user met trying every practice, each pinned down by the shape of reply
/// that caused it (never by the one sentence).
@Suite struct ThirdTrialTests {
    private func conversation(_ scenario: String, difficulty: Difficulty = .realistic, seed: UInt64 = 1,
                              opening: String? = nil) throws -> Conversation {
        let library = try Fixtures.library
        return Conversation(scenario: library.dialogue(id: scenario)!, library: library, difficulty: difficulty, seed: seed,
                            rewriter: try Fixtures.rewriter, opening: opening)
    }

    private func lines(_ events: [EngineEvent]) -> [String] {
        events.compactMap { if case let .say(_, text, _) = $0 { return text } else { return nil } }
    }

    private func partnerLines(_ events: [EngineEvent]) -> [String] {
        events.compactMap { if case let .say(.partner, text, _) = $0 { return text } else { return nil } }
    }

    private func card(_ events: [EngineEvent]) -> Scorecard? {
        events.compactMap { if case let .ended(_, card) = $0 { return card } else { return nil } }.last
    }

    private func say(_ conversation: inout Conversation, _ replies: [String]) throws -> [EngineEvent] {
        let analyzer = try Fixtures.analyzer
        return replies.flatMap { conversation.reply($0, signals: analyzer.signals(in: $0)) }
    }

    // MARK: - The partner

    /// A partner who answers the same way again and again sounds like a recording: while a
    /// line has words they have not said yet this run, they say those, whatever the seed.
    @Test func partnerLinesDoNotRepeatWhileTheyHaveOthers() throws {
        for seed in UInt64(1)...6 {
            var practice = try conversation("defensiveness", seed: seed)
            _ = practice.start()
            let events = try say(&practice, ["being late", "I feel hurt when plans change", "hmm", "right", "ok then"])
            let said = partnerLines(events)
            try #require(said.count >= 3, "seed \(seed): \(said)")
            let state = try #require(Fixtures.library.dialogue(id: "defensiveness")?.states["defended"])
            let loop = try #require(state.otherwise?.say.first { $0.speaker == .partner })
            // The loop's line: as many different words as it has variants before any comes back.
            let looped = said.filter { loop.variants.contains($0) }
            let firstRound = Array(looped.prefix(loop.variants.count))
            #expect(Set(firstRound).count == firstRound.count, "seed \(seed): \(said)")
            for (earlier, later) in zip(said, said.dropFirst()) { #expect(earlier != later, "seed \(seed): \(said)") }
        }
    }
}
