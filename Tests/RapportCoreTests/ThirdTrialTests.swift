import Foundation
import Testing
@testable import RapportCore
@testable import RapportModel

/// What a third new user met trying every practice, each pinned down by the shape of reply
/// that caused it (never by the one sentence).
@Suite struct ThirdTrialTests: RepliesThroughAnalysis {
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

    // MARK: - Safety

    /// The check-in quotes the words it asks about as a phrase: danger words that stop on
    /// "with" run on to the end of their point, in a practice and at the menu.
    @Test func theCheckInQuotesTheWholePhrase() throws {
        let line = "my dad used to hit me with whatever was nearby when I was a kid"
        let risk = try #require(try Fixtures.analyzer.signals(in: line).first { $0.kind == .risk })
        try #require(risk.text.hasSuffix(" with"), "the rule's words stop on 'with': \(risk.text)")
        var apology = try conversation("apology")
        _ = apology.start()
        let asked = lines(try say(&apology, [line])).joined(separator: " ")
        #expect(asked.contains("\"hit me with whatever was nearby\""), "\(asked)")
        // Said again after a clear no, the same words are not asked about again.
        _ = try say(&apology, ["no"])
        _ = try say(&apology, ["he used to hit me with whatever was nearby"])
        #expect(!apology.isCheckingIn)

        let sink = RecordingSink()
        let coach = CoachSession(library: try Fixtures.library, analyzer: try Fixtures.analyzer, rewriter: try Fixtures.rewriter,
                                 options: .init(seed: 1, difficulty: .realistic) { _, _ in sink }, mode: .menu)
        _ = coach.start()
        let atMenu = coach.handle(line).compactMap { if case let .line(_, _, text) = $0 { return text } else { return nil } }
        #expect(atMenu.joined(separator: " ").contains("\"hit me with whatever was nearby\""), "\(atMenu)")
    }

    /// After a clear no the practice comes back with its whole question: the line that says
    /// who it is for ("Say it to your mum"), not only the last line of it.
    @Test func aClearNoBringsBackTheWholeQuestion() throws {
        for seed in UInt64(1)...4 {
            var boundary = try conversation("boundary", seed: seed, opening: "i need to say no to my mum who keeps asking to borrow money")
            let question = lines(boundary.start()).filter { $0.contains("your mum") }
            try #require(!question.isEmpty)
            _ = try say(&boundary, ["honestly I just want to disappear for good"])
            let back = lines(try say(&boundary, ["no"]))
            #expect(back.contains(question[0]), "seed \(seed): \(back)")
            #expect(back.last?.contains("I feel") == true, "seed \(seed): the last line asked is asked last again: \(back)")
        }
    }

    // MARK: - Raise early

    /// A moment named in the first answer ("can we talk tonight after dinner about …?") is
    /// not asked for again two lines later, and it counts as picking the moment.
    @Test func aMomentAlreadyNamedIsNotAskedFor() throws {
        for (seed, replies) in [(UInt64(1), ["can we talk tonight after dinner about the dishes?", "my flatmate"]),
                                (2, ["my flatmate never does the dishes, could we chat after dinner tonight?"])] {
            var practice = try conversation("raise-early", seed: seed)
            _ = practice.start()
            let said = lines(try say(&practice, replies))
            #expect(!said.contains { $0.contains("When and where") || $0.contains("Timing matters") }, "\(said)")
            #expect(practice.stateID == "open", "\(said)")
            #expect(card(practice.finish(.abandoned))?.met.contains("timing") == true)
        }
        // A moment that is not one ("over text") is still asked about.
        var practice = try conversation("raise-early")
        _ = practice.start()
        _ = try say(&practice, ["my flatmate never does the dishes, ill text him about it tonight"])
        #expect(practice.stateID == "moment")
    }

