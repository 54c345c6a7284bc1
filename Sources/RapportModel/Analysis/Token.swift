/// A normalised word or punctuation mark of a line, ready for matching. Contractions and
/// texting forms are already expanded ("dont" → "do", "not"); every token keeps the span
/// of the text it came from, so several tokens can share one span.
struct Token: Sendable {
    /// A word (lowercase) or one folded punctuation character.
    var text: String
    /// Lexicon id of a word; `Lexicon.unknown` for unknown words and for punctuation.
    var word: Int32
    var isPunctuation: Bool
    /// Span in Unicode scalars of the line.
    var start: Int
    var end: Int
}
