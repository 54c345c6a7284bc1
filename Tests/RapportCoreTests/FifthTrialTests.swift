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
            var said: [String] = []
            for reply in ["my flatmate keeps using my oat milk", "my flatmate", "tonight", "i feel annoyed when my oat milk runs out",
                          "because i need to know it's there in the morning", "could you buy your own?", "ok ur right im prob overreacting, forget i said anything"] {
                said = lines(try say(&practice, [reply]))
                if practice.stateID == "brush-off" && reply.hasPrefix("ok ur right") { break }
            }
            guard practice.stateID == "brush-off" else { continue }
            reached += 1
            #expect(!said.joined(separator: " ").contains("still stands"), "seed \(seed): \(said)")
            #expect(said.joined(separator: " ").contains("point"), "seed \(seed): \(said)")
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
