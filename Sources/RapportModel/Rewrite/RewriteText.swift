/// Turning a sentence into words and back into text for the rewriter.
enum RewriteText {
    /// The line's tokens as words, keeping the user's spelling and capitals where a token is
    /// the whole of what they typed (not part of an expansion like "don't").
    static func words(of view: LineView, lexicon: Lexicon) -> [RewriteWord] {
        let tokens = view.tokens
        var result: [RewriteWord] = []
        var firstWord = true
        for (index, token) in tokens.enumerated() {
            if token.isPunctuation {
                let attached = index > 0 && tokens[index - 1].end == token.start
                result.append(RewriteWord(norm: token.text, text: view.text(of: index..<(index + 1)).text, isMark: true,
                                          id: Lexicon.unknown, attached: attached))
                continue
            }
            let shared = (index > 0 && tokens[index - 1].start == token.start) || (index + 1 < tokens.count && tokens[index + 1].start == token.start)
            var text = shared ? token.text : view.text(of: index..<(index + 1)).text
            if text.count > 1 && text == text.uppercased() && text != text.lowercased() {
                text = text.lowercased() // SHOUTING is not part of the message
            } else if firstWord, token.text != "i", let first = text.first, first.isUppercase {
                text = first.lowercased() + text.dropFirst()
            }
            if token.text == "i" { text = "I" }
            if shared && token.text != text { text = token.text == "i" ? "I" : token.text }
            // Texting forms are written out in the rewrite: "u" → "you", "ur" → "your".
            if !shared, text.count <= 3, text.lowercased() != token.text { text = token.text }
            result.append(RewriteWord(norm: token.text, text: text, isMark: false, id: token.word))
            firstWord = false
        }
        return result
    }

    /// Clauses: split at sentence and clause punctuation, and at "and"/"but" when a new subject follows.
    static func segments(_ words: [RewriteWord], concepts: RewriteConcepts) -> [[RewriteWord]] {
        var segments: [[RewriteWord]] = []
        var current: [RewriteWord] = []
        for (index, word) in words.enumerated() {
            // "When we visit your parents | you ignore me": a leading time clause ends where
            // the main clause's subject starts, comma or not.
            if concepts.match("main-subject", [word], at: 0) != nil, current.count >= 3, concepts.startsTimeClause(current),
               concepts.startsWithSubject(words[index...]) {
                segments.append(current)
                current = [word]
                continue
            }
            if word.isMark && [".", "!", "?", ";", ",", ":", "-", "(", ")", "\""].contains(word.norm) {
                if !current.isEmpty { segments.append(current) }
                current = []
                continue
            }
            // A new clause after "and"/"but": a new subject, or a verdict on it ("…and it's gross").
            if concepts.match("clause-joiner", [word], at: 0) != nil, !current.isEmpty,
               concepts.startsWithSubject(words[(index + 1)...]) || concepts.match("clause-subject", words, at: index + 1) != nil {
                segments.append(current)
                current = []
                continue
            }
            current.append(word)
        }
        if !current.isEmpty { segments.append(current) }
        return segments
    }

    /// Words written out, with expansions written the usual way ("do not" → "don't").
    static func render(_ words: [RewriteWord], _ knowledge: RewriteKnowledge) -> String {
        var out = ""
        var index = 0
        while index < words.count {
            var written: String?
            var length = 1
            for entry in knowledge.display where index + entry.words.count <= words.count
                && words[index..<(index + entry.words.count)].map(\.norm) == entry.words {
                written = entry.written
                length = entry.words.count
                break
            }
            let word = words[index]
            let text = written ?? word.text
            let previousOpens = index > 0 && words[index - 1].isMark && words[index - 1].norm == "'" && !words[index - 1].attached
            if word.isMark && written == nil {
                out += (word.attached || out.isEmpty ? "" : " ") + text
            } else {
                if !out.isEmpty && !previousOpens { out += " " }
                out += text
            }
            index += length
        }
        return out.trimmed
    }

    /// A sentence: first letter capital, one full stop at the end.
    static func sentence(_ text: String) -> String {
        var result = text.trimmed
        guard let first = result.first else { return result }
        result = first.uppercased() + result.dropFirst()
        if let last = result.last, !".!?".contains(last) { result += "." }
        return result
    }

    /// Whether a noun phrase is plural, judged by its last word.
    static func isPlural(_ words: [RewriteWord]) -> Bool {
        guard let last = words.last(where: { !$0.isMark })?.norm else { return false }
        if ["them", "these", "those", "they", "people", "children", "kids", "clothes", "dishes"].contains(last) { return true }
        return last.hasSuffix("s") && !last.hasSuffix("ss") && !last.hasSuffix("us") && !last.hasSuffix("is")
    }

    /// The words of a signal's span.
    static func range(of signal: Signal, in words: [RewriteWord], view: LineView) -> Range<Int>? {
        let indices = view.tokens.indices.filter { view.tokens[$0].start >= signal.start && view.tokens[$0].end <= signal.end }
        guard let first = indices.first, let last = indices.last, last < words.count else { return nil }
        return first..<(last + 1)
    }
}
