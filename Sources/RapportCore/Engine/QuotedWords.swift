/// The user's words as the coach quotes them back: one line, trimmed, cut if long; or the
/// whole sentence a signal was found in, so a quote is never a fragment ("thanks" when they
/// typed "thanks so much for the lift, it meant a lot").
enum QuotedWords {
    /// Quotes are cut to this many characters.
    static let limit = 120

    static func quote(_ text: String) -> String {
        let oneLine = String(text.map { $0.isNewline ? " " : $0 })
        let trimmed = oneLine.trimmed
        guard trimmed.count > limit else { return trimmed }
        return String(trimmed.prefix(limit)).trimmed + "…"
    }

    /// The sentence of `text` that holds `signal`, without the mark that ends it.
    static func sentence(around signal: Signal, in text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard signal.start >= 0, signal.start < scalars.count else { return quote(signal.text) }
        let ends: Set<Unicode.Scalar> = [".", "!", "?", "\n", ";"]
        var start = signal.start
        while start > 0 && !ends.contains(scalars[start - 1]) { start -= 1 }
        var end = max(signal.end, signal.start)
        while end < scalars.count && !ends.contains(scalars[end]) { end += 1 }
        var sentence = String(String.UnicodeScalarView(scalars[start..<min(end, scalars.count)]))
        while let last = sentence.last, last == "," || last == " " { sentence.removeLast() }
        return quote(sentence)
    }
}
