/// How a coach line that praises begins (`Vocabulary/praise.txt`), so `rapport lint` can
/// warn when a praising line's transition credits nothing: what the coach praises, the
/// scorecard must credit.
public struct PraiseWords: Sendable, Equatable {
    /// Phrases that praise at the start of a sentence ("good", "well done").
    public private(set) var openings: [String] = []
    /// Phrases that praise anywhere in a line ("that's the skill").
    public private(set) var phrases: [String] = []

    public init() {}

    init(openings: [String], phrases: [String]) {
        self.openings = openings
        self.phrases = phrases
    }

    /// Reads one phrase a line; `^` anchors it to the start of a sentence.
    public static func load(_ text: String, file: String) -> PraiseWords {
        var words = PraiseWords()
        for line in DataFileLines(text: text) {
            let phrase = SlotWords.words(of: line.text.trimmedSpaces).joined(separator: " ")
            if phrase.hasPrefix("^") {
                words.openings.append(String(phrase.dropFirst()).trimmed)
            } else if !phrase.isEmpty {
                words.phrases.append(phrase)
            }
        }
        return words
    }

    /// Whether `line` (a coach line as written, placeholders and all) praises.
    public func praises(_ line: String) -> Bool {
        let text = SlotWords.words(of: line).joined(separator: " ")
        if phrases.contains(where: { text.contains($0) }) { return true }
        // Sentence starts: the line's, and each after a full stop, question or exclamation mark.
        var starts = [Substring(text)]
        var rest = Substring(text)
        while let end = rest.firstIndex(where: { ".!?".contains($0) }) {
            rest = rest[rest.index(after: end)...]
            starts.append(rest)
        }
        return starts.contains { start in
            let opening = start.drop { $0 == " " || $0 == "\"" || $0 == "“" }
            return openings.contains { opening.hasPrefix($0) && PraiseWords.endsWord(opening, after: $0) }
        }
    }

    /// "good" opens "good, that's it" but not "goodness".
    private static func endsWord(_ text: Substring, after prefix: String) -> Bool {
        guard text.count > prefix.count else { return true }
        let next = text[text.index(text.startIndex, offsetBy: prefix.count)]
        return !next.isLetter
    }
}

extension PraiseWords: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        self.init(openings: try reader.strings(), phrases: try reader.strings())
    }

    public func write(to writer: inout BinaryWriter) {
        writer.strings(openings)
        writer.strings(phrases)
    }
}
