import Testing
@testable import RapportCore

/// Every labelled line pinned to its exact result, danger never missed, and each trap the
/// analysis must get right, in several phrasings.
@Suite struct AnalysisTests {
    let analyzer: Analyzer

    init() throws {
        analyzer = try Fixtures.analyzer
    }

    /// The project's labelled lines, and the blind batches the rules were then tuned on
    /// (Fixtures/blind; their first-run figures are in the README).
    static let labelledFiles = ["examples/analyze.jsonl", "analysis-cases.jsonl", "analysis-cases-2.jsonl",
                                "analysis-cases-3.jsonl", "analysis-cases-4.jsonl", "practice-lines.jsonl"] + (1...9).map { "blind/analysis-\($0).jsonl" }
                                + (13...15).map { "blind/analysis-\($0).jsonl" }
                                + (19...24).map { "blind/analysis-\($0).jsonl" } + (31...34).map { "blind/analysis-\($0).jsonl" }
    /// Blind batches the rules are never tuned on (Fixtures/heldout): a floor, not a pin,
    /// each set a little below what the rules and the weighing reach on it, so a change that makes unseen
    /// sentences worse fails. Long messages (18) are the hardest.
    static let heldOutFloors = ["heldout/analysis-10.jsonl": 0.86, "heldout/analysis-11.jsonl": 0.88,
                                "heldout/analysis-12.jsonl": 0.83, "heldout/analysis-16.jsonl": 0.75,
                                "heldout/analysis-17.jsonl": 0.81, "heldout/analysis-18.jsonl": 0.76,
                                "heldout/analysis-25.jsonl": 0.85, "heldout/analysis-26.jsonl": 0.82,
                                "heldout/analysis-27.jsonl": 0.78]
    static let heldOutFiles = heldOutFloors.keys.sorted()

    /// What is wrong on a labelled file, one entry per kind per line: "FILE ID: missed KIND"
    /// or "FILE ID: false KIND".
    static func errors(_ file: String) throws -> Set<String> {
        var errors: Set<String> = []
        let analyzer = try Fixtures.analyzer
        for item in try FixtureCases.analysis(file) {
            let found = Set(analyzer.signals(in: item.text).map(\.kind))
            for kind in item.present where !found.contains(kind) { errors.insert("\(file) \(item.id): missed \(kind.rawValue)") }
            for kind in item.absent where found.contains(kind) { errors.insert("\(file) \(item.id): false \(kind.rawValue)") }
        }
        return errors
    }

    /// Every labelled line gives exactly its pinned result: the known misses in
    /// Fixtures/known-misses.txt and nothing else. A new miss fails; so does a known miss
    /// that is fixed, so that the list only ever shrinks (benchmarks/known_misses.py shows
    /// what changed and rewrites the list).
    @Test(arguments: labelledFiles)
    func labelledLinesGiveTheirPinnedResult(file: String) throws {
        let known = try Fixtures.knownMisses().filter { $0.hasPrefix(file + " ") }
        let actual = try AnalysisTests.errors(file)
        for error in actual.subtracting(known).sorted() {
            Issue.record("new miss: \(error)")
        }
        for fixed in known.subtracting(actual).sorted() {
            Issue.record("fixed, take it off Fixtures/known-misses.txt: \(fixed)")
        }
    }

