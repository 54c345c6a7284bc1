import Foundation
import Testing
@testable import RapportCore
@testable import RapportModel

/// What a second new user met driving the real binary, each pinned down by its cause.
@Suite struct SecondTrialTests: DrivesPractices {
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

    // MARK: - 3. "I just said" points back

    /// "What would help?" → "i just said. a few days": the reply before said it, so the
    /// partner takes it as the answer and the card does not ask for it again.
    @Test func iJustSaidPointsBackToTheReplyBefore() throws {
        var hurt = try conversation("hurt")
        _ = hurt.start()
        let before = try say(&hurt, ["my mom laughed at my haircut", "when u laughed at my haircut i felt hurt. i need to know ur on my side",
                                     "thanks for saying that. im still pretty upset tho, i need a few days before im ok"])
        #expect(partnerLines(before).contains { $0.contains("help") }, "they ask what would help: \(lines(before))")
        let after = try say(&hurt, ["i just said. a few days"])
        #expect(!lines(after).contains { $0.contains("would help") }, "\(lines(after))")
        let scorecard = try #require(card(after), "\(lines(after))")
        #expect(!scorecard.missed.contains("request"), "\(scorecard.missed)")
        #expect(scorecard.met.contains("request"))
    }

    /// A feeling and a proposal, the need left unsaid ("id like us to credit each other…"):
    /// the proposal is taken and the practice moves on, instead of asking "What do you need?"
    /// until the user snaps "i just said what i need??" (trial 2, and trial 9's loop). The
    /// scorecard still lists the need as something to add.
    @Test func aProposalBeforeTheNeedIsTakenNotAskedAgain() throws {
        var raise = try conversation("raise-early")
        _ = raise.start()
        let before = lines(try say(&raise, ["my coworker takes credit for my ideas", "sam", "tomorrow morning over coffee, just us",
                                            "hey, can i talk to you about something small?",
                                            "when you presented my idea as yours in the meeting i felt really small. id like us to credit each other when we share ideas, would that work?"]))
        #expect(!before.contains { $0.contains("Now what you need") || $0.contains("What do you need?") }, "\(before)")
        #expect(before.contains { $0.contains("A clear proposal") || $0.contains("a small, concrete ask") }, "\(before)")
        #expect(raise.stateID == "invite", "\(raise.stateID): \(before)")
    }

    /// A pointer back that goes on to defend is said to them, not to the coach.
    @Test func aPointerThatDefendsIsNotAnAnswer() throws {
        var apology = try conversation("apology")
        _ = apology.start()
        _ = try say(&apology, ["i forgot my sisters birthday", "im sorry i forgot"])
        let after = try say(&apology, ["i already said it, stop overreacting"])
        #expect(!lines(after).contains { $0.contains("all three parts") }, "\(lines(after))")
    }

    // MARK: - 6. A question for the coach

    /// "what am i supposed to say to that??" asks the coach: the hint, and the partner stays quiet.
    @Test func aQuestionForTheCoachGetsTheHint() throws {
        for question in ["what am i supposed to say to that??", "idk what to say", "help", "what should i say"] {
            var practice = try conversation("defensiveness")
            _ = practice.start()
            _ = try say(&practice, ["the dishes", "I feel stretched when the dishes pile up"])
            let state = practice.stateID
            let events = try say(&practice, [question])
            let hints = try #require(Fixtures.library.dialogue(id: "defensiveness")?.states[state]?.hint)
            #expect(partnerLines(events).isEmpty, "\(question): \(lines(events))")
            #expect(lines(events).count == 1 && hints.contains(lines(events)[0]), "\(question): \(lines(events))")
            #expect(practice.stateID == state)
        }
    }

    /// "I don't know what to say, I'm so sorry" is the apology itself, not a question.
    @Test func notKnowingWhatToSayInsideAnApologyIsTheApology() throws {
        var apology = try conversation("apology")
        _ = apology.start()
        _ = try say(&apology, ["i forgot my sisters birthday"])
        let events = try say(&apology, ["i dont know what to say, im so sorry i forgot"])
        let hints = try #require(Fixtures.library.dialogue(id: "apology")?.states["draft"]?.hint)
        #expect(!lines(events).contains { hints.contains($0) }, "\(lines(events))")
    }

