/// Fills a slot from a reply with what the slot claims to hold: the person a reply names
/// ("I hung up on my dad" → "my dad"), or the first clause of a long answer. What it
/// returns is the user's own words; the engine turns "my" into "your" when it repeats them.
public struct SlotReader: Sendable {
    /// What a reply to "who is it?" gave.
    public enum Person: Sendable, Equatable {
        /// Someone, in the user's words: "my brother Tom", "Sam".
        case named(String)
        /// Nobody in particular: "idk", "no one".
        case nobody
        /// Not an answer to the question ("Is now a good time to talk?").
        case notAPerson
    }

    public let words: SlotWords

    public init(words: SlotWords) {
        self.words = words
    }

    /// The kinds a name-only answer can carry ("idk" is unsure, "no one" a decline).
    public static let answerKinds: Set<SignalKind> = [.unsure, .decline, .answerNo, .agreement, .stonewalling]

    /// Who a reply to "who is it with?" names. `kinds`: what the analysis found in it.
    public func person(in text: String, kinds: Set<SignalKind>) -> Person {
        let tokens = Tokens(text)
        guard !tokens.bare.isEmpty else { return .notAPerson }
        if let found = personPhrase(in: tokens, anywhere: true) { return .named(found) }
        if startsWithNobody(tokens) { return .nobody }
        if kinds.isSubset(of: SlotReader.answerKinds), let name = shortName(tokens) { return .named(name) }
        if let name = nameAfterPreposition(tokens) { return .named(name) }
        return .notAPerson
    }

    /// A person a sentence happens to name, if any: "I hung up on my dad" → "my dad".
    public func findPerson(in text: String) -> String? {
        personPhrase(in: Tokens(text), anywhere: false)
    }

    /// What words that name someone say it is about, after a linking word: "say sorry to my
    /// sister for missing her recital" → "missing her recital". Nil when no one is named
    /// before the link, or what follows is a word or two ("for everything").
    public func about(in text: String) -> String? {
        let tokens = Tokens(text)
        for index in 1..<max(1, tokens.count) where match(words.entries("about"), in: tokens, at: index) == 1 {
            let before = tokens.original[..<index].joined(separator: " ")
            guard personPhrase(in: Tokens(before), anywhere: false) != nil, !tokens.endsClause(index) else { continue }
            guard let phrase = phrase(from: tokens.original[(index + 1)...].joined(separator: " ")),
                  phrase.split(separator: " ").count >= 2 else { return nil }
            return phrase
        }
        return nil
    }

    /// The point of a longer answer: its first clause, without fillers, at most
    /// `wordLimit` words. Nil when nothing is left ("idk").
    public func phrase(from text: String, wordLimit: Int = 14) -> String? {
        let tokens = Tokens(text)
        var start = 0
        // Fillers, repeatedly: "um, so basically she…".
        while start < tokens.count, let length = match(words.entries("filler"), in: tokens, at: start) {
            start += length
        }
        // Nothing left, or only "idk": no phrase.
        guard start < tokens.count, match(words.entries("nobody"), in: tokens, at: start) != tokens.count - start else { return nil }
        var end = start
        while end < tokens.count {
            if end > start + 1, match(words.entries("break"), in: tokens, at: end) != nil { break }
            end += 1
            if tokens.endsClause(end - 1) { break }
        }
        let limited = min(end, start + wordLimit)
        let phrase = tokens.original[start..<limited].joined(separator: " ")
        let trimmed = Tokens.trimPunctuation(phrase)
        guard !trimmed.isEmpty else { return nil }
        return limited < end ? trimmed + "…" : trimmed
    }

    // MARK: - Reading

    /// "my (little) brother (Tom)", or at the start of a short reply a bare "mum" (as "my mum").
    private func personPhrase(in tokens: Tokens, anywhere: Bool) -> String? {
        for index in 0..<tokens.count {
            if let owner = match(words.entries("owner"), in: tokens, at: index) {
                var noun = index + owner
                var skipped = 0
                while skipped < 2, let modifier = match(words.entries("modifier"), in: tokens, at: noun),
                      match(words.entries("person"), in: tokens, at: noun) == nil {
                    noun += modifier
                    skipped += 1
                }
                guard let length = match(words.entries("person"), in: tokens, at: noun) else { continue }
                var end = noun + length
                var words = tokens.original[index..<end].map(Tokens.trimPunctuation)
                if !words.isEmpty, !isEntry(tokens.bare[noun..<end]) {
                    // A texted possessive, "mums": said back as the person, "mum".
                    words[words.count - 1] = String(words[words.count - 1].dropLast())
                }
                // "my brother Tom": a capitalised name straight after.
                if !tokens.endsClause(end - 1), end < tokens.count, tokens.isCapitalisedName(end) {
                    words.append(tokens.original[end])
                    end += 1
                }
                return Tokens.trimPossessive(Tokens.trimPunctuation(words.joined(separator: " ")))
            }
        }
        // "mum", "Dad.", "my boss": a short reply that is only who they are.
        if anywhere, tokens.count <= 3, let length = match(words.entries("person"), in: tokens, at: 0), length == tokens.count {
            return "my " + Tokens.trimPunctuation(tokens.original[0..<length].joined(separator: " "))
        }
        return nil
    }

