/// How expanded words are written back ("do not" → "don't", `display.txt`). The entries'
/// first words are in the word table (class `display`, tagged with the entry's number), so
/// a word that starts none is passed over with a bit test.
struct DisplayTable: Sendable {
    private let entries: [RewriteKnowledge.Display]
    private let classes: RewriteWordClasses

    /// `classes` must hold the entries (see `register`).
    init(_ entries: [RewriteKnowledge.Display], classes: RewriteWordClasses) {
        self.entries = entries
        self.classes = classes
    }

    /// Adds every entry to the word table.
    static func register(_ entries: [RewriteKnowledge.Display], in classes: inout RewriteWordClasses) {
        for (number, entry) in entries.enumerated() { classes.add(entry.words, to: .display, tag: Int32(number)) }
    }

    /// The longest entry that starts at `index`, if any.
    func entry(in words: [RewriteWord], at index: Int) -> RewriteKnowledge.Display? {
        guard words[index].starts & WordClass.display.bit != 0 else { return nil }
        let found = classes.matches(.display, words, at: index).max { $0.rest.count < $1.rest.count }
        return found.map { entries[Int($0.tag)] }
    }
}
