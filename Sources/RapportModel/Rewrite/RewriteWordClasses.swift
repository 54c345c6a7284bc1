/// The entries of every word class, indexed by their first word. Each word of a sentence
/// is looked up once (`starts(with:)`), so asking whether a class matches at a position is
/// a bit test, and only a phrase of several words is compared word by word.
struct RewriteWordClasses: Sendable, Equatable {
    /// The rest of an entry after its first word, and its class.
    struct Entry: Sendable, Equatable {
        var wordClass: WordClass
        var rest: [String]
    }

    private(set) var byFirstWord: [String: [Entry]] = [:]
    /// For each first word, the classes some entry of which starts with it.
    private(set) var startMasks: [String: UInt64] = [:]

    init() {}

    mutating func add(_ words: [String], to wordClass: WordClass) {
        guard let first = words.first else { return }
        let entry = Entry(wordClass: wordClass, rest: Array(words.dropFirst()))
        guard !(byFirstWord[first] ?? []).contains(entry) else { return }
        byFirstWord[first, default: []].append(entry)
        startMasks[first, default: 0] |= wordClass.bit
    }

    /// The classes with an entry starting with `word`.
    func starts(with word: String) -> UInt64 {
        startMasks[word] ?? 0
    }

    /// How many words from `position` the longest entry of the class covers, if any.
    func match(_ wordClass: WordClass, _ words: [RewriteWord], at position: Int) -> Int? {
        guard position >= 0, position < words.count, !words[position].isMark,
              words[position].starts & wordClass.bit != 0,
              let entries = byFirstWord[words[position].norm] else { return nil }
        var best: Int?
        for entry in entries where entry.wordClass == wordClass && position + entry.rest.count < words.count {
            var fits = true
            for (offset, word) in entry.rest.enumerated() where words[position + 1 + offset].isMark || words[position + 1 + offset].norm != word {
                fits = false
                break
            }
            if fits, entry.rest.count + 1 > (best ?? 0) { best = entry.rest.count + 1 }
        }
        return best
    }

    /// Whether one word (not a phrase) is an entry of the class.
    func contains(_ wordClass: WordClass, _ word: RewriteWord) -> Bool {
        guard !word.isMark, word.starts & wordClass.bit != 0 else { return false }
        return byFirstWord[word.norm]?.contains { $0.wordClass == wordClass && $0.rest.isEmpty } ?? false
    }

    /// A word the rewriter writes itself ("not", "did", "when").
    func make(_ word: String) -> RewriteWord {
        RewriteWord(norm: word, text: word == "i" ? "I" : word, isMark: false, starts: starts(with: word), made: true)
    }

    /// Whether the class matches anywhere in `words`.
    func occurs(_ wordClass: WordClass, in words: [RewriteWord]) -> Bool {
        words.indices.contains { match(wordClass, words, at: $0) != nil }
    }
}
