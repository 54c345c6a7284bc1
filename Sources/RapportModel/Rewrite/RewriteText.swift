/// Turning a sentence into words and back into text for the rewriter.
enum RewriteText {
    /// The line's tokens as words, keeping the user's spelling where a token is the whole
    /// of what they typed (not part of an expansion like "don't"), writing short texting
    /// forms out ("u" → "you"), and lowering SHOUTING.
    static func words(of view: LineView, classes: RewriteWordClasses) -> [RewriteWord] {
        let tokens = view.tokens
        var result: [RewriteWord] = []
        result.reserveCapacity(tokens.count + 2)
        var firstWord = true
        var typedSpan: (start: Int, text: String) = (-1, "")
        // In a line of plain ASCII a token's scalars are its bytes: what was typed is cut
        // straight out of them.
        let bytes = Array(view.line.utf8)
        let ascii = !bytes.contains { $0 >= 0x80 }
        for (index, token) in tokens.enumerated() {
            // Tokens of one expansion ("don't" → "do", "not") share what was typed.
            if typedSpan.start != token.start {
                let typed = ascii && token.end <= bytes.count ? String(decoding: bytes[token.start..<token.end], as: UTF8.self)
                    : view.text(of: index..<(index + 1)).text
                typedSpan = (token.start, typed)
            }
            let typed = typedSpan.text
            let isSymbol = !RewriteText.hasLetterOrDigit(typed)
            if token.isPunctuation {
                let attached = index > 0 && tokens[index - 1].end == token.start
                result.append(RewriteWord(norm: token.text, text: typed, isMark: true, attached: attached))
                continue
            }
            let shared = (index > 0 && tokens[index - 1].start == token.start) || (index + 1 < tokens.count && tokens[index + 1].start == token.start)
            var text = shared ? token.text : typed
            if RewriteText.isShouted(text) {
                text = text.lowercased()
            } else if firstWord, token.text != "i", let first = text.utf8.first, first >= 65 && first <= 90 {
                text = String(text.prefix(1)).lowercased() + text.dropFirst()
            }
            var word = classes.word(token.text, text: text, isSymbol: isSymbol)
            // "should of told me": the "of" of a modal is "have".
            if token.text == "of", index > 0, ["should", "could", "would", "must", "might"].contains(tokens[index - 1].text),
               index + 1 < tokens.count, !tokens[index + 1].isPunctuation {
                word = classes.word("have", text: "have", isSymbol: false)
                text = "have"
            }
            word.attached = index > 0 && tokens[index - 1].end == token.start && tokens[index - 1].isPunctuation
            // Texting forms are written out ("u" → "you", "bday" → "birthday"), but a real
            // spelling stays as typed ("mum").
            if !shared, text.utf8.count <= 12, text != token.text, text.count <= 4, text.lowercased() != token.text,
               !classes.contains(.asTyped, classes.word(text.lowercased(), text: text)) {
                text = token.text
            }
            if token.text == "i" { text = "I" }
            word.text = text
            // "I'd" is "I would" or "I had" ("before I'd told my parents"): written as typed,
            // so it is never "before I would told".
            if shared, token.text == "would", index > 0, tokens[index - 1].start == token.start,
               let last = typed.unicodeScalars.last, last == "d" || last == "D",
               let mark = typed.unicodeScalars.dropLast().last, mark == "'" || mark == "\u{2019}" {
                word.text = "'d"
                word.attached = true // read by render, which writes it onto "I"
            }
            // "its gross": "its" before a verdict is "it's".
            if token.text == "its", index + 1 < tokens.count, !tokens[index + 1].isPunctuation {
                let next = classes.word(tokens[index + 1].text, text: tokens[index + 1].text)
                if classes.contains(.verdict, next) || classes.contains(.degree, next) || classes.contains(.label, next) {
                    result.append(classes.word("it", text: "it"))
                    result.append(classes.word("is", text: "is"))
                    if !isSymbol { firstWord = false }
                    continue
                }
            }
            // "ur on tiktok": "ur" before a preposition or an adverb is "you're", not "your".
            if token.text == "your", typed.utf8.count == 2, typed.lowercased() == "ur", index + 1 < tokens.count, !tokens[index + 1].isPunctuation {
                let next = classes.word(tokens[index + 1].text, text: tokens[index + 1].text)
                // …or before how they are: "ur bored", "ur late", "ur lying", "ur so lazy".
                let said = next.norm
                let state = classes.contains(.state, next) || classes.contains(.feeling, next) || classes.contains(.label, next)
                    || (said.count > 4 && (said.hasSuffix("ed") || said.hasSuffix("ing")) && !classes.contains(.notAVerb, next))
                if classes.contains(.phraseEnd, next) || classes.contains(.adverb, next) || classes.contains(.degree, next) || classes.contains(.never, next)
                    || state {
                    result.append(classes.word("you", text: "you"))
                    result.append(classes.word("are", text: "are"))
                    if !isSymbol { firstWord = false }
                    continue
                }
            }
            result.append(word)
            if !isSymbol { firstWord = false }
        }
        return result
    }

    /// Whether the text has a letter or a digit (an emoji has neither); ASCII first.
    static func hasLetterOrDigit(_ text: String) -> Bool {
        for byte in text.utf8 {
            if (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) { return true }
            if byte >= 0x80 { return text.contains { $0.isLetter || $0.isNumber } }
        }
        return false
    }

    /// "AGAIN": more than one letter, all capitals. SHOUTING is not part of the message.
    static func isShouted(_ text: String) -> Bool {
        var capitals = 0
        for byte in text.utf8 {
            if byte >= 97 && byte <= 122 { return false }
            if byte >= 0x80 { return text.count > 1 && text == text.uppercased() && text != text.lowercased() }
            if byte >= 65 && byte <= 90 { capitals += 1 }
        }
        return capitals > 1
    }

    /// Words written out, with expansions written the usual way ("do not" → "don't").
    static func render(_ words: some Collection<RewriteWord>, _ display: DisplayTable) -> String {
        let words = Array(words)
        var out = ""
        var index = 0
        while index < words.count {
            var written: String?
            var length = 1
            if let entry = display.entry(in: words, at: index) {
                written = entry.written
                length = entry.words.count
            }
            let word = words[index]
            let text = written ?? word.text
            let previousOpens = index > 0 && words[index - 1].isMark && ["'", "\"", "("].contains(words[index - 1].norm) && !words[index - 1].attached
            if word.isMark && written == nil {
                out += (word.attached || out.isEmpty ? "" : " ") + text
            } else {
                // "8:30", "o'clock": a word typed straight after a mark inside a word.
                // "I'd": the contraction kept as typed sits on its word.
                let joined = word.attached && index > 0 && (words[index - 1].isMark && words[index - 1].attached || text == "'d")
                if !out.isEmpty && !previousOpens && !joined { out += " " }
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
}
