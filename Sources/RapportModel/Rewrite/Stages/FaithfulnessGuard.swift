/// The guard that keeps a need or a request faithful: every word in it is a plain word of
/// talking, time or needs (`generic-words.txt`), or was raised by the sentence, itself or
/// through a word it belongs to (`linked-words.txt`: "reply" when they never text back).
/// A request that names a topic the sentence did not raise ("set a budget" for a sentence
/// about calls) does not pass, and the next candidate is tried.
struct FaithfulnessGuard: Sendable {
    let genericWords: Set<String>
    let linkedWords: [String: [[String]]]
    let verbs: VerbInflector

    /// What a sentence raised: its words and their plain forms ("spent" → "spend",
    /// "texts" → "text").
    struct Raised: Sendable {
        var forms: Set<String>
        var words: [String]
        /// Where each word occurs in `words`, to find a linked phrase without a scan.
        var positions: [String: [Int]]
    }

    func raised(by words: [RewriteWord]) -> Raised {
        var forms: Set<String> = []
        var norms: [String] = []
        var positions: [String: [Int]] = [:]
        for word in words where !word.isMark && !word.made {
            positions[word.norm, default: []].append(norms.count)
            norms.append(word.norm)
            forms.formUnion(plainForms(of: word.norm))
        }
        return Raised(forms: forms, words: norms, positions: positions)
    }

    /// The words of a need or request that nothing allows, empty when it is faithful.
    func unraised(_ words: [String], in sentence: Raised) -> [String] {
        words.filter { word in
            if genericWords.contains(word) { return false }
            if !plainForms(of: word).isDisjoint(with: sentence.forms) { return false }
            if let phrases = linkedWords[word], phrases.contains(where: { occurs($0, in: sentence) }) { return false }
            return true
        }
    }

    func allows(_ words: [String], in sentence: Raised) -> Bool {
        unraised(words, in: sentence).isEmpty
    }

    private func plainForms(of word: String) -> Set<String> {
        var forms: Set<String> = [word]
        if let verb = verbs.forms(of: word) { forms.insert(verb.base) }
        if word.hasSuffix("s"), word.count > 3, !word.hasSuffix("ss") { forms.insert(String(word.dropLast())) }
        return forms
    }

    private func occurs(_ phrase: [String], in sentence: Raised) -> Bool {
        guard let first = phrase.first, let starts = sentence.positions[first] else { return false }
        return starts.contains { start in
            start + phrase.count <= sentence.words.count && sentence.words[start..<(start + phrase.count)].elementsEqual(phrase)
        }
    }
}
