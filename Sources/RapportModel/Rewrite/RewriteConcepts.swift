/// The concepts the rewriter tests words against, looked up once by name. They live in
/// `Vocabulary/concepts/` (mostly `rewriting.txt`) like every other word class.
struct RewriteConcepts: Sendable {
    private let vocabulary: Vocabulary
    private let indices: [String: Int]

    static let names = ["drop-absolute", "never-like", "object-end", "mind-reading", "feeling-verb", "excess-word",
                        "label-adj", "feeling", "mock-vocative", "sarcastic-praise", "disgust-word", "discourse",
                        "aux", "adv", "be", "not-passive", "insult-adj", "label-degree", "object-start", "determiner", "idiom-object", "forget-verb", "other-subj", "first-person", "insult-noun",
                        "time-opener", "clause-joiner", "clause-subject", "with-context", "speaker-subject", "not-a-verb",
                        "main-subject"]

    init(_ vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        var indices: [String: Int] = [:]
        for name in RewriteConcepts.names {
            if let index = vocabulary.concept(named: name) { indices[name] = index }
        }
        self.indices = indices
    }

    /// Any missing names, for the loader to report.
    static func missing(in vocabulary: Vocabulary) -> [String] {
        names.filter { vocabulary.concept(named: $0) == nil }
    }

    func id(_ word: String) -> Int32 {
        vocabulary.lexicon.id(of: word)
    }

    func made(_ word: String) -> RewriteWord {
        RewriteWord(norm: word, text: word == "i" ? "I" : word, isMark: false, id: id(word))
    }

    /// How many words from `position` an entry of the concept covers, if any.
    func match(_ concept: String, _ words: [RewriteWord], at position: Int) -> Int? {
        guard let index = indices[concept], position < words.count, !words[position].isMark else { return nil }
        // Only the words an entry could reach: looking up the whole line at every position
        // made long lines quadratic.
        let reach = words[position..<min(words.count, position + vocabulary.concepts.longestEntry(index))]
        let ids = reach.map { $0.isMark ? Lexicon.unknown : ($0.id >= 0 ? $0.id : id($0.norm)) }
        return vocabulary.concepts.longestMatch(index, in: ids, at: 0)
    }

    func isDiscourse(_ word: RewriteWord) -> Bool {
        match("discourse", [word], at: 0) != nil
    }

    func isMockery(_ word: RewriteWord) -> Bool {
        match("mock-vocative", [word], at: 0) != nil || match("sarcastic-praise", [word], at: 0) != nil
            || match("disgust-word", [word], at: 0) != nil
    }

    func isFeeling(_ word: String) -> Bool {
        match("feeling", [made(word)], at: 0) != nil
    }

    /// Whether the words open with "when", "every time" and the like.
    func startsTimeClause(_ words: [RewriteWord]) -> Bool {
        guard let first = words.firstIndex(where: { !$0.isMark }) else { return false }
        return match("time-opener", words, at: first) != nil
    }

    /// Whether a word only looks like a verb form ("nothing", "morning", "how").
    func isNotAVerb(_ word: String) -> Bool {
        match("not-a-verb", [made(word)], at: 0) != nil
    }

    func isAuxiliary(_ word: String) -> Bool {
        match("aux", [made(word)], at: 0) != nil
    }

    /// Whether the words start with a subject other than the speaker ("you", "your mum").
    func startsWithSubject(_ words: some Collection<RewriteWord>) -> Bool {
        match("other-subj", Array(words), at: 0) != nil
    }

    /// How many words the subject at the start takes ("your mother" is two), 0 if none.
    func subjectLength(_ words: [RewriteWord]) -> Int {
        if let length = match("other-subj", words, at: 0) { return length }
        if let first = words.first, match("first-person", [first], at: 0) != nil { return 1 }
        return 0
    }

    /// "too much money" → "this much money": the amount without the verdict.
    func softenExcess(_ words: [RewriteWord]) -> [RewriteWord] {
        var result: [RewriteWord] = []
        var index = 0
        while index < words.count {
            if let length = match("excess-word", words, at: index) {
                let many = words[index..<(index + length)].contains { $0.norm == "many" }
                result += [made("this"), made(many ? "many" : "much")]
                index += length
            } else {
                result.append(words[index])
                index += 1
            }
        }
        return result
    }
}
