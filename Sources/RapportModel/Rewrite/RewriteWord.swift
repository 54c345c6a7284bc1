/// A word of the sentence being rewritten: how the analysis reads it, and how to write it.
struct RewriteWord: Equatable, Sendable {
    /// Normalised ("do", "not" for "don't").
    var norm: String
    /// As it should appear in the rewrite (the user's spelling and case where possible).
    var text: String
    var isMark: Bool
    /// Typed with no space before it ("kids'": the mark sticks to its word).
    var attached = false
    /// Typed as an emoji or another symbol with no letters ("🙄" is read as "rolls eyes").
    var isSymbol = false
    /// The word classes with an entry starting with this word, and where those entries are
    /// (see `RewriteWordClasses`; -1 when none).
    var starts: UInt64 = 0
    var list: Int32 = -1
    /// Written by the rewriter, not typed ("you did" from a frame, "not" for "never").
    var made = false
}

extension Collection where Element == RewriteWord {
    var norms: [String] { map(\.norm) }
}