    /// Only a question aimed at them counts as asking for their side: one for the coach
    /// ("wait how long is this gonna take?") is not praised or credited as one.
    @Test func aQuestionForTheCoachIsNotAskingForTheirSide() throws {
        let upToInvite = ["the dishes pile up", "my flatmate", "tonight after dinner, just us", "hey, can we talk about the dishes?",
                          "I feel stressed when the dishes pile up because I need a tidy kitchen. Could we take turns?"]
        for question in ["wait how long is this gonna take?", "how many more steps are there?", "is this nearly over?"] {
            var practice = try conversation("raise-early")
            _ = practice.start()
            _ = try say(&practice, upToInvite)
            try #require(practice.stateID == "invite")
            let said = lines(try say(&practice, [question]))
            #expect(!said.contains { $0.contains("asked for their side") || $0.contains("how it looks to them") }, "\(question): \(said)")
            let scorecard = try #require(card(practice.finish(.abandoned)))
            #expect(scorecard.missed.contains("curiosity"), "\(question): \(scorecard.met)")
        }
        // A question to them in their own words still is.
        for question in ["is it hard for u to keep on top of it at the moment?", "are you ok with that?"] {
            var practice = try conversation("raise-early")
            _ = practice.start()
            _ = try say(&practice, upToInvite + [question])
            #expect(card(practice.finish(.abandoned))?.met.contains("curiosity") == true, "\(question)")
        }
    }

    // MARK: - Boundary

    /// Giving in when they push ("ok fine whatever, take it when u want") cancels holding it:
    /// what follows is taking a yes back, and neither the coach nor the card says it was held.
    @Test func givingInCancelsHoldingTheBoundary() throws {
        for seed in UInt64(1)...4 {
            var boundary = try conversation("boundary", seed: seed)
            _ = boundary.start()
            let events = try say(&boundary, ["my brother borrows my car without asking", "I won't lend you the car unless you ask me first",
                                             "ok fine whatever, take it when u want", "actually no. i mean it, please ask first"])
            let said = lines(events)
            #expect(!said.contains { $0.contains("held") || $0.contains("You kept it") }, "seed \(seed): \(said)")
            let scorecard = try #require(card(events))
            #expect(!scorecard.met.contains("validation") && scorecard.missed.contains("validation"), "seed \(seed): \(scorecard)")
            #expect(scorecard.pitfalls.contains { $0.kind == .agreement }, "seed \(seed)")
        }
    }

    /// A plain "no" said again when they push holds the line, with or without a boundary's
    /// words around it: "actually no. i mean it, please ask first".
    @Test func aPlainNoWhenTheyPushHoldsTheLine() throws {
        for reply in ["actually no. i mean it, please ask first", "no. please text me first", "nope, still no"] {
            var boundary = try conversation("boundary")
            _ = boundary.start()
            let events = try say(&boundary, ["my brother borrows my car without asking", "I won't lend you the car unless you ask me first", reply])
            #expect(boundary.stateID == "done", "\(reply): \(lines(events))")
            #expect(card(events)?.met.contains("validation") == true, "\(reply)")
        }
    }

    // MARK: - Apology

    /// A grudging sorry ("fine, sorry, ok? happy now") is not praised, and what it carried
    /// is not kept: the next reply does not finish it into "all three parts".
    @Test func aGrudgingApologyIsNotPraised() throws {
        let praise = try Fixtures.compiled.praise
        for grudging in ["fine, sorry, ok? happy now", "fine, sorry, ok?", "ugh fine, I'm sorry I forgot, ok? I'll remember next time. happy?",
                         "fine, I'm sorry I forgot, ok? happy now"] {
            var apology = try conversation("apology")
            _ = apology.start()
            _ = try say(&apology, ["i forgot my sisters birthday"])
            let said = lines(try say(&apology, [grudging]))
            #expect(!said.contains(where: praise.praises), "\(grudging): \(said)")
            #expect(apology.stateID == "draft", "\(grudging)")
            let after = lines(try say(&apology, ["I'll put it in my calendar"]))
            #expect(!after.contains { $0.contains("all three") || $0.contains("all there") }, "\(grudging): \(after)")
            let scorecard = try #require(card(apology.finish(.abandoned)))
            #expect(!scorecard.met.contains("remorse"), "\(grudging): \(scorecard.met)")
        }
    }

