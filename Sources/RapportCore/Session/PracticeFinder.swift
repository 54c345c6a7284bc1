/// Which practice words typed at the menu ask for: "I need to apologise to my sister" →
/// apology, by each dialogue's `keywords:` (two points a word) and `suggested-by:` kinds
/// the words carry (one point each). A keyword's last word matches the start of a typed
/// word ("apolog" → "apologise", "apologize", "apology"); the others match whole.
enum PracticeFinder {
    /// The practices the text matches best; empty when none matches.
    static func best(for text: String, kinds: Set<SignalKind>, in scenarios: [Dialogue]) -> [Dialogue] {
        let words = PracticeFinder.words(of: text)
        var best: [Dialogue] = []
        var bestScore = 0
        for scenario in scenarios {
            let keywordScore = scenario.keywords.reduce(0) { total, keyword in
                let phrase = PracticeFinder.words(of: keyword)
                return total + (matches(phrase, in: words) ? 2 * phrase.count : 0)
            }
            let score = keywordScore + scenario.suggestedBy.filter(kinds.contains).count
            if score > bestScore {
                best = [scenario]
                bestScore = score
            } else if score == bestScore && score > 0 {
                best.append(scenario)
            }
        }
        return best
    }

    private static func matches(_ phrase: [String], in words: [String]) -> Bool {
        guard let last = phrase.last, words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) {
            let whole = zip(phrase.dropLast(), words[start...]).allSatisfy { $0 == $1 }
            if whole && words[start + phrase.count - 1].hasPrefix(last) { return true }
        }
        return false
    }

    /// Lowercase words of letters, digits and apostrophes.
    private static func words(of text: String) -> [String] {
        var cleaned = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "'" { cleaned.append(character) }
            else if character == "’" { cleaned.append("'") }
            else { cleaned.append(" ") }
        }
        return cleaned.split(separator: " ").map(String.init)
    }
}
