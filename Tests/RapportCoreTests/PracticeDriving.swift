import Testing
@testable import RapportCore
@testable import RapportModel

/// What the trial suites share to drive a built-in practice: start one, read what was said,
/// and the scorecard it ended with.
protocol DrivesPractices {}

extension DrivesPractices {
    func conversation(_ scenario: String, difficulty: Difficulty = .realistic, seed: UInt64 = 1,
                      opening: String? = nil) throws -> Conversation {
        let library = try Fixtures.library
        return Conversation(scenario: library.dialogue(id: scenario)!, library: library, difficulty: difficulty, seed: seed,
                            rewriter: try Fixtures.rewriter, opening: opening)
    }

    func lines(_ events: [EngineEvent]) -> [String] {
        events.compactMap { if case let .say(_, text, _) = $0 { return text } else { return nil } }
    }

    func partnerLines(_ events: [EngineEvent]) -> [String] {
        events.compactMap { if case let .say(.partner, text, _) = $0 { return text } else { return nil } }
    }

    func card(_ events: [EngineEvent]) -> Scorecard? {
        events.compactMap { if case let .ended(_, card) = $0 { return card } else { return nil } }.last
    }
}

/// The same, with each reply read by the real analysis.
protocol RepliesThroughAnalysis: DrivesPractices {}

extension RepliesThroughAnalysis {
    func say(_ conversation: inout Conversation, _ replies: [String]) throws -> [EngineEvent] {
        let analyzer = try Fixtures.analyzer
        return replies.flatMap { conversation.reply($0, signals: analyzer.signals(in: $0)) }
    }
}
