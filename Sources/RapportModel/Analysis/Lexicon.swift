/// Numbers every word the vocabulary mentions, so matching compares integers.
/// Words the vocabulary never mentions get `Lexicon.unknown`.
struct Lexicon: Sendable {
    static let unknown: Int32 = -1

    private(set) var ids: [String: Int32] = [:]
    private(set) var words: [String] = []

    @discardableResult
    mutating func intern(_ word: String) -> Int32 {
        if let id = ids[word] { return id }
        let id = Int32(words.count)
        ids[word] = id
        words.append(word)
        return id
    }

    func id(of word: String) -> Int32 {
        ids[word] ?? Lexicon.unknown
    }

    func contains(_ word: String) -> Bool {
        ids[word] != nil
    }

    var count: Int { words.count }
}
