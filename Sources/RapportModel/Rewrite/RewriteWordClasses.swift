/// The entries of every word class, grouped by their first word. Each word of a sentence
/// is looked up once, when it is made (`word(_:text:)`): it carries the bit mask of the
/// classes that have an entry starting with it, and where those entries are. Asking whether
/// a class matches at a position is then a bit test, and only a phrase of several words is
/// compared word by word; nothing is hashed again.
struct RewriteWordClasses: Sendable, Equatable {
    /// The rest of an entry after its first word, and its class.
    struct Entry: Sendable, Equatable {
        var wordClass: WordClass
        var rest: [String]
        /// For a kind's cue, the kind's number; for a display entry, the entry's (else -1).
        var tag: Int32 = -1
    }

    /// The entries starting with each first word, one list per first word.
    private(set) var lists: [[Entry]] = []
    /// For each list, the classes some entry of which it holds.
    private(set) var masks: [UInt64] = []
    private(set) var listOfFirstWord: [String: Int32] = [:]

    init() {}

    mutating func add(_ words: [String], to wordClass: WordClass, tag: Int32 = -1) {
        guard let first = words.first else { return }
        let entry = Entry(wordClass: wordClass, rest: Array(words.dropFirst()), tag: tag)
        let list: Int
        if let known = listOfFirstWord[first] {
            list = Int(known)
        } else {
            list = lists.count
            listOfFirstWord[first] = Int32(list)
            lists.append([])
            masks.append(0)
        }
        // A word listed twice does no harm (the longest match is the same), so there is no
        // search for duplicates: it made start-up slow for common first words.
        lists[list].append(entry)
        masks[list] |= wordClass.bit
    }

    /// A word of the sentence, or one the rewriter writes, with its classes looked up.
    func word(_ norm: String, text: String, isSymbol: Bool = false, made: Bool = false) -> RewriteWord {
        let list = listOfFirstWord[norm] ?? -1
        return RewriteWord(norm: norm, text: text, isMark: false, isSymbol: isSymbol,
                           starts: list >= 0 ? masks[Int(list)] : 0, list: list, made: made)
    }

    /// A word the rewriter writes itself ("not", "did", "when").
    func make(_ word: String) -> RewriteWord {
        self.word(word, text: word == "i" ? "I" : word, made: true)
    }

    /// How many words from `position` the longest entry of the class covers, if any.
    func match(_ wordClass: WordClass, _ words: [RewriteWord], at position: Int) -> Int? {
        guard position >= 0, position < words.count else { return nil }
        let first = words[position]
        guard !first.isMark, first.starts & wordClass.bit != 0, first.list >= 0 else { return nil }
        var best: Int?
        for entry in lists[Int(first.list)] where entry.wordClass == wordClass && position + entry.rest.count < words.count {
            var fits = true
            for (offset, word) in entry.rest.enumerated() where words[position + 1 + offset].isMark || words[position + 1 + offset].norm != word {
                fits = false
                break
            }
            if fits, entry.rest.count + 1 > (best ?? 0) { best = entry.rest.count + 1 }
        }
        return best
    }

    /// Every entry of the class that starts at `position` and fits the words there.
    func matches(_ wordClass: WordClass, _ words: [RewriteWord], at position: Int) -> [Entry] {
        guard position >= 0, position < words.count else { return [] }
        let first = words[position]
        guard !first.isMark, first.starts & wordClass.bit != 0, first.list >= 0 else { return [] }
        return lists[Int(first.list)].filter { entry in
            entry.wordClass == wordClass && position + entry.rest.count < words.count
                && entry.rest.indices.allSatisfy { !words[position + 1 + $0].isMark && words[position + 1 + $0].norm == entry.rest[$0] }
        }
    }

    /// Whether one word (not a phrase) is an entry of the class.
    func contains(_ wordClass: WordClass, _ word: RewriteWord) -> Bool {
        guard !word.isMark, word.starts & wordClass.bit != 0, word.list >= 0 else { return false }
        return lists[Int(word.list)].contains { $0.wordClass == wordClass && $0.rest.isEmpty }
    }

    /// Whether the class matches anywhere in `words`.
    func occurs(_ wordClass: WordClass, in words: [RewriteWord]) -> Bool {
        words.indices.contains { match(wordClass, words, at: $0) != nil }
    }
}
