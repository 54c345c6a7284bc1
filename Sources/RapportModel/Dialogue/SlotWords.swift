/// The word lists the coach reads replies with (`Vocabulary/slots.txt`): for slot filling,
/// who someone can be to the user, the words around such a phrase, answers that name nobody,
/// fillers, and where a phrase ends (`SlotReader` reads those); and how a reply is meant:
/// pointing back, asking the coach, where a quote cannot stop (`ReplyReader`).
public struct SlotWords: Sendable, Equatable {
    /// Each list's entries, lowercase, each split into words.
    public private(set) var lists: [String: [[String]]] = [:]

    /// The lists a file must have.
    public static let keys = ["person", "owner", "modifier", "nobody", "not-name", "filler", "break",
                                   "points-back", "for-coach", "dangling", "second-person", "about"]

    public init() {}

    init(lists: [String: [[String]]]) {
        self.lists = lists
    }

    /// The entries of one list, longest first (so "best friend" is tried before "friend").
    public func entries(_ key: String) -> [[String]] { lists[key] ?? [] }

    /// Reads `KEY: ENTRY, ENTRY …` lines; an indented line carries on the one before.
    public static func load(_ text: String, file: String) throws(DiagnosticList) -> SlotWords {
        var lists: [String: [[String]]] = [:]
        var problems: [Diagnostic] = []
        var current: String?
        for line in DataFileLines(text: text) {
            var entries = line.text[...]
            if !line.isIndented {
                guard let colon = line.text.firstIndex(of: ":") else {
                    problems.append(Diagnostic(file: file, line: line.number, column: 1, message: "expected 'KEY: ENTRY, ENTRY …'"))
                    continue
                }
                let key = String(line.text[..<colon].trimmedSpaces)
                guard keys.contains(key) else {
                    problems.append(Diagnostic(file: file, line: line.number, column: 1,
                                               message: "unknown list '\(key)'; expected one of: \(keys.joined(separator: ", "))"))
                    current = nil
                    continue
                }
                current = key
                entries = line.text[line.text.index(after: colon)...]
            }
            guard let key = current else { continue }
            for entry in entries.split(separator: ",") {
                let words = SlotWords.words(of: entry)
                if !words.isEmpty { lists[key, default: []].append(words) }
            }
        }
        for key in keys where lists[key] == nil {
            problems.append(Diagnostic(file: file, message: "the list '\(key)' is missing"))
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        for key in lists.keys { lists[key]!.sort { $0.count > $1.count } }
        return SlotWords(lists: lists)
    }

    /// Lowercase words, with curly apostrophes made straight.
    static func words<S: StringProtocol>(of text: S) -> [String] {
        var straight = ""
        for character in text.lowercased() { straight.append(character == "’" ? "'" : character) }
        return straight.split(separator: " ").map(String.init)
    }
}

extension SlotWords: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        var lists: [String: [[String]]] = [:]
        for _ in 0..<(try reader.count()) {
            let key = try reader.string()
            var entries: [[String]] = []
            for _ in 0..<(try reader.count()) { entries.append(try reader.strings()) }
            lists[key] = entries
        }
        self.init(lists: lists)
    }

    public func write(to writer: inout BinaryWriter) {
        writer.int(lists.count)
        for (key, entries) in lists.sorted(by: { $0.key < $1.key }) {
            writer.string(key)
            writer.int(entries.count)
            for entry in entries { writer.strings(entry) }
        }
    }
}
