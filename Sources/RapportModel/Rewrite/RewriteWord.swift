/// A word of the sentence being rewritten: how the analysis reads it, and how to write it.
struct RewriteWord: Equatable {
    /// Normalised ("do", "not" for "don't").
    var norm: String
    /// As it should appear in the rewrite (the user's spelling and case where possible).
    var text: String
    var isMark: Bool
    /// Lexicon id, for concept tests; -1 when unknown or made up by the rewriter.
    var id: Int32
    /// Typed with no space before it ("kids'" — the mark sticks to its word).
    var attached = false

    static func made(_ word: String) -> RewriteWord {
        RewriteWord(norm: word, text: word, isMark: false, id: Lexicon.unknown)
    }
}

extension Collection where Element == RewriteWord {
    var norms: [String] { map(\.norm) }
}
