/// The guard that keeps a need or a request faithful: every word in it is a plain word of
/// talking, time or needs (`generic-words.txt`), or was raised by the sentence, itself or
/// through a word it belongs to (`linked-words.txt`: "reply" when they never text back).
/// A request that names a topic the sentence did not raise ("set a budget" for a sentence
/// about calls) does not pass, and the next candidate is tried.
struct FaithfulnessGuard: Sendable {
    let genericWords: Set<String>
    let linkedWords: [String: [[String]]]
    let verbs: VerbInflector

    /// What a sentence raised: its words, and where each occurs (to find a linked phrase
    /// without a scan). The plain forms of its words ("spent" → "spend") are worked out
    /// only when a need or request asks about a word that is not there as typed.
    struct Raised: Sendable {
        var words: [String]
        var positions: [String: [Int]]
    }

    func raised(by words: [RewriteWord]) -> Raised {
        var norms: [String] = []
        var positions: [String: [Int]] = [:]
        for word in words where !word.isMark && !word.made {
            positions[word.norm, default: []].append(norms.count)
            norms.append(word.norm)
        }
        return Raised(words: norms, positions: positions)
    }

    /// The words of a need or request that nothing allows, empty when it is faithful.
    func unraised(_ words: [String], in sentence: Raised) -> [String] {
        words.filter { word in
            if genericWords.contains(word) || sentence.positions[word] != nil { return false }
            if isRaisedInAnotherForm(word, in: sentence) { return false }
            if let phrases = linkedWords[word], phrases.contains(where: { occurs($0, in: sentence) }) { return false }
            return true
        }
    }

    /// "spending" for a sentence that says "spent", "texts" for one that says "text": the
    /// word's other forms are made from it and looked for, so the sentence is never
    /// worked through word by word.
    private func isRaisedInAnotherForm(_ word: String, in sentence: Raised) -> Bool {
        var forms: [String] = []
        if let verb = verbs.forms(of: word) {
            forms += [verb.base, verb.past, verb.participle, verb.gerund, verbs.thirdPerson(of: verb.base)]
        }
        forms.append(word + "s")
        if word.hasSuffix("s"), word.count > 3 { forms.append(String(word.dropLast())) }
        return forms.contains { sentence.positions[$0] != nil }
    }

    func allows(_ words: [String], in sentence: Raised) -> Bool {
        unraised(words, in: sentence).isEmpty
    }

    private func occurs(_ phrase: [String], in sentence: Raised) -> Bool {
        guard let first = phrase.first, let starts = sentence.positions[first] else { return false }
        return starts.contains { start in
            start + phrase.count <= sentence.words.count && sentence.words[start..<(start + phrase.count)].elementsEqual(phrase)
        }
    }
}
