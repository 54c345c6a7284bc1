/// Turns the user's words round when the coach repeats them in its own sentence, as ELIZA
/// did: "my neighbour Jo" → "your neighbour Jo". Loaded from `Vocabulary/reflections.txt`.
public struct Reflections: Sendable, Equatable {
    /// Typed words (lowercase, one or two) → what to say instead; longest first.
    public private(set) var pairs: [(from: [String], to: String)] = []

    public init() {}

    public static func == (lhs: Reflections, rhs: Reflections) -> Bool {
        lhs.pairs.count == rhs.pairs.count && zip(lhs.pairs, rhs.pairs).allSatisfy { $0.from == $1.from && $0.to == $1.to }
    }

    /// Reads `TYPED -> SAID BACK` lines.
    public static func load(_ text: String, file: String) throws(DiagnosticList) -> Reflections {
        var reflections = Reflections()
        var problems: [Diagnostic] = []
        for line in DataFileLines(text: text) {
            guard let arrow = line.text.firstRange(of: "->") else {
                problems.append(Diagnostic(file: file, line: line.number, column: 1, message: "expected 'TYPED -> SAID BACK'"))
                continue
            }
            let from = line.text[..<arrow.lowerBound].split(separator: " ").map { $0.lowercased() }
            let to = String(line.text[arrow.upperBound...].trimmedSpaces)
            guard !from.isEmpty, !to.isEmpty else {
                problems.append(Diagnostic(file: file, line: line.number, column: 1, message: "both sides of '->' need words"))
                continue
            }
            reflections.pairs.append((from, to))
        }
        reflections.pairs.sort { $0.from.count > $1.from.count }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return reflections
    }

    init(pairs: [(from: [String], to: String)]) {
        self.pairs = pairs
    }

    /// `text` with first-person words turned to second person; punctuation is kept.
    public func apply(_ text: String) -> String {
        guard !pairs.isEmpty else { return text }
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        // Each word as compared (lowercase, no trailing punctuation, straight apostrophe), once.
        let bare = words.map { String(Reflections.letters(of: $0).lowercased().map { $0 == "’" ? "'" : $0 }) }
        var out: [String] = []
        var index = 0
        while index < words.count {
            var matched = false
            for pair in pairs where index + pair.from.count <= words.count {
                guard bare[index..<(index + pair.from.count)].elementsEqual(pair.from) else { continue }
                let trailing = Reflections.trailing(of: words[index + pair.from.count - 1])
                out.append(pair.to + trailing)
                index += pair.from.count
                matched = true
                break
            }
            if !matched {
                out.append(words[index])
                index += 1
            }
        }
        return out.joined(separator: " ")
    }

    private static func letters(of word: String) -> String {
        String(word.reversed().drop { !$0.isLetter && $0 != "'" && $0 != "’" }.reversed())
    }

    private static func trailing(of word: String) -> String {
        String(word.reversed().prefix { !$0.isLetter && $0 != "'" && $0 != "’" }.reversed())
    }
}

extension Reflections: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        var pairs: [(from: [String], to: String)] = []
        for _ in 0..<(try reader.count()) { pairs.append((try reader.strings(), try reader.string())) }
        self.init(pairs: pairs)
    }

    public func write(to writer: inout BinaryWriter) {
        writer.int(pairs.count)
        for pair in pairs {
            writer.strings(pair.from)
            writer.string(pair.to)
        }
    }
}
