/// A reading for danger only, after the rules: when the rules found no danger in a line,
/// a weighed sum over its words and pairs of words, one per topic (`self`, `hurt`), says
/// whether the line as a whole reads like someone in danger. If it does, the line gets a
/// `risk`: the coach asks once, plainly, and a clear no goes back to the practice. It never
/// makes a `crisis` (a stop stays the rules' alone) and never takes away what the rules found.
///
/// The weights are data (`Vocabulary/weights/danger.tsv`), learned by
/// `tools/train_danger.py` from labelled lines and public posts; rules written one phrasing at
/// a time miss the next person's words, and this catches some of what they miss.
public struct DangerWeights: Sendable {
    /// The topics weighed, in file order.
    private(set) var topics: [SafetyTopic] = []
    private(set) var bias: [Float] = []
    /// How far above zero a topic's score must be to ask.
    private(set) var askAbove: [Float] = []
    /// The features ("word:pills", "pair:end it", "rule:distress"), numbered, and how a line
    /// finds them without building a string per word (as `KindWeights` does).
    private(set) var features = WeighedFeatures()
    /// Each feature's weights, by feature number, for topics by position, in the order added.
    private(set) var weightsOf = FlatWeights()

    var isEmpty: Bool { topics.isEmpty }

    init() {}

    mutating func index(of topic: SafetyTopic) -> Int {
        if let found = topics.firstIndex(of: topic) { return found }
        topics.append(topic)
        bias.append(0)
        askAbove.append(.infinity)
        return topics.count - 1
    }

    mutating func setBias(_ value: Float, for topic: SafetyTopic) { bias[index(of: topic)] = value }

    mutating func setAskAbove(_ value: Float, for topic: SafetyTopic) { askAbove[index(of: topic)] = value }

    mutating func add(_ value: Float, feature: String, topic: SafetyTopic) {
        let position = index(of: topic)
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

    /// A `risk` for a line the rules found no danger in, when a topic weighs above its mark;
    /// never in a sentence where a rule cleared danger words as harmless (`cleared`).
    func ask(_ found: [Signal], line: LineView, cleared: [Range<Int>] = []) -> Signal? {
        guard !topics.isEmpty, !line.tokens.isEmpty, !found.contains(where: { $0.kind == .crisis || $0.kind == .risk }) else { return nil }
        // The line's words and pairs, and "rule:distress" when the rules found a sign of
        // distress (the other kinds say nothing about danger).
        let distress = found.filter { $0.kind == .distress }.prefix(1)
        let features = self.features.numbers(of: line, found: Array(distress))
        var score = bias
        for feature in features { weightsOf.add(feature: feature, to: &score) }
        var best: Int?
        for position in topics.indices where score[position] > askAbove[position] {
            if best.map({ score[position] - askAbove[position] > score[$0] - askAbove[$0] }) ?? true { best = position }
        }
        guard let position = best else { return nil }
        let span = self.features.heaviestSentence(of: line) { weight(of: $0, topic: position) }
        if span.lowerBound < line.tokens.count,
           cleared.contains(where: { $0.overlaps(line.sentences[line.sentenceOf[span.lowerBound]]) }) { return nil }
        let (text, start, end) = line.text(of: span)
        let note = "asked about, not stopped: the message as a whole reads like danger, though no rule names it; most: "
            + strongest(features, topic: position).joined(separator: ", ")
        return Signal(kind: .risk, text: text, start: start, end: end, rule: RuleLocation(file: "weights/danger.tsv", line: 0),
                      about: topics[position], note: note)
    }

    /// The three features that weighed most for the topic, quoted, for `--explain`.
    private func strongest(_ features: [Int], topic: Int) -> [String] {
        var weighed: [(name: String, value: Float)] = []
        for feature in features {
            let value = weight(of: feature, topic: topic)
            if value > 0 { weighed.append((self.features.name(at: feature), value)) }
        }
        weighed.sort { $0.value > $1.value }
        return weighed.prefix(3).map { item in
            let name = item.name.split(separator: ":", maxSplits: 1).last.map(String.init) ?? item.name
            return "\"" + name + "\""
        }
    }

    private func weight(of feature: Int, topic: Int) -> Float {
        weightsOf.weight(feature: feature, target: topic)
    }
}
