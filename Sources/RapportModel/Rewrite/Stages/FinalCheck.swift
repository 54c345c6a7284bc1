/// The last look at a rewrite before it is given: it must read as a sentence and keep the
/// rubric. The observation may not end on a word that starts a phrase ("…made me look
/// in"), repeat a word ("the the"), or keep an absolute, a label or a jab; the whole may
/// hold no bracketed example text and none of the shapes that make a complaint a fight
/// ("you're so…", "I feel like you…", "why do you…"). What fails is named, so the
/// rewriter can fall back to a marked blank rather than give a broken sentence.
struct FinalCheck: Sendable {
    let classes: RewriteWordClasses
    let verbs: VerbInflector
    let faithfulness: FaithfulnessGuard

    enum Problem: Sendable, Equatable {
        case cutOff(String)
        case repeated(String)
        case judgement(String)
        case bracket
        case fightingWords(String)
    }

    /// What is wrong with the observation's words.
    func problems(inObservation words: [RewriteWord]) -> [Problem] {
        var problems: [Problem] = []
        let content = words.filter { !$0.isMark }
        // One word ("it") is not something that happened.
        guard content.count >= 2, let last = content.last else { return [.cutOff(content.last?.text ?? "")] }
        let before = content.count >= 2 ? content[content.count - 2] : nil
        // "…you didn't", "…after we agreed not to", "…wanted to" end well.
        let closesEllipsis = (last.norm == "not" && before.map { classes.contains(.aux, $0) } ?? false)
            || (last.norm == "to" && before.map { $0.norm == "not" || verbs.forms(of: $0.norm) != nil } ?? false)
        if (classes.contains(.dangling, last) || last.norm == "to" || last.norm == "not"), !closesEllipsis {
            problems.append(.cutOff(last.text))
        }
        // "…made me look in front of my parents": a linking verb with nothing to link.
        for index in content.indices.dropFirst().dropLast() where classes.contains(.linking, content[index])
            && ["me", "us", "you", "him", "her", "them"].contains(content[index - 1].norm)
            && classes.contains(.phraseEnd, content[index + 1]) && content[index + 1].norm != "like" {
            problems.append(.cutOff(content[index].text))
        }
        for (previous, word) in zip(content, content.dropFirst()) where previous.norm == word.norm && !["that", "had"].contains(word.norm) {
            problems.append(.repeated(word.text))
        }
        for index in content.indices {
            if classes.match(.absolute, content, at: index) != nil || classes.match(.never, content, at: index) != nil {
                problems.append(.judgement(content[index].text))
            }
            if classes.contains(.mockName, content[index]) { problems.append(.judgement(content[index].text)) }
            if let verdict = judgement(in: content, at: index) { problems.append(.judgement(verdict)) }
            // "you're so lazy" left in.
            if content[index].norm == "you", index + 2 < content.count, content[index + 1].norm == "are",
               classes.match(.label, content, at: index + 2) != nil || ["so", "such"].contains(content[index + 2].norm) {
                problems.append(.judgement(content[index + 2].text))
            }
        }
        return problems
    }

    /// A verdict kept in what happened: a `~verdict` word said of something ("…and it was
    /// so disrespectful", "…being your fault", "that's not normal"), or a clearly negative
    /// word of the valence lexicon after "so", "such" or "too" ("…acting so shady"). A
    /// feeling, a state or an act ("so tired", "so late", "so drunk") is not one.
    private func judgement(in words: [RewriteWord], at index: Int) -> String? {
        // Most words start no verdict and are no judgement: a look at their classes says so.
        guard index > 0, words[index].starts & (WordClass.verdict.bit | WordClass.judgement.bit) != 0 else { return nil }
        let be = FinalCheck.beForms
        var before = index - 1
        while before > 0, !be.contains(words[before].norm), classes.contains(.degree, words[before]) || classes.contains(.adverb, words[before]) {
            before -= 1
        }
        let said = words[before].norm
        let intensified = FinalCheck.intensifiers.contains(words[index - 1].norm)
        let word = words[index]
        if let length = classes.match(.verdict, words, at: index), length > 1 || !classes.contains(.feeling, word) && !classes.contains(.state, word),
           be.contains(said) || intensified {
            return words[index..<(index + length)].map(\.text).joined(separator: " ")
        }
        if intensified, classes.contains(.judgement, word), !classes.contains(.feeling, word), !classes.contains(.state, word),
           !classes.contains(.negativeAct, word) {
            return word.text
        }
        return nil
    }

    /// The words of a need or request (normalised) that neither the sentence raised, nor a
    /// word it raised, nor the plain words of talking and time allow: "phone-free" for a
    /// sentence about jealousy, "one evening a week" for one about being home late. Whatever
    /// chose the need and the request, this is the guard they pass last.
    func invented(_ words: [String], in sentence: FaithfulnessGuard.Raised) -> [String] {
        faithfulness.unraised(words.filter { $0.contains { $0.isLetter } }, in: sentence)
    }

    /// The same for a text of the data, whose words that are not plain were found once.
    func invented(notPlain words: [String], in sentence: FaithfulnessGuard.Raised) -> [String] {
        faithfulness.notRaised(words, in: sentence)
    }

    private static let beForms: Set<String> = ["is", "was", "are", "were", "be", "being", "been"]
    private static let intensifiers: Set<String> = ["so", "such", "too"]
    private static let anyWords: Set<String> = ["any", "anything", "anyone", "anybody", "anywhere"]

    /// Words after which "any…" reads right: a negative, a condition, a question word.
    static let licensesAny: Set<String> = ["not", "never", "no", "if", "whether", "without", "before", "hardly", "barely"]

    /// "Could you help me with anything?": a request with a bare "any…" reads wrong (it is
    /// the sentence's negative turned round and not finished).
    func bareAny(inRequest words: [String]) -> Bool {
        guard let anyAt = words.firstIndex(where: { FinalCheck.anyWords.contains($0) }) else { return false }
        return !words[..<anyAt].contains { FinalCheck.licensesAny.contains($0) }
    }

    /// What is wrong with a text: the observation as written out.
    func problems(inText text: String) -> [Problem] {
        var problems: [Problem] = []
        let low = FinalCheck.folded(text)
        if low.contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) {
            problems.append(.bracket)
        }
        for shape in FinalCheck.fightingShapes where FinalCheck.find(shape, in: low) {
            problems.append(.fightingWords(String(decoding: shape, as: UTF8.self).trimmed))
        }
        return problems
    }

    /// Shapes that make a complaint a fight, matched in the folded text.
    private static let fightingShapes: [[UInt8]] = [" you're so ", " you are so ", " you're such ", " i feel like you", " i feel that you",
                                                     " i feel you ", "why do you", "why don't you", "do you even", "do you ever",
                                                     " always ", " never "].map { Array($0.utf8) }

    /// The text's bytes with ASCII letters lowered and "’" read as "'", padded with a space
    /// at each end: what the shapes are looked for in (cheaper than Foundation's search).
    static func folded(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = [32]
        bytes.reserveCapacity(text.utf8.count + 2)
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            if byte == 0xE2 {
                // "’" is E2 80 99.
                let second = utf8.next(), third = utf8.next()
                if second == 0x80 && third == 0x99 { bytes.append(UInt8(ascii: "'")); continue }
                bytes.append(byte)
                if let second { bytes.append(second) }
                if let third { bytes.append(third) }
                continue
            }
            bytes.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
        }
        bytes.append(32)
        return bytes
    }

    /// Whether `needle` occurs in `haystack`.
    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        let first = needle[0]
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}
