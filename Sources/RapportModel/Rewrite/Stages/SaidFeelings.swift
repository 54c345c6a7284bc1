/// "I'm sick of it", "honestly im so over it", "I don't care anymore", "I give up": the
/// speaker saying how they are without a feeling word (`said-feelings.txt`). A clause that
/// says only that is the feeling side of an I-statement, said as the plain feeling it is
/// ("worn out", "discouraged"); it is never what happened ("I feel hurt when I don't care")
/// and never the feeling word itself ("I feel sick when…").
struct SaidFeelings: Sendable {
    let table: [String: String]
    let classes: RewriteWordClasses
    let verbs: VerbInflector
    /// The most words a phrase of the table has.
    private let longest: Int
    /// The words the table's phrases start with: nothing is joined up to look for a phrase
    /// that cannot start here.
    private let firstWords: Set<String>

    init(_ table: [String: String], classes: RewriteWordClasses, verbs: VerbInflector) {
        self.table = table
        self.classes = classes
        self.verbs = verbs
        longest = table.keys.map { $0.split(separator: " ").count }.max() ?? 0
        firstWords = Set(table.keys.compactMap { $0.split(separator: " ").first.map(String.init) })
    }

    /// Whether a phrase of the table could be in these words (a cheap look before reading).
    func mayStart(in words: ArraySlice<RewriteWord>) -> Bool {
        words.contains { firstWords.contains($0.norm) }
    }

    struct Said: Sendable, Equatable {
        /// Where the phrase starts and ends (after it) in the words.
        var start: Int
        var end: Int
        /// The plain feeling it is.
        var feeling: String
        /// From "I" to the end of the phrase ("I'm so over it"), for the note.
        var words: [RewriteWord] = []
    }

    /// The phrase said by "I" at `index`: "I" (a form of "be", "feel" or "get", words of
    /// degree and fillers may follow) and then a phrase of the table. With `implied`, the
    /// "I" may be left out, as texts do ("so over it", "sick and tired of it").
    func match(_ words: [RewriteWord], at index: Int, implied: Bool = false) -> Said? {
        guard !table.isEmpty, index < words.count, words[index].norm == "i" || implied else { return nil }
        let spoken = words[index].norm == "i"
        var position = spoken ? index + 1 : index
        // Without the "I", no "be" or "get" either: "get over it" is said to them.
        var linked = !spoken
        while position < words.count, !words[position].isMark {
            let norm = words[position].norm
            if !linked, ["am", "was", "feel", "felt", "get", "got", "feeling", "getting"].contains(norm) {
                linked = true
                position += 1
            } else if !linked, ["have", "had"].contains(norm), position + 1 < words.count, words[position + 1].norm == "been" {
                linked = true
                position += 2
            } else if let length = classes.match(.filler, words, at: position) ?? classes.match(.degree, words, at: position)
                        ?? (classes.contains(.adverb, words[position]) ? 1 : nil), length > 1 || !["a", "an", "being"].contains(norm) {
                position += length
            } else {
                break
            }
        }
        guard position < words.count, firstWords.contains(words[position].norm) else { return nil }
        var length = min(longest, words.count - position)
        while length > 0 {
            let span = words[position..<(position + length)]
            if !span.contains(where: \.isMark), let feeling = table[span.map(\.norm).joined(separator: " ")] {
                return Said(start: position, end: position + length, feeling: feeling, words: Array(words[index..<(position + length)]))
            }
            length -= 1
        }
        return nil
    }

