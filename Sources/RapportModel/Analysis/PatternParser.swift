/// Parses the pattern part of a rule line. The syntax, in `Vocabulary/README.md`:
/// words, `~concept`, `[a b ~c]`, `[a phrase, another]`, `x?`, `...`/`...N`/`...*`, `^`, `$`, `<`, `>`, `!x`,
/// and the marks `,` `?` `!` `.` `;` `:` `-` standing alone.
struct PatternParser {
    let file: String
    let line: Int
    let lineText: Substring
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, line: Int, lineText: Substring) {
        self.file = file
        self.line = line
        self.lineText = lineText
    }

    private static let marks: Set<String> = [",", "?", "!", ".", ";", ":", "-"]
    static let clauseGapLimit = 40

    mutating func parse(_ text: Substring, builder: inout VocabularyBuilder, concepts: VocabularyBuilder.LinkedConcepts) -> [PatternElement] {
        var elements: [PatternElement] = []
        let bytes = text.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 13 }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if isSpace(bytes[index]) {
                index = bytes.index(after: index)
                continue
            }
            let start = index
            // "![…]": the next token is none of the alternatives.
            var negated = false
            if bytes[index] == 33, bytes.index(after: index) < bytes.endIndex, bytes[bytes.index(after: index)] == 91 {
                negated = true
                index = bytes.index(after: index)
            }
            if bytes[index] == 91 {
                guard let close = bytes[index...].firstIndex(of: 93) else {
                    fail(at: start, "'[' has no closing ']'")
                    return elements
                }
                let inside = Substring(bytes[bytes.index(after: index)..<close])
                index = bytes.index(after: close)
                var optional = false
                if index < bytes.endIndex && bytes[index] == 63 {
                    optional = true
                    index = bytes.index(after: index)
                }
                var alternatives: [PatternElement] = []
                // Phrases separated by commas: [right away, first thing]; else single words: [sorry ~regret].
                let phrases = inside.utf8.contains(44) ? inside.pieces(separatedBy: 44) : inside.pieces(separatedBy: 32)
                for phrase in phrases {
                    let parsed = phrase.pieces(separatedBy: 32).filter { !$0.trimmedSpaces.isEmpty }
                        .flatMap { parseAtom($0.trimmedSpaces, builder: &builder, concepts: concepts) }
                    if parsed.count == 1 {
                        alternatives.append(parsed[0])
                    } else if !parsed.isEmpty {
                        alternatives.append(.sequence(parsed))
                    }
                }
                if alternatives.isEmpty { fail(at: start, "'[ ]' needs at least one alternative") }
                let choice = PatternElement.choice(alternatives)
                elements.append(negated ? .notNext(choice) : optional ? .optional(choice) : choice)
                continue
            }
            var end = index
            while end < bytes.endIndex && !isSpace(bytes[end]) && bytes[end] != 91 { end = bytes.index(after: end) }
            index = end
            elements += parseToken(Substring(bytes[start..<end]), builder: &builder, concepts: concepts)
        }
        return elements
    }

    private mutating func parseToken(_ token: Substring, builder: inout VocabularyBuilder, concepts: VocabularyBuilder.LinkedConcepts) -> [PatternElement] {
        switch token {
        case "^": return [.clauseStart]
        case "$": return [.clauseEnd]
        case "<": return [.spanStart]
        case ">": return [.spanEnd]
        case "...": return [.gap(max: 3)]
        case "...*": return [.gap(max: PatternParser.clauseGapLimit)]
        default: break
        }
        if PatternParser.marks.contains(String(token)) { return [.punctuation(String(token))] }
        if token.hasPrefix("...") {
            guard let limit = Int(token.dropFirst(3)), limit > 0 else {
                fail(at: token.startIndex, "a gap is '...', '...N' (N words at most) or '...*' (the rest of the clause)")
                return []
            }
            return [.gap(max: limit)]
        }
        if token.hasPrefix("!") && token.count > 1 {
            let inner = parseAtomWithSuffix(token.dropFirst(), builder: &builder, concepts: concepts)
            guard inner.count == 1 else {
                fail(at: token.startIndex, "'!' applies to one word or concept")
                return []
            }
            return [.notNext(inner[0])]
        }
        return parseAtomWithSuffix(token, builder: &builder, concepts: concepts)
    }

    /// A word or concept, optionally followed by `?`.
    private mutating func parseAtomWithSuffix(_ token: Substring, builder: inout VocabularyBuilder, concepts: VocabularyBuilder.LinkedConcepts) -> [PatternElement] {
        if token.hasSuffix("?") && token.count > 1 {
            let inner = parseAtom(token.dropLast(), builder: &builder, concepts: concepts)
            guard inner.count == 1 else {
                fail(at: token.startIndex, "'\(token)': only one word or concept can be optional; use a ~concept for a phrase")
                return []
            }
            return [.optional(inner[0])]
        }
        return parseAtom(token, builder: &builder, concepts: concepts)
    }

    /// A word (normalised like typed text, so "i'm" is two words) or a `~concept`.
    private mutating func parseAtom(_ atom: Substring, builder: inout VocabularyBuilder, concepts: VocabularyBuilder.LinkedConcepts) -> [PatternElement] {
        if atom.hasPrefix("~") {
            let name = String(atom.dropFirst())
            guard let index = concepts.index[name] else {
                fail(at: atom.startIndex, "unknown concept ~\(name)")
                return []
            }
            return [.concept(index)]
        }
        if PatternParser.marks.contains(String(atom)) { return [.punctuation(String(atom))] }
        let words = builder.normalisedWords(VocabularyBuilder.fold(String(atom)))
        if words.isEmpty {
            fail(at: atom.startIndex, "'\(atom)' is not a word")
        }
        return words.map { .word(builder.intern($0)) }
    }

    private mutating func fail(at index: Substring.Index, _ message: String) {
        let column = lineText.unicodeScalars.distance(from: lineText.startIndex, to: index) + 1
        diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
    }
}
