/// The kinds' cue phrases indexed by their first word, so finding a sentence's kind looks
/// only at the cues that could start at each word.
struct KindIndex: Sendable {
    private struct Cue: Sendable {
        var kind: Int
        var number: Int
        var words: [String]
    }

    private let kinds: [RewriteKnowledge.Kind]
    private let byFirstWord: [String: [Cue]]

    init(_ kinds: [RewriteKnowledge.Kind]) {
        self.kinds = kinds
        var index: [String: [Cue]] = [:]
        for (kind, entry) in kinds.enumerated() {
            for (number, cue) in entry.cues.enumerated() where !cue.isEmpty {
                index[cue[0], default: []].append(Cue(kind: kind, number: number, words: cue))
            }
        }
        byFirstWord = index
    }

    /// The kind whose cues cover the most words of `words` (each cue counted once; the one
    /// higher up in kinds.txt on a tie), or the last kind, [general], when none occurs.
    func kind(for words: [String]) -> RewriteKnowledge.Kind {
        var seen: Set<Int> = []
        var scores = [Int](repeating: 0, count: kinds.count)
        for start in words.indices {
            guard let cues = byFirstWord[words[start]] else { continue }
            for cue in cues where start + cue.words.count <= words.count
                && words[start..<(start + cue.words.count)].elementsEqual(cue.words) {
                if seen.insert(cue.kind << 16 | cue.number).inserted { scores[cue.kind] += cue.words.count }
            }
        }
        var best = kinds.count - 1
        for (kind, score) in scores.enumerated() where score > scores[best] || (score == scores[best] && score > 0 && kind < best) {
            best = kind
        }
        return kinds[best]
    }
}
