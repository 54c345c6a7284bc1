/// One thing the analysis found in a line, with the text that triggered it.
public struct Signal: Sendable, Equatable, Hashable {
    public var kind: SignalKind
    /// The triggering text, exactly as typed.
    public var text: String
    /// Offsets in Unicode scalars of the analysed line; `end` is exclusive.
    public var start: Int
    public var end: Int
    /// The vocabulary rule that found it, for `analyze --explain`.
    public var rule: RuleLocation?
    /// For `crisis` and `risk`: whose safety the words are about.
    public var about: SafetyTopic?
    /// Why it fired beyond the rule itself ("asked, not stopped: a negation comes before it"),
    /// for `analyze --explain`.
    public var note: String?
    /// For `crisis` and `risk`: a negation in the line governs the words ("I'm not going to
    /// hurt myself"). Negation never cancels danger, but answering a check-in, such words
    /// are part of the no.
    public var negated = false

    public init(kind: SignalKind, text: String, start: Int, end: Int, rule: RuleLocation? = nil,
                about: SafetyTopic? = nil, note: String? = nil, negated: Bool = false) {
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.rule = rule
        self.about = about
        self.note = note
        self.negated = negated
    }
}

/// Where a vocabulary rule is written.
public struct RuleLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public var description: String { "\(file):\(line)" }
}

/// Turns a typed line into signals. The dialogue engine depends only on this.
public protocol SignalDetecting: Sendable {
    func signals(in line: String) -> [Signal]
}

extension Array where Element == Signal {
    /// The distinct kinds, in vocabulary order.
    public var kinds: [SignalKind] {
        Set(map(\.kind)).sorted()
    }

    public func first(_ kind: SignalKind) -> Signal? {
        first { $0.kind == kind }
    }
}