    // MARK: - Warm-up

    /// The thank-you typed where a name or what they did was asked for is the thank-you:
    /// it is not kept as a name or a deed and quoted back as one, and it counts as the thanks.
    @Test func aThankYouIsNotTakenAsANameOrADeed() throws {
        let thanks = "thanks for everything ur the best"
        for replies in [[thanks], ["my mum", thanks], ["Sam", thanks]] {
            for seed in UInt64(1)...3 {
                var warmUp = try conversation("warm-up", seed: seed)
                _ = warmUp.start()
                let events = try say(&warmUp, replies + ["hmm", "ok"])
                let said = lines(events)
                #expect(!said.contains { $0.contains(": \(thanks)") || $0.contains("to \(thanks)") || $0.contains("Thanks for everything ur") },
                        "\(replies) seed \(seed): \(said)")
                #expect(said.contains { $0.contains("\"\(thanks)\"") }, "the thanks is heard as the thanks: \(said)")
                #expect(card(events + warmUp.finish(.abandoned))?.met.contains("appreciation") == true, "\(replies)")
            }
        }
    }

    // MARK: - The menu's words

    /// Words typed at the menu that say what happened are carried into the practice as the
    /// person is: "i gotta say sorry to my sister for missing her recital" does not get
    /// "What happened?"; "I need to apologise to my sister" still does.
    @Test func whatTheMenuWordsSayHappenedIsNotAskedAgain() throws {
        let analyzer = try Fixtures.analyzer
        let cases: [(scenario: String, opening: String, asked: String?, state: String)] = [
            ("apology", "i gotta say sorry to my sister for missing her recital", nil, "draft"),
            ("apology", "I hung up on my dad", nil, "draft"),
            ("apology", "I need to apologise to my sister", "happened", "what"),
            ("apology", "i need to apologise to my sister for everything", "happened", "what"),
            ("warm-up", "i want to thank my neighbour for taking in my parcel", nil, "thanks"),
        ]
        for item in cases {
            for seed in UInt64(1)...3 {
                var practice = try conversation(item.scenario, seed: seed, opening: item.opening)
                let kinds = Set(analyzer.signals(in: item.opening).map(\.kind))
                practice = Conversation(scenario: practice.scenario, library: try Fixtures.library, seed: seed,
                                        rewriter: try Fixtures.rewriter, opening: item.opening, openingKinds: kinds)
                let said = lines(practice.start())
                #expect(practice.stateID == item.state, "\(item.opening) seed \(seed): \(said)")
                let asks = said.contains { $0.contains("What happened?") || $0.contains("me briefly what happened") || $0.contains("thank your neighbour for?") }
                #expect(asks == (item.asked != nil), "\(item.opening) seed \(seed): \(said)")
            }
        }
        // At the menu, end to end.
        let sink = RecordingSink()
        let coach = CoachSession(library: try Fixtures.library, analyzer: analyzer, rewriter: try Fixtures.rewriter,
                                 options: .init(seed: 1, difficulty: .realistic) { _, _ in sink }, mode: .menu)
        _ = coach.start()
        _ = coach.handle("i gotta say sorry to my sister for missing her recital")
        let started = coach.handle("yes").compactMap { if case let .line(_, _, text) = $0 { return text } else { return nil } }
        #expect(!started.contains { $0.contains("What happened?") || $0.contains("me briefly what happened") }, "\(started)")
        #expect(started.contains { $0.contains("your sister") }, "\(started)")
    }

    // MARK: - Reading replies

    /// Open questions as people text them: what/how + u/ur, and "why do you think…".
    @Test func textedOpenQuestionsAreOpenQuestions() throws {
        let analyzer = try Fixtures.analyzer
        for question in ["what was going through ur head while u were sitting there?", "wut was going thru ur head?",
                         "how was ur day?", "why do u think he did that?"] {
            #expect(analyzer.signals(in: question).contains { $0.kind == .curiosity }, "\(question)")
        }
        for notOpen in ["what time does ur train get in?", "why did u do that?", "whats ur excuse this time?"] {
            #expect(!analyzer.signals(in: notOpen).contains { $0.kind == .curiosity }, "\(notOpen)")
        }
        var listening = try conversation("listening")
        _ = listening.start()
        let events = try say(&listening, ["", "that sounds awful", "what was going through ur head while u were sitting there?"])
        #expect(listening.stateID == "third", "\(lines(events))")
        #expect(partnerLines(events).contains { $0.contains("Thanks for asking") }, "\(partnerLines(events))")
    }

    /// Sarcasm and keeping score in the defensiveness practice are named, in every state they
    /// can come in: "here we go again", "like you've never been late".
    @Test func sarcasmAndKeepingScoreGetAComment() throws {
        let analyzer = try Fixtures.analyzer
        #expect(analyzer.signals(in: "here we go again").contains { $0.kind == .contempt })
        #expect(analyzer.signals(in: "like you've never been late").contains { $0.kind == .defensiveness })
        #expect(!analyzer.signals(in: "I feel like you never read my reports").contains { $0.kind == .defensiveness })
        for seed in UInt64(1)...4 {
            for jab in ["here we go again", "like you've never been late", "ugh here we go again"] {
                var practice = try conversation("defensiveness", seed: seed)
                _ = practice.start()
                _ = try say(&practice, ["being late", "I feel hurt when plans change"])
                try #require(practice.stateID == "defended")
                let said = lines(try say(&practice, [jab]))
                #expect(said.contains { $0.contains(jab) || $0.contains("here we go again") }, "seed \(seed) \(jab): \(said)")
            }
            // Flooded by a jab, then more: each is named, with the break offered once.
            var practice = try conversation("defensiveness", seed: seed)
            _ = practice.start()
            let tipped = lines(try say(&practice, ["being late", "I feel hurt when plans change", "like you've never been late", "here we go again"]))
            try #require(practice.stateID == "flooded", "seed \(seed): \(tipped)")
            #expect(tipped.contains { $0.contains("\"here we go again\"") }, "seed \(seed): \(tipped)")
            let third = lines(try say(&practice, ["you do it too"]))
            #expect(third.contains { $0.contains("\"you do it too\"") }, "seed \(seed): \(third)")
            _ = try say(&practice, ["no"])
            try #require(practice.stateID == "flooded")
            let fourth = lines(try say(&practice, ["like you're so perfect"]))
            #expect(fourth.contains { $0.contains("\"like you're so perfect\"") }, "seed \(seed): \(fourth)")
        }
    }

    /// "ok hit me with it" ("tell me") is a figure of speech, not danger; said of someone it is.
    @Test func hitMeWithItIsNotDanger() throws {
        let analyzer = try Fixtures.analyzer
        for line in ["ok hit me with it", "hit me with your best shot", "go on, hit me with the details"] {
            #expect(analyzer.signals(in: line).allSatisfy { $0.kind != .crisis && $0.kind != .risk }, "\(line)")
        }
        for line in ["she hit me with her phone", "he hit me with a belt"] {
            #expect(analyzer.signals(in: line).contains { $0.kind == .crisis }, "\(line)")
        }
    }

    /// "ok fine" on its own, when they push, is giving in; so is "ugh fine i guess just this
    /// once" (a fourth-trial finding: it was credited as holding it kindly).
    @Test(arguments: ["ok fine", "ugh fine i guess just this once", "ok just this once"])
    func okFineWhenTheyPushIsGivingIn(reply: String) throws {
        var boundary = try conversation("boundary")
        _ = boundary.start()
        _ = try say(&boundary, ["my brother borrows my car without asking", "I won't lend you the car unless you ask me first", reply])
        #expect(boundary.stateID == "gave-in", "\(reply)")
    }
}
