import Testing
@testable import RapportCore

/// Precision and recall per kind over labelled lines, with floors set from what the rules
/// reach; and each trap the analysis must get right, in several phrasings.
@Suite struct AnalysisTests {
    let analyzer: Analyzer

    init() throws {
        analyzer = try Fixtures.analyzer
    }

    struct Score {
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        var f1: Double {
            let precision = truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
            let recall = truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
    }

    /// Per-kind scores over a labelled file (present: must be found; absent: must not).
    static func score(_ file: String) throws -> [String: Score] {
        var scores: [String: Score] = [:]
        let analyzer = try Fixtures.analyzer
        for item in try FixtureCases.analysis(file) {
            let found = Set(analyzer.signals(in: item.text).map(\.kind.rawValue))
            for kind in item.present.map(\.rawValue) {
                if found.contains(kind) { scores[kind, default: Score()].truePositives += 1 } else { scores[kind, default: Score()].falseNegatives += 1 }
            }
            for kind in item.absent.map(\.rawValue) where found.contains(kind) {
                scores[kind, default: Score()].falsePositives += 1
            }
        }
        return scores
    }

    @Test(arguments: ["examples/analyze.jsonl", "analysis-cases.jsonl", "analysis-cases-2.jsonl", "analysis-cases-3.jsonl", "analysis-cases-4.jsonl"])
    func meetsTheFloorOnLabelledLines(file: String) throws {
        let scores = try AnalysisTests.score(file)
        let judged = scores.values.filter { $0.truePositives + $0.falseNegatives > 0 }
        let macro = judged.map(\.f1).reduce(0, +) / Double(judged.count)
        #expect(macro >= 0.97, "macro-F1 \(macro) on \(file)")
        for (kind, score) in scores {
            #expect(score.f1 >= 0.85, "\(kind): F1 \(score.f1) on \(file)")
        }
        #expect(scores["crisis"]?.falseNegatives == 0, "crisis must never be missed")
        #expect(scores["crisis"]?.falsePositives == 0, "figures of speech are not crises")
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

    @Test(arguments: ["I don't want to be here anymore", "he hit me", "I want to hurt myself", "I want to kill myself",
                      "My partner threatened me with a knife", "I don't see the point in living", "everyone would be better off without me",
                      "I've been cutting myself", "she hits me when she's drunk", "I want to die", "im going to end it all tonight"])
    func riskLanguageIsAlwaysACrisis(text: String) {
        #expect(kinds(text).contains(.crisis), "\(text)")
    }

    @Test func readsTextAsPeopleTypeIt() {
        #expect(kinds("sry i forgot ur bday").isSuperset(of: [.remorse, .acknowledgement]))
        #expect(kinds("soooo sorryyyy").contains(.remorse))
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
