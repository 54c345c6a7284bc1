import Testing
@testable import RapportCore

/// The partner remembers the last turn: it does not ask for what it was just given, its
/// words and its meter agree, and what it says follows what the user said.
@Suite struct PartnerMemoryTests {
    private func run(_ scenario: String, _ replies: [String], seed: UInt64 = 1, difficulty: Difficulty = .realistic) throws -> [EngineEvent] {
        let library = try Fixtures.library
        let analyzer = try Fixtures.analyzer
        var conversation = Conversation(scenario: library.dialogue(id: scenario)!, library: library, difficulty: difficulty, seed: seed,
                                        rewriter: try Fixtures.rewriter)
        var events = conversation.start()
        for reply in replies { events += conversation.reply(reply, signals: analyzer.signals(in: reply)) }
        return events
    }

    private func partner(_ events: [EngineEvent]) -> [String] {
        events.compactMap { if case let .say(.partner, text, _) = $0 { return text } else { return nil } }
    }

    /// "What would help?" is not asked right after the user said what would help.
    @Test func itDoesNotAskForWhatWasJustGiven() throws {
        let insecurity = try run("insecurity", ["when my partner goes quiet",
                                            "I get anxious when you go quiet. It would help if you told me when you're just tired."])
        #expect(!partner(insecurity).contains { $0.contains("What would help") || $0.contains("What can I do") })
        let defensive = try run("defensiveness", ["the bins", "I feel a bit stretched with the bins lately",
                                              "I can see why that feels unfair, you do loads. Could we take turns with the bins?"],
                            difficulty: .gentle)
        #expect(!partner(defensive).contains { $0.contains("What would actually help") || $0.contains("What were you thinking") })
    }

    /// After a brush-off the meter says they are guarded, not opening up.
    @Test func theMeterAgreesWithTheBrushOff() throws {
        let events = try run("raise-early", ["my flatmate never washes up", "tonight after dinner", "Is now a good time to talk?",
                                         "When the dishes pile up I feel stressed, because I need the kitchen clear. Could we do a rota?",
                                         "What do you think?", "Thanks for hearing me out", "yes"], difficulty: .gentle)
        guard let index = events.lastIndex(where: { if case let .say(.partner, text, _) = $0 { return text.contains("small thing") || text.contains("nothing") } else { return false } }),
              case let .partnerMood(_, openness) = events[index + 1] else {
            Issue.record("no brush-off")
            return
        }
        #expect(Mood(openness: openness) == .guarded || Mood(openness: openness) == .shutDown, "\(openness)")
    }

    /// What they say follows what was given: an offer to put it right is answered as one.
    @Test func itsLinesFollowWhatTheUserSaid() throws {
        let base = ["I forgot her birthday", "my sister", "I'm sorry I forgot your birthday. I know it hurt. I'll put it in my calendar."]
        let offered = partner(try run("apology", base + ["Let me take you out for dinner to make up for it."]))
        let promised = partner(try run("apology", base + ["I'll set a reminder a week before, every year."]))
        #expect(offered.last != promised.last)
        #expect(offered.last?.contains("like that") == true, "\(offered)")
    }

    /// Same seed, different words: the choice of wording changes too.
    @Test func theSameSeedWithOtherWordsVaries() throws {
        let replies = ["I forgot her birthday", "my sister"]
        let endings = Set(try ["I'm sorry I forgot your birthday. I'll set a reminder. I know it hurt you.",
                           "I'm so sorry I forgot. I know that hurt. From now on I'll put birthdays in my phone.",
                           "sorry i forgot ur bday, i know it hurt, ill set a reminder from now on",
                           "I'm sorry I forgot your birthday, I know you were hurt, and I'll write it down this time."].map { last in
            partner(try run("apology", replies + [last])).joined(separator: " | ")
        })
        #expect(endings.count > 1)
    }
}
