import Foundation
import Testing
@testable import RapportCore
@testable import RapportModel

/// What a second new user met driving the real binary, each pinned down by its cause.
@Suite struct SecondTrialTests {
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

    /// Each reply through the real analysis, with extra kinds where the analysis does not
    /// read them yet (NOTES-FOR-ANALYSIS.md).
    private func say(_ conversation: inout Conversation, _ replies: [String], adding extra: [String: [SignalKind]] = [:])
        throws -> [EngineEvent] {
        var events: [EngineEvent] = []
        for reply in replies {
            events += conversation.reply(reply, signals: try GoldenPlan.signals(in: reply, adding: extra[reply] ?? []))
        }
        return events
    }

    // MARK: - 1. Praise and the card agree

    /// On gentle the rubric does not ask for an offer to make it right, but when the coach
    /// praises one ("…and an offer to make it right"), the card says so too.
    @Test func whatTheCoachPraisesIsOnTheCardAtEveryDifficulty() throws {
        var apology = try conversation("apology", difficulty: .gentle, seed: 21)
        _ = apology.start()
        let offer = "im so sorry i forgot ur birthday, that was on me. ill put it in my calendar so it never happens again. can i buy u a coffee to make up for it?"
        let events = try say(&apology, ["i forgot my sisters birthday", offer])
        #expect(lines(events).contains { $0.contains("offer") || $0.contains("put it right") }, "\(lines(events))")
        let scorecard = try #require(card(apology.finish(.abandoned)))
        #expect(scorecard.met.contains("repair"), "\(scorecard.met)")
        #expect(!scorecard.missed.contains("repair"), "gentle does not ask for it")
    }

    /// "Sorted: a small proposal they could say yes to" credits the proposal, and the card
    /// shows it on realistic, where the rubric only asks for it from tough.
    @Test func aProposalPraisedInDefensivenessIsOnTheCard() throws {
        var practice = try conversation("defensiveness")
        _ = practice.start()
        let events = try say(&practice, [
            "the dishes", "I feel stretched when the dishes pile up",
            "I can see why that feels unfair, you do a lot around here",
            "you're right, I haven't said thanks much. So it feels like what you do isn't noticed",
            "Could we take turns with the dishes, one week each?",
        ])
        let said = lines(events)
        #expect(said.contains { $0.contains("proposal") }, "\(said)")
        let scorecard = try #require(card(events))
        #expect(scorecard.met.contains("request"), "\(scorecard.met)")
    }

    /// "Can we talk about the dishes?" as the opening line is not "Ending with a proposal".
    @Test func anOpeningAskToTalkIsNotTheProposalAtTheEnd() throws {
        var practice = try conversation("defensiveness", difficulty: .tough)
        _ = practice.start()
        _ = try say(&practice, ["the dishes", "hey can we talk about the dishes"])
        let scorecard = try #require(card(practice.finish(.quit)))
        #expect(!scorecard.met.contains("request"), "\(scorecard.met)")
    }
}
