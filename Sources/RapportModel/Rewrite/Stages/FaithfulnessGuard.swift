/// The guard that keeps a need or a request faithful: every word in it is a plain word of
/// talking or needs, or part of a plain phrase of time ("this week", "ten minutes") said
/// whole (`generic-words.txt`), or was raised by the sentence, itself or through a word it
/// belongs to (`linked-words.txt`: "reply" when they never text back). "One evening a
/// week" is no plain phrase: a routine the sentence did not raise does not pass.
/// A request that names a topic the sentence did not raise ("set a budget" for a sentence
/// about calls) does not pass, and the next candidate is tried.
struct FaithfulnessGuard: Sendable {
    let genericWords: Set<String>
    let genericPhrases: [[String]]
    let linkedWords: [String: [[String]]]
    let verbs: VerbInflector
    /// The words the plain phrases start with: a text with none of them has no phrase.
    private let phraseStarts: Set<String>

    init(genericWords: Set<String>, genericPhrases: [[String]], linkedWords: [String: [[String]]], verbs: VerbInflector) {
        self.genericWords = genericWords
        self.genericPhrases = genericPhrases
        self.linkedWords = linkedWords
        self.verbs = verbs
        phraseStarts = Set(genericPhrases.compactMap(\.first))
    }

    /// What a sentence raised: its words as read. Most needs and requests use only plain
    /// words, so nothing more is worked out until a word that is not plain is asked about.
    struct Raised: Sendable {
        var words: [String]
    }

    func raised(by words: [RewriteWord]) -> Raised {
        Raised(words: words.compactMap { $0.isMark || $0.made ? nil : $0.norm })
    }

    /// The words of a need or request that nothing allows, empty when it is faithful.
    func unraised(_ input: [String], in sentence: Raised) -> [String] {
        notRaised(plainRemoved(input), in: sentence)
    }

    /// The words with the plain phrases and words taken out: what a sentence must raise.
    /// The phrases go whole first: "this week" passes, "a week" does not.
    func plainRemoved(_ input: [String]) -> [String] {
        var words = input
        if input.contains(where: { phraseStarts.contains($0) }) {
            for phrase in genericPhrases where phrase.count <= words.count && words.contains(phrase[0]) {
                var start = 0
                while start + phrase.count <= words.count {
                    if words[start..<(start + phrase.count)].elementsEqual(phrase) {
                        words.removeSubrange(start..<(start + phrase.count))
                    } else {
                        start += 1
                    }
                }
            }
        }
        return words.filter { !genericWords.contains($0) }
    }

    /// Of words that are not plain (`plainRemoved`), those the sentence did not raise.
    func notRaised(_ words: [String], in sentence: Raised) -> [String] {
        words.filter { word in
            if sentence.words.contains(word) { return false }
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
        return forms.contains { sentence.words.contains($0) }
    }

    func allows(_ words: [String], in sentence: Raised) -> Bool {
        unraised(words, in: sentence).isEmpty
    }

    /// The same for a text of the data, whose words that are not plain were found once.
    func allows(notPlain words: [String], in sentence: Raised) -> Bool {
        notRaised(words, in: sentence).isEmpty
    }

    private func occurs(_ phrase: [String], in sentence: Raised) -> Bool {
        guard let first = phrase.first, phrase.count <= sentence.words.count else { return false }
        return sentence.words.indices.contains { start in
            sentence.words[start] == first && start + phrase.count <= sentence.words.count
                && sentence.words[start..<(start + phrase.count)].elementsEqual(phrase)
        }
    }
}
