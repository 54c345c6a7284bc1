/// The second reading of a line: for each kind it covers, a weighed sum over the line's
/// features (the kinds the rules found, its words and its pairs of adjacent words) says
/// whether the kind is there. The weights are data (`Vocabulary/weights/kinds.tsv`),
/// learned from the labelled lines by `tools/train_weights.py`; the sum is deterministic
/// and each decision can be explained by the features that weighed most.
///
/// The rules stay the first reading and supply the spans. The weighing only confirms,
/// adds or sets aside whole kinds, and never touches danger: `crisis` and `risk` are the
/// rules' alone.
public struct KindWeights: Sendable {
    /// The kinds weighed, in file order.
    private(set) var kinds: [SignalKind] = []
    /// Each kind's starting score.
    private(set) var bias: [Float] = []
    /// How far above zero a kind's score must be for the weighing to add it where no rule
    /// found it. Credit (an acknowledgement, a request) has infinity here: the weighing
    /// never adds it, so the coach never praises what no rule found.
    private(set) var addAbove: [Float] = []
    /// Kinds the weighing may not add over: a sentence where the rules found one of these
    /// does not get this kind from the weighing ("ur allowed to be upset" is validation, so
    /// never minimizing, whatever its words weigh). Hand-written, in `weights/not-over.tsv`.
    private(set) var notOver: [[SignalKind]] = []
    /// The features the weights name ("rule:remorse", "word:sorry", "pair:thanks for"),
    /// numbered, and how a line finds them.
    private(set) var features = WeighedFeatures()
    /// Each feature's weights, by feature number, for kinds by position, in the order they were added.
    private(set) var weightsOf = FlatWeights()

    /// Kinds the weighing never decides.
    static let neverWeighed: Set<SignalKind> = [.crisis, .risk]

    /// `neverWeighed.contains(kind)`, for every line: comparing the case costs nothing, where
    /// a Set of a String-backed enum hashes the kind's name.
    static func isNeverWeighed(_ kind: SignalKind) -> Bool {
        kind == .crisis || kind == .risk
    }

    var isEmpty: Bool { kinds.isEmpty }

    init() {}

    /// The index of a kind, adding it the first time.
    mutating func index(of kind: SignalKind) -> Int {
        if let found = kinds.firstIndex(of: kind) { return found }
        kinds.append(kind)
        bias.append(0)
        addAbove.append(0)
        notOver.append([])
        return kinds.count - 1
    }

    mutating func setBias(_ value: Float, for kind: SignalKind) {
        bias[index(of: kind)] = value
    }

    mutating func setAddAbove(_ value: Float, for kind: SignalKind) {
        addAbove[index(of: kind)] = value
    }

    mutating func addNotOver(_ other: SignalKind, for kind: SignalKind) {
        let position = index(of: kind)
        if !notOver[position].contains(other) { notOver[position].append(other) }
    }

    mutating func add(_ value: Float, feature: String, kind: SignalKind) {
        let position = index(of: kind)
        weightsOf.add(value, target: position, feature: features.number(of: feature))
    }

    /// The features and their weights as a snapshot holds them.
    mutating func setFeatures(_ features: WeighedFeatures, weightsOf: FlatWeights) {
        self.features = features
        self.weightsOf = weightsOf
    }

    /// Lets the features find the words the vocabulary knows by their lexicon ids, and
    /// flattens the weights added. A snapshot's tables are linked already.
    mutating func link(_ lexicon: Lexicon, concepts: ConceptTable) {
        weightsOf.finish()
        if !features.isLinked { features.link(lexicon, concepts: concepts) }
    }

    /// The features of a line, as the weights name them: each kind the rules found, each
    /// word, each pair of adjacent words (punctuation breaks a pair), the line's length in
    /// words (a bucket), and each word class an entry of which begins at some word, once each. For `analyze --features` and training;
    /// weighing finds the same by number.
    static func features(of line: LineView, found: [Signal], concepts: ConceptTable) -> [String] {
        var seen: Set<String> = []
        var list: [String] = []
        func add(_ name: String) {
            if seen.insert(name).inserted { list.append(name) }
        }
        for kind in found.map(\.kind).sorted() { add("rule:" + kind.rawValue) }
        for (word, pair) in wordsAndPairs(line, in: 0..<line.tokens.count) {
            add("word:" + word)
            if let pair { add("pair:" + pair) }
        }
        add("length:" + WeighedFeatures.lengthBuckets[WeighedFeatures.lengthBucket(of: line)])
        // The classes written in concepts/*.txt; "=WORD" classes are one rule word each.
        let classes = concepts.names.indices.filter { !concepts.names[$0].hasPrefix("=") }
        for position in line.tokens.indices where line.tokens[position].word >= 0 {
            var touched = [UInt64](repeating: 0, count: concepts.setStride)
            concepts.addTouched(by: line.tokens[position].word, to: &touched)
            for index in classes where touched[index / 64] & (1 << UInt64(index % 64)) != 0
                && concepts.matches(index, in: line.tokens, at: position) {
                add("concept:" + concepts.names[index])
            }
        }
        return list
    }

