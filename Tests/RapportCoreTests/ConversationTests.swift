import Testing
@testable import RapportCore

/// The engine walking a fixture dialogue over scripted replies.
@Suite struct ConversationTests {
    private func fixtureLibrary() throws -> (Dialogue, DialogueLibrary) {
        let loaded = DialogueLoader.load(try Fixtures.text("dialogues/fixture.yaml"), file: "fixture.yaml")
        let dialogue = try #require(loaded.dialogue, "fixture.yaml: \(loaded.diagnostics)")
        var library = try Fixtures.library
        #expect(library.add([dialogue]).isEmpty)
        return (dialogue, library)
    }

    /// The end event among `events`; a missing one fails the test where it is asked for.
    private func ending(_ events: [EngineEvent], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (Outcome, Scorecard) {
        let ends = events.compactMap { if case let .ended(outcome, card) = $0 { return (outcome, card) } else { return nil } }
        #expect(ends.count <= 1, "one end event at most", sourceLocation: sourceLocation)
        return try #require(ends.last, "no end event", sourceLocation: sourceLocation)
    }

    private func signal(_ kind: SignalKind, _ text: String) -> Signal {
        Signal(kind: kind, text: text, start: 0, end: text.unicodeScalars.count)
    }

    private func lines(_ events: [EngineEvent]) -> [String] {
        events.compactMap { if case let .say(_, text, _) = $0 { return text } else { return nil } }
    }

    @Test func walksAStrongPathToCompletion() throws {
        let (dialogue, library) = try fixtureLibrary()
        var conversation = Conversation(scenario: dialogue, library: library, difficulty: .realistic, seed: 1)
        #expect(lines(conversation.start()) == ["What happened?"])
        #expect(conversation.stateID == "ask")

        #expect(lines(conversation.reply("I broke your mug", signals: [])) == ["Say sorry for: you broke your mug"], "slots are reflected when repeated")
        #expect(conversation.stateID == "apology")

        let excuse = conversation.reply("I'm sorry but I was tired", signals: [signal(.remorse, "I'm sorry"), signal(.excuse, "but I was tired")])
        #expect(lines(excuse) == ["You said but I was tired."])
        #expect(conversation.stateID == "apology")

        let sorry = conversation.reply("I'm so sorry", signals: [signal(.remorse, "I'm so sorry")])
        #expect(lines(sorry) == ["Good: I'm so sorry", "Will it happen again?"])
        #expect(sorry.contains(.partnerMood(name: "Robin", openness: 50)))
        #expect(conversation.stateID == "partner")

        let done = conversation.reply("I'll buy you a new one", signals: [signal(.commitment, "I'll buy you a new one")])
        #expect(conversation.stateID == "done")
        #expect(conversation.outcome == .completed)
        let (outcome, card) = try ending(done)
        #expect(outcome == .completed)
        #expect(card.met == ["remorse", "commitment"])
        #expect(card.missed.isEmpty)
        #expect(card.pitfalls == [.init(kind: .excuse, text: "but I was tired")])
        #expect(card.next == "Drop the but.")
    }

    @Test func givesUpAfterTheCap() throws {
        let (dialogue, library) = try fixtureLibrary()
        var conversation = Conversation(scenario: dialogue, library: library, seed: 2)
        _ = conversation.start()
        _ = conversation.reply("something", signals: [])
        _ = conversation.reply("no", signals: [])
        _ = conversation.reply("still no", signals: [])
        #expect(conversation.stateID == "apology")
        let third = conversation.reply("nope", signals: [])
        #expect(lines(third).first == "Let's move on.")
        #expect(conversation.stateID == "partner")
    }

    @Test func thePartnerHardensAndRemembersAJab() throws {
        let (dialogue, library) = try fixtureLibrary()
        var conversation = Conversation(scenario: dialogue, library: library, seed: 3)
        _ = conversation.start()
        _ = conversation.reply("x", signals: [])
        _ = conversation.reply("sorry", signals: [signal(.remorse, "sorry")])
        let jab = conversation.reply("oh please, genius", signals: [signal(.contempt, "genius")])
        #expect(lines(jab) == ["You said genius. That hurt."])
        #expect(conversation.partnerOpenness == 20)
        _ = conversation.reply("I hear you", signals: [signal(.validation, "I hear you")])
        #expect(conversation.partnerOpenness == 40)
    }

    @Test func difficultyChangesTheRubricAndThePartner() throws {
        let (dialogue, library) = try fixtureLibrary()
        var gentle = Conversation(scenario: dialogue, library: library, difficulty: .gentle, seed: 4)
        _ = gentle.start()
        #expect(gentle.partnerOpenness == 65)
        // One reply where the rubric counts, so that there is a lesson to score.
        _ = gentle.reply("x", signals: [])
        _ = gentle.reply("hmm", signals: [])
        let (outcome, card) = try ending(gentle.finish(.quit))
        #expect(outcome == .quit)
        #expect(card.met.isEmpty)
        #expect(card.missed == ["remorse"])
        var tough = Conversation(scenario: dialogue, library: library, difficulty: .tough, seed: 4)
        _ = tough.start()
        #expect(tough.partnerOpenness == 35)
    }

    @Test func crisisStopsTheExerciseInAnyState() throws {
        let (dialogue, library) = try fixtureLibrary()
        for repliesBefore in 0..<3 {
            var conversation = Conversation(scenario: dialogue, library: library, seed: 5)
            _ = conversation.start()
            for index in 0..<repliesBefore { _ = conversation.reply("reply \(index)", signals: []) }
            let events = conversation.reply("I want to hurt myself", signals: [signal(.crisis, "I want to hurt myself")])
            #expect(conversation.outcome == .safetyStop)
            #expect(lines(events).joined().contains("emergency"))
            #expect(try ending(events).0 == .safetyStop, "after \(repliesBefore) replies")
            #expect(conversation.reply("and another thing", signals: []).isEmpty, "nothing follows the stop")
        }
    }

    @Test func endingEarlyStillScores() throws {
        let (dialogue, library) = try fixtureLibrary()
        var conversation = Conversation(scenario: dialogue, library: library, seed: 6)
        _ = conversation.start()
        _ = conversation.reply("x", signals: [])
        _ = conversation.reply("I'm sorry", signals: [signal(.remorse, "I'm sorry")])
        let (outcome, card) = try ending(conversation.finish(.abandoned))
        #expect(outcome == .abandoned)
        #expect(card.met == ["remorse"])
        #expect(card.missed == ["commitment"])
        #expect(conversation.finish(.quit).isEmpty, "a finished conversation does not end twice")
    }

    @Test func aSeedFixesTheVariants() throws {
        let (dialogue, library) = try fixtureLibrary()
        func run(_ seed: UInt64) -> [String] {
            var conversation = Conversation(scenario: dialogue, library: library, seed: seed)
            var said = lines(conversation.start())
            said += lines(conversation.reply("x", signals: []))
            said += lines(conversation.reply("sorry", signals: [signal(.remorse, "sorry")]))
            said += lines(conversation.reply("I will", signals: [signal(.commitment, "I will")]))
            return said
        }
        #expect(run(7) == run(7))
        let endings = Set((0..<20).compactMap { run(UInt64($0)).last })
        #expect(endings == ["Thank you.", "Okay. Thanks."])
    }

    @Test func theCalmDownDetourReturnsToWhereItStarted() throws {
        let library = try Fixtures.library
        var practice = try #require(library.scenarios.first)
        practice.always = [Transition(when: { var c = Condition(); c.any = [.flooded]; return c }(), say: [], go: nil,
                                      detour: "calm-down", location: practice.startLocation)]
        var conversation = Conversation(scenario: practice, library: library, seed: 8)
        _ = conversation.start()
        let start = conversation.stateID
        _ = conversation.reply("I can't breathe, this is too much", signals: [signal(.flooded, "this is too much")])
        #expect(conversation.state?.id == "offer")
        _ = conversation.reply("yes", signals: [signal(.agreement, "yes")])
        _ = conversation.reply("done breathing", signals: [])
        let back = conversation.reply("a lamp, my hands", signals: [])
        #expect(conversation.stateID == start)
        #expect(lines(back).contains { $0.contains("twenty minutes") })
    }
}