    /// The clause says only how the speaker is: the phrase, and after it nothing but
    /// fillers, absolutes and tags ("…anymore", "…tbh"), a short "with you" or "on this",
    /// or a phrase that shuts the talk down ("idc anymore do what u want"). "I don't care
    /// what you do" or "…where it goes" dismisses rather than says how they are: not this.
    func onlyFeeling(_ words: [RewriteWord]) -> Said? {
        var start = 0
        while start < words.count, words[start].isMark || words[start].isSymbol || classes.match(.opener, words, at: start) != nil
                || classes.match(.filler, words, at: start) != nil {
            start += words[start].isMark || words[start].isSymbol ? 1 : (classes.match(.opener, words, at: start) ?? classes.match(.filler, words, at: start)!)
        }
        guard let said = match(words, at: start, implied: true) else { return nil }
        var rest: [RewriteWord] = []
        var index = said.end
        while index < words.count {
            if words[index].isMark || words[index].isSymbol { index += 1; continue }
            if let length = classes.match(.filler, words, at: index) ?? classes.match(.absolute, words, at: index)
                ?? classes.match(.tail, words, at: index) ?? classes.match(.withdrawal, words, at: index) {
                index += length
                continue
            }
            rest.append(words[index])
            index += 1
        }
        guard !rest.isEmpty else { return said }
        // "tired of living", "don't care if I live or die" may be danger, never a mood.
        if rest.contains(where: { verbs.forms(of: $0.norm)?.gerund == $0.norm && !classes.contains(.notAVerb, $0) }) { return nil }
        let plain = rest.count <= 2 && !rest.contains {
            classes.contains(.determiner, $0) && !["this", "that"].contains($0.norm) || classes.contains(.person, $0)
                || classes.contains(.negativeAct, $0)
                || ["about", "because", "for", "when", "how", "what", "where", "whether", "if", "who", "why"].contains($0.norm)
        }
        return plain ? said : nil
    }

    /// "I'm sick of you being late", "so fed up with u leaving ur dishes everywhere": how the
    /// speaker is, and what they do that it is about, said as what they do ("you are late",
    /// "you leave your dishes everywhere"). Nil unless the phrase is followed by someone
    /// doing something ("sick of my job" is not about them).
    func aboutThem(_ input: [RewriteWord]) -> (said: Said, rest: [RewriteWord])? {
        var start = 0
        while start < input.count, input[start].isMark || input[start].isSymbol || classes.match(.opener, input, at: start) != nil {
            start += input[start].isMark || input[start].isSymbol ? 1 : classes.match(.opener, input, at: start)!
        }
        guard match(input, at: start, implied: true) != nil else { return nil }
        let words = input.filter { !$0.isSymbol }
        start = 0
        while start < words.count, words[start].isMark || classes.match(.opener, words, at: start) != nil {
            start += words[start].isMark ? 1 : classes.match(.opener, words, at: start)!
        }
        guard let said = match(words, at: start, implied: true) else { return nil }
        var index = said.end
        if index < words.count, ["of", "with"].contains(words[index].norm) { index += 1 }
        let subjects = ["you": "you", "him": "he", "her": "she", "them": "they", "he": "he", "she": "she", "they": "they"]
        guard index + 1 < words.count, let subject = subjects[words[index].norm] else { return nil }
        var verb = index + 1
        while verb < words.count, classes.contains(.adverb, words[verb]) || classes.match(.never, words, at: verb) != nil
            || classes.match(.absolute, words, at: verb) != nil || classes.match(.filler, words, at: verb) != nil {
            verb += classes.match(.never, words, at: verb) ?? classes.match(.absolute, words, at: verb) ?? classes.match(.filler, words, at: verb) ?? 1
        }
        guard verb < words.count, let forms = verbs.forms(of: words[verb].norm), forms.gerund == words[verb].norm,
              !classes.contains(.notAVerb, words[verb]) else { return nil }
        let third = subject == "he" || subject == "she"
        let present = forms.base == "be" ? (third ? "is" : "are") : (third ? verbs.thirdPerson(of: forms.base) : forms.base)
        var rest = [classes.make(subject)] + words[(index + 1)..<verb]
        rest.append(classes.make(present))
        rest += words[(verb + 1)...]
        return (said, rest)
    }
}
