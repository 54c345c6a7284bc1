/// Finds a sentence's kind of complaint. The kinds' cue phrases are entries of the word
/// table (class `kindCue`, tagged with their kind), so each word already knows which cues
/// could start with it.
struct KindIndex: Sendable {
    private let kinds: [RewriteKnowledge.Kind]
    private let classes: RewriteWordClasses

    /// `classes` must hold the kinds' cues (see `register`).
    init(_ kinds: [RewriteKnowledge.Kind], classes: RewriteWordClasses) {
        self.kinds = kinds
        self.classes = classes
    }

    /// Adds every kind's cues to the word table.
    static func register(_ kinds: [RewriteKnowledge.Kind], in classes: inout RewriteWordClasses) {
        for (number, kind) in kinds.enumerated() {
            for cue in kind.cues { classes.add(cue, to: .kindCue, tag: Int32(number)) }
        }
    }

    /// The kind whose cues cover the most words of `words` (each cue counted once; the one
    /// higher up in kinds.txt on a tie), or the last kind, [general], when none occurs.
    func kind(for words: [RewriteWord]) -> RewriteKnowledge.Kind {
        var seen: [(first: String, cue: RewriteWordClasses.Entry)] = []
        var scores = [Int](repeating: 0, count: kinds.count)
        for start in words.indices where words[start].starts & WordClass.kindCue.bit != 0 {
            for cue in classes.matches(.kindCue, words, at: start) where cue.tag >= 0 && Int(cue.tag) < kinds.count {
                guard !seen.contains(where: { $0.first == words[start].norm && $0.cue == cue }) else { continue }
                seen.append((words[start].norm, cue))
                scores[Int(cue.tag)] += cue.rest.count + 1
            }
        }
        var best = kinds.count - 1
        for (kind, score) in scores.enumerated() where score > scores[best] || (score == scores[best] && score > 0 && kind < best) {
            best = kind
        }
        return kinds[best]
    }
}
