/// Finds signals in typed lines using a `Vocabulary`. Deterministic and thread-safe.
public final class Analyzer: SignalDetecting, Sendable {
    public let vocabulary: Vocabulary

    public init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
    }

    public func signals(in line: String) -> [Signal] {
        signals(in: view(of: line))
    }

    func signals(in view: LineView) -> [Signal] {
        vocabulary.rules.signals(in: view, concepts: vocabulary.concepts, grammar: vocabulary.grammar)
    }

    /// The line as the rules see it: normalised tokens and clause structure.
    func view(of line: String) -> LineView {
        let (tokens, scalarCount) = vocabulary.tokens(of: line)
        return LineView(line: line, scalarCount: scalarCount, tokens: tokens,
                        concepts: vocabulary.concepts, grammar: vocabulary.grammar)
    }

    /// The normalised words of a line, for `analyze --tokens` and tests.
    public func normalisedWords(of line: String) -> [String] {
        view(of: line).tokens.map(\.text)
    }
}