    /// Sentences nobody here tuned on stay above a floor set below what the rules reach on
    /// them (macro-F1 over the kinds each file judges, as ../shared/tools/score.py counts it).
    @Test(arguments: heldOutFiles)
    func unseenSentencesStayAboveTheirFloor(file: String) throws {
        var counts: [SignalKind: (tp: Int, fp: Int, fn: Int)] = [:]
        for item in try FixtureCases.analysis(file) {
            let found = Set(analyzer.signals(in: item.text).map(\.kind))
            for kind in item.present { counts[kind, default: (0, 0, 0)].tp += found.contains(kind) ? 1 : 0; counts[kind, default: (0, 0, 0)].fn += found.contains(kind) ? 0 : 1 }
            for kind in item.absent where found.contains(kind) { counts[kind, default: (0, 0, 0)].fp += 1 }
        }
        let scores = counts.values.filter { $0.tp + $0.fn > 0 }.map { count -> Double in
            let precision = count.tp + count.fp == 0 ? 1 : Double(count.tp) / Double(count.tp + count.fp)
            let recall = Double(count.tp) / Double(count.tp + count.fn)
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
        let macro = scores.reduce(0, +) / Double(max(1, scores.count))
        let floor = try #require(Self.heldOutFloors[file])
        #expect(macro >= floor, "macro-F1 \(macro) on \(file), below its floor \(floor)")
    }

    /// Danger is never missed on the labelled lines, whatever the known-miss list says, and
    /// a line labelled safe gets neither a stop nor a question.
    @Test(arguments: labelledFiles)
    func dangerIsNeverMissedOrInvented(file: String) throws {
        for item in try FixtureCases.analysis(file) {
            let found = Set(analyzer.signals(in: item.text).map(\.kind))
            if item.present.contains(.crisis) || item.present.contains(.risk) {
                #expect(found.contains(.crisis) || found.contains(.risk), "\(item.location): \(item.text)")
            }
            if item.absent.contains(.crisis) && item.absent.contains(.risk) {
                #expect(!found.contains(.crisis) && !found.contains(.risk), "\(item.location): \(item.text)")
            }
        }
    }

    private func kinds(_ text: String) -> Set<SignalKind> {
        Set(analyzer.signals(in: text).map(\.kind))
    }

    @Test(arguments: ["I'm not sorry.", "im not sorry", "I am NOT sorry at all", "I don't regret it", "I don't regret a thing", "I do not apologise for that"])
    func negatedRemorseIsNotRemorse(text: String) {
        #expect(!kinds(text).contains(.remorse), "\(text)")
    }

    @Test(arguments: ["I'm not saying you're lazy", "I don't think you're selfish", "I never said you were stupid", "I'm not calling you lazy"])
    func negatedLabelsAreNotLabels(text: String) {
        #expect(!kinds(text).contains(.label), "\(text)")
    }

    /// Negation reaches to the end of its clause, but a question word starts what is
    /// wondered about: "not sure why you're so lazy" still calls them lazy.
    @Test(arguments: [("I'm not sure why you're so lazy", SignalKind.label), ("I don't understand why you're so selfish", .label),
                      ("I don't get why you're such a slob", .label), ("I don't know why you always ignore me", .absolute),
                      ("I don't know why you always ignore me", .youStatement)])
    func negationEndsAtAQuestionWord(text: String, kind: SignalKind) {
        #expect(kinds(text).contains(kind), "\(text): \(kinds(text))")
    }

    /// A refusal tied to what the other does is a boundary, not a promise to change.
    @Test(arguments: ["I won't open the door if you show up drunk again", "if u come without calling i wont open the door",
                      "If you come round drunk I'm not letting you in", "if he stays more than two nights a week i wont be ok with it"])
    func aRefusalOnAConditionIsABoundary(text: String) {
        let found = kinds(text)
        #expect(found.contains(.boundary), "\(text): \(found)")
        #expect(!found.contains(.commitment), "\(text): \(found)")
    }

    /// What the trial typed and was not heard: a change with its trigger first, a need to
    /// rest, a feeling on its own as an answer, an insecurity owned, a point given up.
    @Test(arguments: [("next time i get wound up ill say i need a minute instead of hanging up", SignalKind.commitment),
                      ("next year I'll set a reminder and plan something", .commitment),
                      ("i need to switch off in the evenings", .need), ("idk, grateful?", .iStatement),
                      ("i think its my own insecurity tbh", .ownership),
                      ("ok ur right im prob overreacting, forget i said anything", .agreement),
                      ("like whatever works for u really", .agreement), ("ya", .agreement), ("go on then", .agreement),
                      ("im so sorry i forgot ur bday. but honestly u forget stuff too", .blameShift)])
    func whatTheFifthTrialSaidIsHeard(text: String, kind: SignalKind) {
        #expect(kinds(text).contains(kind), "\(text): \(kinds(text))")
    }

    /// What the sixth trial was told off for: open questions, giving in with "no ur right",
    /// a "yeah" inside a boundary, "its dumb" about the issue, needs with "u" in them, and a
    /// sarcastic "oh sure", each read as what it is.
    @Test(arguments: [("how are u feeling about it now?", SignalKind.curiosity, SignalKind.minimizing),
                      ("what are u leaning towards? i think it could be worth a chat", .curiosity, .youStatement),
                      ("no ur right its not a big deal, forget i said anything", .agreement, .decline),
                      ("but yeah, during work i wont pick up, ill call u after 6", .boundary, .agreement),
                      ("ok forget it then, ur right its dumb", .validation, .label),
                      ("i need u to not make jokes about my body", .need, .youStatement),
                      ("i need to feel like ur on my side", .need, .youStatement),
                      ("if u call during work ill call u back after 6", .boundary, .youStatement),
                      ("i need the hallway clear so i can get in and out", .need, .youStatement),
                      ("Oh sure, park across my drive again", .contempt, .agreement)])
    func whatTheSixthTrialSaidIsReadAsMeant(text: String, present: SignalKind, absent: SignalKind) {
        let found = kinds(text)
        #expect(found.contains(present), "\(text): \(found)")
        #expect(!found.contains(absent), "\(text): \(found)")
    }

    /// Saying what one said is no new promise; hanging up is no means of harm.
    @Test func pointingBackPromisesNothingAndHangingUpIsAPhone() {
        #expect(!kinds("what do u mean, i just said what ill do differently??").contains(.commitment))
        #expect(!kinds("next time i get wound up ill say i need a minute instead of hanging up").contains(.risk))
    }

    @Test(arguments: ["I'll never do that again", "I will never lie to you again", "I won't ever yell at you again", "I'll never keep secrets from you again"])
    func selfDirectedAbsolutesAreCommitments(text: String) {
        let found = kinds(text)
        #expect(found.contains(.commitment), "\(text)")
        #expect(!found.contains(.absolute), "\(text)")
    }

    @Test(arguments: ["You always make me laugh", "you always know what to say", "You never fail to cheer me up", "You always bring me coffee, it's so sweet"])
    func positiveYouSentencesAreNotCriticism(text: String) {
        let found = kinds(text)
        #expect(!found.contains(.youStatement), "\(text)")
        #expect(!found.contains(.absolute), "\(text)")
    }

    @Test(arguments: ["Sorry to bother you, do you have a sec?", "sorry, what?", "Sorry?", "I'm sorry to hear that", "Sorry for your loss", "sorry to interrupt"])
    func socialSorryIsNotRemorse(text: String) {
        #expect(!kinds(text).contains(.remorse), "\(text)")
    }

    @Test(arguments: ["I feel like you never listen", "I feel that you don't care", "I feel like you only call when you want something", "It feels like you're never here"])
    func disguisedFeelingsAreYouStatements(text: String) {
        let found = kinds(text)
        #expect(found.contains(.youStatement), "\(text)")
        #expect(!found.contains(.iStatement), "\(text)")
    }

    @Test(arguments: ["Why do you always do this?", "Why can't you ever be on time?", "Do you even listen?", "why are you so lazy"])
    func accusingQuestionsAreYouStatements(text: String) {
        #expect(kinds(text).contains(.youStatement), "\(text)")
    }

    @Test(arguments: ["Why did you pick that film?", "How was your day?", "What do you think we should do?", "Where are you going tonight?"])
    func honestQuestionsAreNotYouStatements(text: String) {
        #expect(!kinds(text).contains(.youStatement), "\(text)")
    }

    @Test(arguments: ["She said 'you never listen'", "He told me you always forget", "My mum says I never call", "The sign said \"you never know\""])
    func reportedSpeechIsNotTheSpeakersCriticism(text: String) {
        let found = kinds(text)
        #expect(!found.contains(.youStatement), "\(text)")
        #expect(!found.contains(.absolute), "\(text)")
    }

    @Test(arguments: ["This deadline is killing me", "my phone died", "I could murder a pizza", "I'm dead tired", "I nearly died laughing",
                      "That joke killed me", "These shoes are killing my feet", "I'd kill for a coffee", "I'm dying to see it"])
    func figuresOfSpeechAreNotCrises(text: String) {
        #expect(!kinds(text).contains(.crisis), "\(text)")
    }

    @Test(arguments: ["he hit me", "I want to hurt myself", "I want to kill myself", "My partner threatened me with a knife",
                      "I've been cutting myself", "she hits me when she's drunk", "I want to die", "im going to end it all tonight",
                      "he put his hands around my throat and slapped me", "I self harmed today when I havent in weeks",
                      "I swear I'll kill him if he does that again", "I've been thinking about taking all my pills",
                      "I don't see the point in living anymore"])
    func clearDangerIsACrisis(text: String) {
        #expect(kinds(text).contains(.crisis), "\(text)")
    }

    @Test(arguments: ["I don't want to be here anymore", "everyone would be better off without me",
                      "honestly I just want to disappear for good", "I've been giving my things away", "I won't be around much longer",
                      "everyone would cope without me", "he gets scary when he drinks", "found a longer belt"])
    func unclearDangerIsARisk(text: String) {
        let found = kinds(text)
        #expect(found.contains(.risk), "\(text): \(found)")
        #expect(!found.contains(.crisis), "\(text)")
    }

    @Test func readsTextAsPeopleTypeIt() {
        #expect(kinds("sry i forgot ur bday").isSuperset(of: [.remorse, .acknowledgement]))
        #expect(kinds("soooo sorryyyy").contains(.remorse))
        #expect(analyzer.normalisedWords(of: "I have 400 dollars").contains("400"), "a number is not a stretched word")
        #expect(kinds("u never txt me back").contains(.youStatement))
        #expect(kinds("ur so lazy tbh").contains(.label))
        #expect(kinds("I’m sorry I didn’t call").contains(.remorse))
        #expect(kinds("YOU NEVER LISTEN").contains(.absolute))
        #expect(kinds("I'm sorry I forgot. It won't happen again.").isSuperset(of: [.remorse, .acknowledgement, .commitment]))
    }

    @Test func passesOddTextThroughHarmlessly() {
        for text in ["", "   ", "😀🙏🏽👨‍👩‍👧", "Je suis désolé", "مرحبا كيف حالك", "e\u{301}\u{301}\u{301}", "\u{0}\u{1B}[31m", String(repeating: "a", count: 100_000)] {
            let signals = analyzer.signals(in: text)
            for signal in signals {
                #expect(signal.start >= 0 && signal.end <= text.unicodeScalars.count && signal.start < signal.end)
            }
        }
        #expect(kinds("🙄 whatever").contains(.contempt) || kinds("🙄 whatever").contains(.stonewalling))
    }

    @Test func spansCountUnicodeScalars() throws {
        let text = "Désolé 🙏 — I'm sorry I forgot"
        let remorse = try #require(analyzer.signals(in: text).first(.remorse))
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[remorse.start..<remorse.end])) == remorse.text)
        #expect(remorse.text == "I'm sorry")
    }

    @Test func specExampleIsReproducedExactly() {
        let line = "I'm sorry I forgot, but you never remind me"
        let expected = #"{"input": "I'm sorry I forgot, but you never remind me", "signals": [{"kind": "remorse", "text": "I'm sorry", "start": 0, "end": 9}, {"kind": "acknowledgement", "text": "I forgot", "start": 10, "end": 18}, {"kind": "excuse", "text": "but you never remind me", "start": 20, "end": 43}, {"kind": "blame-shift", "text": "you never remind me", "start": 24, "end": 43}, {"kind": "you-statement", "text": "you never remind me", "start": 24, "end": 43}, {"kind": "absolute", "text": "never", "start": 28, "end": 33}]}"#
        #expect(analyzer.signals(in: line).analysisJSON(input: line) == expected)
    }
}
