import Testing
@testable import RapportCore
@testable import RapportModel

/// Slots hold what they claim: the person a reply names, "them" for nobody, nothing for a
/// reply that answers another question, and the point of a long answer.
@Suite struct SlotReaderTests {
    private let reader: SlotReader
    private let analyzer: Analyzer

    init() throws {
        reader = SlotReader(words: try Fixtures.compiled.slotWords)
        analyzer = try Fixtures.analyzer
    }

    private func person(_ text: String) -> SlotReader.Person {
        reader.person(in: text, kinds: Set(analyzer.signals(in: text).map(\.kind)))
    }

    @Test func aReplyToWhoGivesThePerson() throws {
        #expect(person("my brother Tom") == .named("my brother Tom"))
        #expect(person("Sam") == .named("Sam"))
        #expect(person("jo") == .named("Jo"))
        #expect(person("mum") == .named("my mum"))
        #expect(person("my little sister") == .named("my little sister"))
        // A long answer: the noun phrase, not the whole answer.
        #expect(person("my mum, she's always on at me about the dishes and it's been going on for years honestly") == .named("my mum"))
        #expect(person("it's with Sam from work") == .named("Sam"))
    }

    @Test func nobodyInParticularIsThem() throws {
        for text in ["idk", "no one", "nobody", "dunno", "not sure", "Idk really"] {
            #expect(person(text) == .nobody, "\(text)")
        }
    }

    @Test func aReplyThatAnswersSomethingElseIsNotAPerson() throws {
        for text in ["Is now a good time to talk about the kitchen?", "I'm sorry", "I'm sorry I yelled at you", "this is stupid",
                     "she took my bins out all month", "Jo helped loads"] {
            #expect(person(text) == .notAPerson, "\(text)")
        }
    }

    @Test func thePersonInASituation() throws {
        #expect(reader.findPerson(in: "I hung up on my dad") == "my dad")
        #expect(reader.findPerson(in: "I forgot my sister's birthday") == "my sister")
        #expect(reader.findPerson(in: "i forgot my mums bday") == "my mum")
        #expect(reader.findPerson(in: "I snapped at my flatmate over the dishes") == "my flatmate")
        #expect(reader.findPerson(in: "I forgot your birthday") == nil)
        #expect(reader.findPerson(in: "I forgot her birthday") == nil)
    }

    @Test func thePointOfALongAnswer() throws {
        #expect(reader.phrase(from: "she picked me up from the station when my car broke down and waited for an hour") == "she picked me up from the station")
        #expect(reader.phrase(from: "um, so basically she fed my cat while I was away") == "she fed my cat")
        #expect(reader.phrase(from: "She fed my cat.") == "She fed my cat")
        #expect(reader.phrase(from: "idk") == nil)
    }
}

/// The same, through a practice: the coach's own sentences stay sentences.
@Suite struct SlotsInPracticeTests {
    private func run(_ scenario: String, _ replies: [String], difficulty: Difficulty = .realistic) throws -> (Conversation, [String]) {
        let library = try Fixtures.library
        let analyzer = try Fixtures.analyzer
        var conversation = Conversation(scenario: library.dialogue(id: scenario)!, library: library, difficulty: difficulty, seed: 1,
                                        rewriter: try Fixtures.rewriter)
        var lines = conversation.start()
        for reply in replies { lines += conversation.reply(reply, signals: analyzer.signals(in: reply)) }
        return (conversation, lines.compactMap { if case let .say(_, text, _) = $0 { return text } else { return nil } })
    }

    @Test func thePersonInTheSituationSkipsTheQuestion() throws {
        let (conversation, lines) = try run("apology", ["I hung up on my dad"])
        #expect(conversation.stateID == "draft")
        #expect(!lines.contains { $0.contains("Who is the apology for") || $0.contains("who do you want") })
        #expect(lines.last?.contains("your dad") == true)
    }

    /// The README's own example: "I'm sorry" typed where a name was asked for.
    @Test func anApologyTypedForTheNameIsNotTakenAsTheName() throws {
        let (conversation, lines) = try run("apology", ["I forgot your birthday", "I'm sorry"])
        #expect(!lines.contains { $0.contains("you're sorry the way") || $0.contains("to you're sorry") })
        #expect(lines.contains { $0.contains("the apology itself") })
        #expect(conversation.stateID == "draft")
        #expect(conversation.scorecard().met == ["remorse"], "the reply is read as the apology it is")
    }

    @Test func idkIsThem() throws {
        let (_, lines) = try run("apology", ["I forgot your birthday", "idk", "hmm"])
        #expect(!lines.contains { $0.contains("idk") })
        #expect(lines.contains { $0.contains("with them now") || $0.contains("to them the way") || $0.contains("to them directly") })
    }

    @Test func aLateAnswerToASkippedQuestionIsTaken() throws {
        let (conversation, lines) = try run("apology", ["I forgot to pick my brother up", "my brother Tom"])
        #expect(conversation.stateID == "draft")
        #expect(lines.last?.contains("your brother Tom") == true)
        #expect(!conversation.hasLesson, "a name is not a try at the apology")
    }

    @Test func aLongAnswerIsNotPastedWhole() throws {
        let (_, lines) = try run("warm-up", ["Sam", "she picked me up from the station when my car broke down and waited with me for an hour", "hmm"])
        #expect(lines.contains { $0.contains("for: she picked you up from the station.") })
        #expect(!lines.contains { $0.contains("waited with you for an hour") })
    }

    /// A person slot can hold "them", so no line makes it the subject of a verb ("how them
    /// takes it"): it stays an object ("to them", "with them", "for them").
    @Test func aPersonSlotIsNeverASubject() throws {
        let verbs: Set<String> = ["did", "does", "do", "could", "can", "might", "will", "would", "takes", "says", "is", "was",
                                  "has", "brushes", "waves", "feels", "thinks", "knows", "responds"]
        for dialogue in try Fixtures.library.scenarios {
            let personSlots = dialogue.orderedStates.compactMap(\.capture).flatMap { capture in
                (capture.kind == .person ? [capture.slot] : []) + (capture.person.map { [$0] } ?? [])
            }
            for (text, location) in DialogueChecker.allLines(of: dialogue) {
                for slot in personSlots {
                    for piece in text.components(separatedBy: "{\(slot)}").dropFirst() {
                        let next = piece.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "," }).first.map(String.init) ?? ""
                        #expect(!verbs.contains(next) && !piece.hasPrefix("'s") && !piece.hasPrefix("’s"), "\(location): \(text)")
                    }
                }
            }
        }
    }
}
