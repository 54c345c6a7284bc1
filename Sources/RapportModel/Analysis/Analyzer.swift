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
        reading(of: view).signals
    }

    /// What the rules found, and the same weighed over the whole line: the signals, and the
    /// ones the weighing set aside (for `analyze --explain`).
    func reading(of view: LineView) -> (signals: [Signal], setAside: [Signal]) {
        let (found, cleared) = vocabulary.rules.reading(of: view, concepts: vocabulary.concepts, grammar: vocabulary.grammar)
        var reading = vocabulary.weights.weigh(found, line: view)
        if let risk = vocabulary.danger.ask(found, line: view, cleared: cleared) {
            reading.signals.append(risk)
            reading.signals.sort { ($0.start, $0.kind) < ($1.start, $1.kind) }
        }
        return reading
    }

    /// The signals of a line, and what the weighing set aside, with its reasons.
    public func reading(of line: String) -> (signals: [Signal], setAside: [Signal]) {
        reading(of: view(of: line))
    }

    /// The features the weighing reads, from the rules alone (for tools/train_weights.py).
    public func weighingFeatures(of line: String) -> [String] {
        let view = view(of: line)
        let found = vocabulary.rules.signals(in: view, concepts: vocabulary.concepts, grammar: vocabulary.grammar)
        return KindWeights.features(of: view, found: found, concepts: vocabulary.concepts)
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
