import Foundation
import Testing
@testable import RapportCore

/// Over 100,000 generated and mutated lines (fixed seed) through the analysis, the
/// rewriter and every practice: no crash, no hang, and what comes back is well formed.
@Suite struct FuzzTests {
    /// Four chunks of 25,000 that can run side by side; 100,000 lines in all.
    static let chunks = 0..<4
    static let linesPerChunk = 25_000

    /// Where lines start from: every labelled sentence the tests have, and words from them.
    struct Corpus {
        var seeds: [String]
        var words: [String]

        init() throws {
            let files = ["examples/analyze.jsonl", "analysis-cases.jsonl", "analysis-cases-2.jsonl", "analysis-cases-3.jsonl"]
            seeds = try files.flatMap { try FixtureCases.analysis($0).map(\.text) } + (try FixtureCases.rewrite("examples/rewrite.jsonl").map(\.text))
            words = Array(Set(seeds.flatMap { $0.split(separator: " ").map(String.init) })).sorted()
        }
    }

    /// Pieces people (and accidents) put in lines.
    static let oddities: [String] = [
        "", " ", "\t", "\u{0}", "\u{7}", "\u{1B}[31m", "\u{1B}]0;title\u{7}", "\u{1B}[2J", "\r", "\u{FEFF}", "\u{200B}",
        "\u{202E}", "😔", "🙏🏽", "👩‍👩‍👧", "שלום", "مرحبا", "e\u{301}\u{302}", "Z\u{335}\u{336}\u{337}", "\u{FFFD}",
        "?", "!!!", "...", "'", "\"", "“", "’", "—", ",", "(", ")", "sooooo", "u", "ur", "im", "dont", "sry", "tbh",
        "NEVER", "ALWAYS", "not", "never", "but", "sorry", "you", "I", "kill", "die", "hit me",
    ]

    /// The `index`th line: a seed sentence mutated, a word salad, or noise.
    static func line(_ index: Int, _ random: inout SeededRandom, _ corpus: Corpus) -> String {
        func any(_ list: [String]) -> String { random.pick(list) ?? "" }
        switch random.next() % 10 {
        case 0...4:
            var words = any(corpus.seeds).split(separator: " ").map(String.init)
            for _ in 0..<(1 + Int(random.next() % 4)) {
                let at = words.isEmpty ? 0 : Int(random.next() % UInt64(words.count))
                switch random.next() % 6 {
                case 0: if !words.isEmpty { words.remove(at: at) }
                case 1: words.insert(any(oddities), at: at)
                case 2: words.insert(any(corpus.words), at: at)
                case 3: if !words.isEmpty { words[at] = words[at].uppercased() }
                case 4: if !words.isEmpty { words.swapAt(at, Int(random.next() % UInt64(words.count))) }
                default: if !words.isEmpty { words[at] = String(words[at].shuffled(using: &random)) }
                }
            }
            return words.joined(separator: random.next() % 8 == 0 ? "" : " ")
        case 5...7:
            return (0..<Int(random.next() % 25)).map { _ in any(corpus.words) }.joined(separator: " ")
        case 8:
            return (0..<Int(random.next() % 40)).map { _ in any(oddities) }.joined()
        default:
            // Any scalars at all, including unassigned and private ones.
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(random.next() % 30) {
                if let scalar = Unicode.Scalar(UInt32(random.next() % 0x2FFFF)) { scalars.append(scalar) }
            }
            return String(scalars)
        }
    }

    @Test(arguments: chunks)
    func aHundredThousandLinesThroughAnalysisRewriterAndEngine(chunk: Int) throws {
        var random = SeededRandom(seed: 20261122 + UInt64(chunk))
        let corpus = try Corpus()
        #expect(corpus.seeds.count > 300 && corpus.words.count > 500)
        let library = try Fixtures.library
        let analyzer = try Fixtures.analyzer
        let rewriter = try Fixtures.rewriter
        let scenarios = library.scenarios
        try #require(!scenarios.isEmpty)
        var scenarioIndex = chunk % scenarios.count
        var conversation = Conversation(scenario: scenarios[scenarioIndex], library: library, seed: 1, rewriter: rewriter)
        _ = conversation.start()
        var finished = 0

        for index in 0..<Self.linesPerChunk {
            let text = Self.line(index, &random, corpus)
            let scalarCount = text.unicodeScalars.count

            let signals = analyzer.signals(in: text)
            for signal in signals {
                #expect(signal.start >= 0 && signal.start < signal.end && signal.end <= scalarCount, "span out of range in \(text.debugDescription)")
            }

            let result = rewriter.rewrite(text)
            #expect(!result.changed || !result.rewrite.isEmpty, "empty rewrite for \(text.debugDescription)")
            #expect(result.changed || result.rewrite == text || result.rewrite == text.trimmed, "unchanged but different: \(text.debugDescription)")

            let events = conversation.reply(text, signals: signals)
            if conversation.isFinished {
                finished += 1
                #expect(events.contains { if case .ended = $0 { return true } else { return false } } || signals.contains { $0.kind == .crisis })
                scenarioIndex = (scenarioIndex + 1) % scenarios.count
                conversation = Conversation(scenario: scenarios[scenarioIndex], library: library, difficulty: Difficulty.allCases[index % 3],
                                            seed: UInt64(index), rewriter: rewriter)
                _ = conversation.start()
            }
        }
        #expect(finished > 25, "practices ran to their end many times (\(finished))")
    }
}
