/// The rewrite topics' cue phrases indexed by their first word, so finding a sentence's
/// topic looks only at the cues that could start at each word (not every cue at every word).
struct TopicIndex: Sendable {
    private struct Cue: Sendable {
        var topic: Int
        var number: Int
        var words: [String]
    }

    private let topics: [RewriteKnowledge.Topic]
    private let byFirstWord: [String: [Cue]]
    private let general: RewriteKnowledge.Topic?

    init(_ topics: [RewriteKnowledge.Topic]) {
        self.topics = topics
        var index: [String: [Cue]] = [:]
        for (topic, entry) in topics.enumerated() {
            for (number, cue) in entry.cues.enumerated() where !cue.isEmpty {
                index[cue[0], default: []].append(Cue(topic: topic, number: number, words: cue))
            }
        }
        byFirstWord = index
        general = topics.first { $0.cues.isEmpty }
    }

    /// The topic with the most of its cues among `words` (the earlier one on a tie), or the
    /// general topic when none occurs. Each cue counts once, however often it occurs.
    func topic(for words: [String]) -> RewriteKnowledge.Topic? {
        var seen: Set<Int> = []
        var counts = [Int](repeating: 0, count: topics.count)
        for start in words.indices {
            guard let cues = byFirstWord[words[start]] else { continue }
            for cue in cues where start + cue.words.count <= words.count
                && words[start..<(start + cue.words.count)].elementsEqual(cue.words) {
                if seen.insert(cue.topic << 16 | cue.number).inserted { counts[cue.topic] += 1 }
            }
        }
        var best: Int?
        for (topic, count) in counts.enumerated() where count > 0 && count > (best.map { counts[$0] } ?? 0) {
            best = topic
        }
        return best.map { topics[$0] } ?? general
    }
}
