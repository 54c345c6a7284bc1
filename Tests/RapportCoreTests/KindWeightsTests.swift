import Foundation
import Testing
@testable import RapportCore
@testable import RapportModel

/// The weighing (the second reading of a line, `Vocabulary/weights/`) may keep, add or set
/// aside kinds, within limits the coach depends on.
@Suite struct KindWeightsTests {
    static let credit: Set<SignalKind> = [.acknowledgement, .remorse, .commitment, .repair, .iStatement, .request, .validation]

    /// Every labelled line the tests know, as one corpus to check the limits on.
    static func corpus() throws -> [String] {
        try (AnalysisTests.labelledFiles + AnalysisTests.heldOutFiles).flatMap { try FixtureCases.analysis($0).map(\.text) }
    }

    static func isAdded(_ signal: Signal) -> Bool { signal.rule?.file == "weights/kinds.tsv" }

    @Test func theWeighingNeverCreditsWhatNoRuleFound() throws {
        let analyzer = try Fixtures.analyzer
        var added = 0
        for line in try Self.corpus() {
            for signal in analyzer.reading(of: line).signals where Self.isAdded(signal) {
                added += 1
                #expect(!Self.credit.contains(signal.kind), "weighing added \(signal.kind) to: \(line)")
            }
        }
        // The weighing does add pitfalls the rules missed, or this test checks nothing.
        #expect(added > 20)
    }

    @Test func dangerIsTheRulesAlone() throws {
        let analyzer = try Fixtures.analyzer
        for line in try Self.corpus() {
            let reading = analyzer.reading(of: line)
            #expect(!reading.setAside.contains { $0.kind == .crisis || $0.kind == .risk }, "\(line)")
            #expect(!reading.signals.contains { Self.isAdded($0) && ($0.kind == .crisis || $0.kind == .risk) }, "\(line)")
        }
    }

    /// `weights/not-over.tsv`: an added kind never lands on a sentence where a rule found
    /// what says its opposite.
    @Test func anAddedKindNeverSitsOverItsOpposite() throws {
        let text = try String(contentsOf: Fixtures.packageRoot.appending(path: "Vocabulary/weights/not-over.tsv"), encoding: .utf8)
        var opposites: [SignalKind: Set<SignalKind>] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t").map(String.init)
            let kind = try #require(SignalKind(rawValue: parts[0]))
            opposites[kind, default: []].insert(try #require(SignalKind(rawValue: parts[2])))
        }
        #expect(opposites[.minimizing]?.contains(.validation) == true)
        let analyzer = try Fixtures.analyzer
        for line in try Self.corpus() {
            let signals = analyzer.reading(of: line).signals
            for added in signals where Self.isAdded(added) {
                let clash = signals.first { !Self.isAdded($0) && opposites[added.kind, default: []].contains($0.kind)
                    && $0.start < added.end && added.start < $0.end }
                #expect(clash == nil, "\(added.kind) added over \(clash?.kind.rawValue ?? ""): \(line)")
            }
        }
        let validating = analyzer.signals(in: "i get it, ur allowed to be upset").map(\.kind)
        #expect(validating.contains(.validation) && !validating.contains(.minimizing))
    }

    @Test func aBadWeightsLineIsReportedAtItsLine() throws {
        var files = BuiltIn.vocabularyFiles.filter { !$0.path.hasPrefix("weights/") }
        files.append((path: "weights/extra.tsv", text: "# a comment\nremorse\tword:sorry\tlots\ncrisis\tword:die\t1.0\nminimizing\t@not-over\tkindness\n"))
        do {
            _ = try Vocabulary.load(files)
            Issue.record("a broken weights file loaded")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains { $0.hasPrefix("weights/extra.tsv:2:1") })
            #expect(messages.contains { $0.hasPrefix("weights/extra.tsv:3:1") && $0.contains("never weighed") })
            #expect(messages.contains { $0.hasPrefix("weights/extra.tsv:4:1") && $0.contains("@not-over") })
        }
    }

    /// `weights/danger.tsv` only ever asks: a `risk` on a line the rules found no danger in,
    /// with the words it quotes, and never on a line the rules already flagged.
    @Test func theDangerReadingOnlyAsksWhereTheRulesFoundNothing() throws {
        let analyzer = try Fixtures.analyzer
        var asked = 0
        for line in try Self.corpus() {
            let signals = analyzer.reading(of: line).signals
            let weighed = signals.filter { $0.rule?.file == "weights/danger.tsv" }
            guard let risk = weighed.first else { continue }
            asked += 1
            #expect(weighed.count == 1 && risk.kind == .risk && risk.about != nil, "\(line)")
            #expect(!signals.contains { $0.rule?.file != "weights/danger.tsv" && ($0.kind == .crisis || $0.kind == .risk) }, "\(line)")
            #expect(line.unicodeScalars.count >= risk.end && !risk.text.isEmpty)
        }
        #expect(asked > 0)
    }

    @Test func aBadDangerLineIsReportedAtItsLine() throws {
        var files = BuiltIn.vocabularyFiles.filter { $0.path != "weights/danger.tsv" }
        files.append((path: "weights/danger.tsv", text: "self\t@bias\t-3\nfriends\tword:pills\t1.0\nself\trule:crisis\t2.0\n"))
        do {
            _ = try Vocabulary.load(files)
            Issue.record("a broken danger file loaded")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains { $0.hasPrefix("weights/danger.tsv:2:1") && $0.contains("safety topic") })
            #expect(messages.contains { $0.hasPrefix("weights/danger.tsv:3:") && $0.contains("rule:distress") })
        }
    }

    /// A weight on a word class reaches every entry of it, phrases included, though no
    /// training line used them; the line's length is a feature of its own.
    @Test func aClassWeightReachesWordsNoLineUsed() throws {
        var files = BuiltIn.vocabularyFiles.filter { $0.path != "weights/danger.tsv" }
        files.append((path: "concepts/test-field.txt", text: "~test-field: zorblax, glimmer stone\n"))
        files.append((path: "weights/danger.tsv", text: "self\t@bias\t-1\nself\t@ask\t0.5\nself\tconcept:test-field\t3.0\nself\tlength:33-64\t-10\n"))
        let analyzer = Analyzer(vocabulary: try Vocabulary.load(files))
        func asked(_ line: String) -> Bool {
            analyzer.signals(in: line).contains { $0.kind == .risk && $0.rule?.file == "weights/danger.tsv" }
        }
        #expect(asked("i keep thinking about the zorblax"))
        #expect(asked("i found a glimmer stone in the garden"))
        #expect(!asked("i found a glimmer in the garden"), "half a phrase entry is not the entry")
        #expect(!asked("i went to the shop"))
        let long = "i keep thinking about the zorblax " + String(repeating: "and the shop ", count: 12)
        #expect(!asked(long), "a long line starts from its own length's weight")
    }

    @Test func aWeightOnAnUnknownClassOrLengthIsReported() throws {
        var files = BuiltIn.vocabularyFiles.filter { $0.path != "weights/danger.tsv" }
        files.append((path: "weights/danger.tsv", text: "self\t@bias\t-3\nself\tconcept:no-such-class\t1.0\nself\tlength:7-9\t2.0\n"))
        do {
            _ = try Vocabulary.load(files)
            Issue.record("a danger file naming an unknown class loaded")
        } catch {
            let messages = error.diagnostics.map(\.description)
            #expect(messages.contains { $0.hasPrefix("weights/danger.tsv:2:6") && $0.contains("~no-such-class") })
            #expect(messages.contains { $0.hasPrefix("weights/danger.tsv:3:6") && $0.contains("1-8") })
        }
    }
}
