/// A good start that is a little off: "I feel ignored when you never call" becomes "I feel
/// hurt and lonely when you don't call". The evaluation is replaced by the feelings under
/// it and the absolutes go; the rest is the user's, untouched.
struct LightTouch: Sendable {
    let classes: RewriteWordClasses
    let fauxFeelings: [String: [String]]
    let absolutes: AbsoluteRemover
    let display: DisplayTable

    func apply(_ words: [RewriteWord], notes: inout RewriteNotes) -> String? {
        var result: [RewriteWord] = []
        var index = 0
        var replaced = false
        while index < words.count {
            if !replaced, index >= 2, let (length, feelings) = faux(at: index, in: words) {
                notes.add("faux-feeling", words[index..<(index + length)].map(\.text).joined(separator: " "))
                result += feelings.prefix(2).joined(separator: " and ").split(separator: " ").map { classes.make(String($0)) }
                index += length
                replaced = true
                continue
            }
            result.append(words[index])
            index += 1
        }
        let (plain, removed) = absolutes.remove(result.filter { !$0.isSymbol })
        for absolute in removed { notes.add("absolute", absolute) }
        guard replaced || !removed.isEmpty else { return nil }
        return RewriteText.sentence(RewriteText.render(plain, display))
    }

    /// The longest evaluation starting at `index` ("taken for granted" before "taken").
    private func faux(at index: Int, in words: [RewriteWord]) -> (Int, [String])? {
        for length in stride(from: min(4, words.count - index), through: 1, by: -1) {
            let slice = words[index..<(index + length)]
            guard !slice.contains(where: \.isMark) else { continue }
            if let feelings = fauxFeelings[slice.norms.joined(separator: " ")] { return (length, feelings) }
        }
        return nil
    }
}
