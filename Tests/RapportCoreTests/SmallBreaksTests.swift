import Foundation
import Testing
@testable import RapportCore
@testable import RapportModel

/// The small breaks a new user met, each pinned down.
@Suite struct SmallBreaksTests: RepliesThroughAnalysis {
    /// The calm-down break says "Press Enter", and Enter moves it on.
    @Test func enterMovesTheCalmDownBreakOn() throws {
        let sink = RecordingSink()
        let coach = CoachSession(library: try Fixtures.library, analyzer: try Fixtures.analyzer, rewriter: try Fixtures.rewriter,
                                 options: .init(seed: 1, difficulty: .realistic) { _, _ in sink }, mode: .practice("apology"))
        _ = coach.start()
        let overwhelmed = "I'm so overwhelmed I can't think straight"
        try #require(try Fixtures.analyzer.signals(in: overwhelmed).contains { $0.kind == .flooded })
        _ = coach.handle("I forgot her birthday")
        _ = coach.handle(overwhelmed)
        let breathe = coach.handle("yes")
        #expect(breathe.contains { if case let .line(_, _, text) = $0 { return text.contains("Press Enter") } else { return false } })
        let grounding = coach.handle("")
        #expect(grounding.contains { if case let .line(_, _, text) = $0 { return text.contains("five things you can see") } else { return false } })
        let back = coach.handle("")
        #expect(back.contains { if case let .line(_, _, text) = $0 { return text.contains("twenty minutes") } else { return false } })
        // Elsewhere an empty line is still nothing.
        #expect(coach.handle("").isEmpty)
    }

    /// Warm-up quotes the whole sentence, counts "made me feel safe", and scores it.
    @Test func warmUpQuotesWholeSentencesAndHearsTheFeeling() throws {
        var warmUp = try conversation("warm-up")
        _ = warmUp.start()
        let thanks = "thanks so much for picking me up from the station, it made me feel safe"
        let events = try say(&warmUp, ["Sam", "she picked me up", thanks])
        #expect(lines(events).contains { $0.contains("\"\(thanks)\"") }, "\(lines(events))")
        #expect(card(events)?.met == ["appreciation", "i-statement"])
    }

    /// Giving up does not end on praise, nor say "leave it there for today" before a
    /// "(completed)" card.
    @Test func theWarmUpGiveUpIsNotPraisedAsDone() throws {
        var warmUp = try conversation("warm-up", difficulty: .tough)
        _ = warmUp.start()
        let events = try say(&warmUp, ["Sam", "she fed my cat", "hmm", "ok", "yeah"])
        let said = lines(events)
        let praise = try Fixtures.compiled.praise
        let afterGivingUp = said.drop { !$0.contains("Thank you for…") }
        #expect(!afterGivingUp.isEmpty)
        #expect(!afterGivingUp.contains(where: praise.praises), "\(said)")
        #expect(!said.contains { $0.contains("leave it there") })
        #expect(card(events)?.missed == ["appreciation", "i-statement"])
    }

    /// The card says "Next time:" itself, so no tip starts with it.
    @Test func noTipStartsWithNextTime() throws {
        for dialogue in try Fixtures.library.scenarios {
            for (key, tips) in dialogue.tips {
                for tip in tips { #expect(!tip.lowercased().hasPrefix("next time"), "\(dialogue.id) \(key): \(tip)") }
            }
        }
        var broken = try Fixtures.library.dialogue(id: "warm-up")!
        broken.tips["default"] = ["Next time, try it out loud."]
        #expect(CoherenceChecker.check(broken, praise: try Fixtures.compiled.praise).contains { $0.message.contains("Next time") })
    }

    /// The rewrite practice asks for sharp sentences, so its card does not scold them.
    @Test func theRewritePracticeDoesNotScoldWhatItAskedFor() throws {
        var rewrite = try conversation("rewrite")
        _ = rewrite.start()
        let events = try say(&rewrite, ["You never listen to me!", "you're so lazy", "done"])
        let scorecard = card(events)
        #expect(scorecard?.pitfalls.isEmpty == true)
        let tip = scorecard?.next ?? ""
        #expect(!tip.contains("you…"), "\(tip)")
    }

    /// The hurt practice does not tell the user their word is not a feeling, and no
    /// practice uses "humiliated" as the feeling to name.
    @Test func humiliatedIsNeverCalledNotAFeelingNorOfferedAsOne() throws {
        var hurt = try conversation("hurt")
        _ = hurt.start()
        let said = lines(try say(&hurt, ["my sister read my diary", "I felt humiliated when you read my diary"]))
        #expect(said.contains { $0.contains("humiliated") }, "the word is quoted back: \(said)")
        #expect(!said.contains { $0.contains("not a feeling") || $0.contains("isn't a feeling") })
        for dialogue in try Fixtures.library.scenarios {
            let texts = DialogueChecker.allLines(of: dialogue).map(\.0)
            #expect(!texts.contains { $0.lowercased().contains("humiliat") }, "\(dialogue.id)")
        }
    }

    /// Tips follow what happened: hanging up on a dad gets no birthday reminder.
    @Test func tipsFollowTheTopic() throws {
        var apology = try conversation("apology")
        _ = apology.start()
        _ = try say(&apology, ["I hung up on my dad", "I'm sorry I hung up on you, that was rude of me."])
        let next = card(apology.finish(.abandoned))?.next ?? ""
        #expect(next.contains("your dad"), "\(next)")
        #expect(!next.contains("reminder") && !next.contains("birthday"))
    }
}