    /// Whether these words are a person entry exactly (not with a texted "s").
    private func isEntry(_ typed: ArraySlice<String>) -> Bool {
        words.entries("person").contains { typed.elementsEqual($0) }
    }

    /// "idk", "no one really": the reply is a nobody answer, with at most one word after it
    /// ("she took my bins out" starts with "she" but says something else).
    private func startsWithNobody(_ tokens: Tokens, at start: Int = 0) -> Bool {
        guard let length = match(words.entries("nobody"), in: tokens, at: start) else { return false }
        return tokens.count - start - length <= 1
    }

    /// "Sam", "jo", "Mr Patel", "Mary Jo Smith": one or two words that are not everyday
    /// words, or three typed with capitals ("Jo helped loads" is not a name).
    private func shortName(_ tokens: Tokens) -> String? {
        guard tokens.count <= 2 || (tokens.count == 3 && tokens.original.allSatisfy { $0.first?.isUppercase == true }) else { return nil }
        for index in 0..<tokens.count {
            let word = tokens.bare[index]
            guard !word.isEmpty, word.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "'" || $0 == "." }) else { return nil }
            if words.entries("not-name").contains([word]) { return nil }
        }
        return tokens.original.map { Tokens.capitalised(Tokens.trimPunctuation($0)) }.joined(separator: " ")
    }

    /// "it's with Sam from work" → "Sam".
    private func nameAfterPreposition(_ tokens: Tokens) -> String? {
        for index in 0..<(tokens.count - 1) where ["to", "with", "for", "at"].contains(tokens.bare[index]) {
            if !tokens.endsClause(index), tokens.isCapitalisedName(index + 1) {
                return Tokens.trimPossessive(Tokens.trimPunctuation(tokens.original[index + 1]))
            }
        }
        return nil
    }

    /// The length of the longest entry that matches at `index`, if one does. An entry
    /// does not run across a comma or a full stop. The last word may carry a texted
    /// possessive ("my mums bday": "mums" for "mum's").
    func match(_ entries: [[String]], in tokens: Tokens, at index: Int) -> Int? {
        for entry in entries where index + entry.count <= tokens.count {
            let typed = tokens.bare[index..<(index + entry.count)]
            let exact = typed.elementsEqual(entry)
            let possessive = !exact && typed.dropLast().elementsEqual(entry.dropLast()) && typed.last == entry.last.map { $0 + "s" }
            guard exact || possessive else { continue }
            if (index..<(index + entry.count - 1)).contains(where: tokens.endsClause) { continue }
            return entry.count
        }
        return nil
    }
}

/// A reply split into words: as typed, and bare (lowercase, without the punctuation around).
struct Tokens {
    let original: [String]
    let bare: [String]

    init(_ text: String) {
        original = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline }).map(String.init)
        bare = original.map { Tokens.trimPossessive(Tokens.trimPunctuation(SlotWords.words(of: $0).joined(separator: " "))) }
    }

    var count: Int { original.count }

    /// Whether the word at `index` ends a clause: "dad," or "Sam."
    func endsClause(_ index: Int) -> Bool {
        guard let last = original[index].last else { return false }
        return ",.;:!?…".contains(last)
    }

    /// A word typed with a capital that reads as a name, not "I" or a word after a full stop.
    func isCapitalisedName(_ index: Int) -> Bool {
        let word = Tokens.trimPunctuation(original[index])
        guard let first = word.first, first.isUppercase, word != "I", word.count > 1 else { return false }
        if index > 0, let previous = original[index - 1].last, ".!?".contains(previous) { return false }
        return word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" }
    }

    static func trimPunctuation(_ text: String) -> String {
        let isEdge: (Character) -> Bool = { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’" || $0 == "…") }
        let start = text.firstIndex { !isEdge($0) } ?? text.endIndex
        let end = text.lastIndex { !isEdge($0) }.map { text.index(after: $0) } ?? start
        return start < end ? String(text[start..<end]) : ""
    }

    /// "sister's" → "sister".
    static func trimPossessive(_ text: String) -> String {
        for suffix in ["'s", "’s"] where text.hasSuffix(suffix) { return String(text.dropLast(2)) }
        return text
    }

    static func capitalised(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }
}

extension SlotReader {
    /// What the coach calls someone the user has not named.
    public static let stranger = "them"
}