    /// Each word in `range`, with the pair it ends (nil at the start or after punctuation).
    private static func wordsAndPairs(_ line: LineView, in range: Range<Int>) -> [(String, String?)] {
        var result: [(String, String?)] = []
        var previous: String?
        for index in range {
            let token = line.tokens[index]
            if token.isPunctuation {
                previous = nil
                continue
            }
            result.append((token.text, previous.map { $0 + " " + token.text }))
            previous = token.text
        }
        return result
    }

    /// The rules' signals, weighed: kinds the weights find are kept or added (a new one
    /// spans the sentence where its words weigh most), kinds they do not are set aside.
    func weigh(_ found: [Signal], line: LineView) -> (signals: [Signal], setAside: [Signal]) {
        guard !kinds.isEmpty, !line.tokens.isEmpty else { return (found, []) }
        let features = self.features.numbers(of: line, found: found)
        var score = bias
        for feature in features { weightsOf.add(feature: feature, to: &score) }
        var signals: [Signal] = []
        var setAside: [Signal] = []
        for signal in found {
            guard let position = kinds.firstIndex(of: signal.kind), !KindWeights.isNeverWeighed(signal.kind) else {
                signals.append(signal)
                continue
            }
            if score[position] > 0 {
                signals.append(signal)
            } else {
                var aside = signal
                aside.note = "set aside: the line as a whole weighs against it (\(KindWeights.format(score[position])))"
                    + KindWeights.describe(strongest(features, kind: position, positive: false))
                setAside.append(aside)
            }
        }
        for (position, kind) in kinds.enumerated() where score[position] > addAbove[position] && !found.contains(where: { $0.kind == kind })
            && !KindWeights.isNeverWeighed(kind) {
            let added = addedSignal(kind, position: position, score: score[position], line: line, features: features)
            let opposed = found.contains { notOver[position].contains($0.kind) && $0.start < added.end && added.start < $0.end }
            if !opposed { signals.append(added) }
        }
        // A demand is never also a request (SPEC.md).
        if signals.contains(where: { $0.kind == .demand }) {
            setAside += signals.filter { $0.kind == .request }
            signals.removeAll { $0.kind == .request }
        }
        return (signals.sorted { ($0.start, $0.kind) < ($1.start, $1.kind) }, setAside)
    }

    /// A kind the rules missed: its span is the sentence whose words weigh most for it.
    private func addedSignal(_ kind: SignalKind, position: Int, score: Float, line: LineView, features: [Int]) -> Signal {
        let span = self.features.heaviestSentence(of: line) { weight(of: $0, kind: position) }
        let (text, start, end) = line.text(of: span)
        let note = "weighed (\(KindWeights.format(score))): found by the line as a whole, not by one rule"
            + KindWeights.describe(strongest(features, kind: position, positive: true))
        return Signal(kind: kind, text: text, start: start, end: end, rule: RuleLocation(file: "weights/kinds.tsv", line: 0), note: note)
    }

    private func weight(of feature: Int, kind: Int) -> Float {
        weightsOf.weight(feature: feature, target: kind)
    }

    /// The three features that pushed hardest one way, for `--explain`.
    private func strongest(_ features: [Int], kind: Int, positive: Bool) -> [(String, Float)] {
        let weighed = features.map { (self.features.name(at: $0), weight(of: $0, kind: kind)) }.filter { positive ? $0.1 > 0 : $0.1 < 0 }
        return Array(weighed.sorted { abs($0.1) > abs($1.1) }.prefix(3))
    }

    private static func describe(_ features: [(String, Float)]) -> String {
        guard !features.isEmpty else { return "" }
        let named = features.map { feature, value -> String in
            let name = feature.split(separator: ":", maxSplits: 1).last.map(String.init) ?? feature
            let shown = feature.hasPrefix("rule:") ? "the rules' \(name)" : "\"\(name)\""
            return "\(shown) \(format(value))"
        }
        return "; most: " + named.joined(separator: ", ")
    }

    private static func format(_ value: Float) -> String {
        let rounded = (value * 100).rounded() / 100
        return (rounded >= 0 ? "+" : "") + String(rounded)
    }
}
