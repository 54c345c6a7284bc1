/// The notes a rewrite collects as it goes, each said once. What they say is worded from
/// `notes.txt` only at the end, for the notes that are kept.
struct RewriteNotes: Sendable {
    private struct Entry: Sendable, Equatable {
        var kind: String
        var word: String
        var why: String
    }

    private let templates: NoteTemplates
    private var entries: [Entry] = []

    init(templates: NoteTemplates) {
        self.templates = templates
    }

    /// Adds the note of `kind` about the user's `word` (if it was not said already).
    mutating func add(_ kind: String, _ word: String = "", why: String = "") {
        let entry = Entry(kind: kind, word: word, why: why)
        guard !entries.contains(where: { $0.kind == kind && $0.word == word }) else { return }
        entries.append(entry)
    }

    /// Takes out the notes reported as `kind`.
    mutating func remove(_ kind: String) {
        entries.removeAll { RewriteNotes.reported($0.kind) == kind }
    }

    /// Puts the notes reported as `kind` first (what the user most needs to know).
    mutating func lead(with kind: String) {
        let (matching, others) = split(by: kind)
        entries = matching + others
    }

    /// Puts the notes reported as `kind` last.
    mutating func trail(with kind: String) {
        let (matching, others) = split(by: kind)
        entries = others + matching
    }

    private func split(by kind: String) -> (matching: [Entry], others: [Entry]) {
        var matching: [Entry] = []
        var others: [Entry] = []
        for entry in entries {
            if RewriteNotes.reported(entry.kind) == kind { matching.append(entry) } else { others.append(entry) }
        }
        return (matching, others)
    }

    /// Whether any note is of another kind than these.
    func hasAny(besides kinds: Set<String>) -> Bool { entries.contains { !kinds.contains(RewriteNotes.reported($0.kind)) } }

    /// The notes as the user reads them.
    var notes: [RewriteResult.Note] {
        var result: [RewriteResult.Note] = []
        for entry in entries {
            guard let message = templates.message(entry.kind, word: entry.word, why: entry.why) else { continue }
            let kind = RewriteNotes.reported(entry.kind)
            if !result.contains(where: { $0.kind == kind && $0.message == message }) {
                result.append(RewriteResult.Note(kind: kind, message: message))
            }
        }
        return result
    }

    private static func reported(_ kind: String) -> String {
        switch kind {
        case "blank-plain": return "blank"
        case "label-blank": return "label"
        default: return kind
        }
    }
}

/// The wording of each kind of note (`notes.txt`), cut once at its "{word}" and "{why}",
/// so a message is put together without searching the template each time.
struct NoteTemplates: Sendable {
    private enum Piece: Sendable {
        case text(String)
        case word
        case why
    }

    private let pieces: [String: [Piece]]

    init(_ templates: [String: String]) {
        var pieces: [String: [Piece]] = [:]
        for (kind, template) in templates {
            var parts: [Piece] = []
            var rest = Substring(template)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                let name = rest[rest.index(after: open)..<close]
                guard name == "word" || name == "why" else { break }
                if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
                parts.append(name == "word" ? .word : .why)
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { parts.append(.text(String(rest))) }
            pieces[kind] = parts
        }
        self.pieces = pieces
    }

    /// The note of `kind` about the user's `word` (the you-statement note for an unknown kind).
    func message(_ kind: String, word: String, why: String) -> String? {
        guard let parts = pieces[kind] ?? pieces["you-statement"] else { return nil }
        var message = ""
        for part in parts {
            switch part {
            case .text(let text): message += text
            case .word: message += TerminalSafeText.sanitize(word.trimmed)
            case .why: message += why
            }
        }
        return message
    }
}