    // MARK: - 4. No coach line twice in a row

    /// The same unreadable reply twice gets the other wording the second time.
    @Test func theCoachDoesNotSayTheSameLineTwiceInARow() throws {
        for seed in UInt64(1)...20 {
            var listening = try conversation("listening", seed: seed)
            _ = listening.start()
            _ = try say(&listening, [""])
            let first = lines(try say(&listening, ["hmm ok"]))
            let second = lines(try say(&listening, ["at least u still have a job right? could be worse"]))
            #expect(!first.isEmpty && !second.isEmpty)
            #expect(Set(first).isDisjoint(with: second), "seed \(seed): \(first) then \(second)")
        }
    }

    // MARK: - 5. The card reads plainly

    /// "ur such a gossip" is one line, with plain names, not three lines of kinds.
    @Test func pitfallsQuotingTheSameWordsAreOneLine() throws {
        let card = Scorecard(pitfalls: [.init(kind: .youStatement, text: "ur such a gossip"), .init(kind: .label, text: "ur such a gossip"),
                                        .init(kind: .contempt, text: "ur such a gossip"), .init(kind: .absolute, text: "never"),
                                        .init(kind: .youStatement, text: "you never help")])
        let lines = ScorecardText.lines(card, outcome: .completed)
        #expect(lines == [
            "Scorecard (completed)",
            "  Watch out for blaming \"you…\" sentences, labels and scorn: \"ur such a gossip\"",
            "  Watch out for sweeping words and blaming \"you…\" sentences: \"you never help\"",
        ])
    }

    /// Two quotes watched for the same thing share one line, not "Watch out for X" twice:
    /// "oh my god I said sorry, what more do you want" gives two non-apologies.
    @Test func quotesOfTheSameKindShareOneLine() throws {
        let card = Scorecard(pitfalls: [.init(kind: .nonApology, text: "I said sorry"), .init(kind: .nonApology, text: "what more do you want"),
                                        .init(kind: .excuse, text: "work was insane")])
        #expect(ScorecardText.lines(card, outcome: .completed) == [
            "Scorecard (completed)",
            "  Watch out for a sorry that isn't really one: \"I said sorry\", \"what more do you want\"",
            "  Watch out for excuses: \"work was insane\"",
        ])
    }

    /// Every pitfall of every practice has a plain name, in its dialogue or shared.
    @Test func everyPitfallHasAPlainName() throws {
        for dialogue in try Fixtures.library.scenarios {
            for pitfall in dialogue.watchedPitfalls {
                let name = try #require(pitfall.plainName, "\(dialogue.id): \(pitfall.kind.rawValue)")
                #expect(!name.contains("-") && name != pitfall.kind.rawValue, "\(dialogue.id): \(name)")
            }
        }
    }

    /// A quote that stops on "is" ("my boss is") is widened to its clause.
    @Test func aQuoteIsAWholeClauseNotAFragment() throws {
        var apology = try conversation("apology")
        _ = apology.start()
        let excuse = "i forgot because my boss is on my case"
        let text = "im sorry " + excuse
        let signals = [Signal(kind: .excuse, text: "because my boss is", start: 18, end: 36)]
        #expect(String(text.unicodeScalars.dropFirst(18).prefix(18)) == "because my boss is")
        _ = apology.reply("i forgot her birthday", signals: [])
        _ = apology.reply("my sister", signals: [])
        let events = apology.reply(text, signals: signals)
        #expect(lines(events).contains { $0.contains("\"because my boss is on my case\"") }, "\(lines(events))")
        let scorecard = try #require(card(apology.finish(.abandoned)))
        #expect(scorecard.pitfalls.map(\.text) == ["because my boss is on my case"])
    }

    /// `rapport lint` asks for a second way to say a line that can come round again.
    @Test func lintAsksForASecondVariantWhereALineCanRepeat() throws {
        var listening = try #require(Fixtures.library.dialogue(id: "listening"))
        var first = try #require(listening.states["first"])
        first.otherwise?.say[0].variants = ["Guess the feeling out loud: \"That sounds…\"."]
        listening.states["first"] = first
        let problems = CoherenceChecker.check(listening, praise: try Fixtures.compiled.praise)
        #expect(problems.contains { $0.message.contains("second variant") }, "\(problems)")
    }
}
