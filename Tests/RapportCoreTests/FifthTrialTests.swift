import Foundation
import Testing
@testable import RapportCore
@testable import RapportModel

/// What a fifth new user met, each pinned by the shape of reply that caused it.
@Suite struct FifthTrialTests: RepliesThroughAnalysis {
    /// Backing down when they brush it off ("ok ur right, forget i said anything") is not
    /// holding the point: the coach says so and waits, instead of "your point still stands".
    @Test func givingThePointUpIsNotHoldingIt() throws {
        var reached = 0
        for seed in UInt64(1)...3 {
            var practice = try conversation("raise-early", seed: seed)
            _ = practice.start()
            var script = ["my flatmate keeps using my oat milk", "my flatmate", "tonight when we're both home",
                          "i feel annoyed when my oat milk runs out", "because i need it for my coffee before work",
                          "could we take turns buying it?", "how has it been for you?", "thanks for hearing me out"]
            var said: [String] = []
            for _ in 0..<14 where !practice.isFinished {
                if practice.stateID == "brush-off" {
                    said = lines(try say(&practice, ["ok ur right im prob overreacting, forget i said anything"]))
                    reached += 1
                    break
                }
                // "ya" is a yes to the harder round.
                let reply = practice.stateID == "settled" ? "ya" : (script.isEmpty ? "ok" : script.removeFirst())
                _ = try say(&practice, [reply])
            }
            guard !said.isEmpty else { continue }
            #expect(!said.joined(separator: " ").contains("still stands"), "seed \(seed): \(said)")
            #expect(said.joined(separator: " ").contains("point"), "seed \(seed): \(said)")
            #expect(practice.stateID == "brush-off", "seed \(seed): it waits for the point again")
        }
        #expect(reached > 0, "no run reached the brush-off")
    }

    /// A push never answered ends on its own line, not on "said kindly, and held".
    @Test func aPushNeverAnsweredIsNotHeld() throws {
        var practice = try conversation("boundary")
        _ = practice.start()
        let events = try say(&practice, ["my brother borrowing money", "I'm not going to lend you money anymore.", "hmm", "well", "idk", "hmm"])
        let said = lines(events).joined(separator: " ")
        #expect(practice.isFinished, "\(said)")
        #expect(!said.contains("held"), "\(said)")
    }

    /// A boundary first said when they push is credited with holding it.
    @Test func aBoundarySaidOnlyAtThePushIsCredited() throws {
        var practice = try conversation("boundary")
        _ = practice.start()
        let events = try say(&practice, ["my brother borrowing money", "hmm", "no", "not sure", "idk",
                                         "I know it's hard, and I'm not going to lend you money anymore."])
        let scorecard = try #require(card(events) ?? (practice.isFinished ? practice.scorecard() : nil))
        #expect(scorecard.met.contains("boundary"), "\(scorecard)")
    }
}
