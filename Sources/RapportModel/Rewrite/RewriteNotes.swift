/// The notes a rewrite collects as it goes, each said once, worded from `notes.txt`.
struct RewriteNotes: Sendable {
    private let templates: [String: String]
    private(set) var notes: [RewriteResult.Note] = []
    /// What was asked for already ("absolute|never"), so a word said a thousand times is
    /// worded once.
    private var asked: Set<String> = []

    init(templates: [String: String]) {
        self.templates = templates
    }

    /// Adds the note of `kind` about the user's `word` (if it was not said already).
    mutating func add(_ kind: String, _ word: String = "", why: String = "") {
        guard asked.insert(kind + "|" + word).inserted, let template = templates[kind] ?? templates["you-statement"] else { return }
        let safeWord = TerminalSafeText.sanitize(word.trimmed)
        let message = template.filling("{word}", with: safeWord).filling("{why}", with: why)
        let reported = RewriteNotes.reportedKind[kind] ?? kind
        guard !notes.contains(where: { $0.kind == reported && $0.message == message }) else { return }
        notes.append(RewriteResult.Note(kind: reported, message: message))
    }

    /// Kinds of template that are reported under another kind.
    static let reportedKind = ["blank-plain": "blank", "label-blank": "label"]

    /// Takes out the notes of `kind`.
    mutating func remove(_ kind: String) {
        notes.removeAll { $0.kind == kind }
    }

    /// Puts the notes of `kind` first (what the user most needs to know).
    mutating func lead(with kind: String) {
        let first = notes.filter { $0.kind == kind }
        notes = first + notes.filter { $0.kind != kind }
    }

    /// Puts the notes of `kind` last.
    mutating func trail(with kind: String) {
        notes = notes.filter { $0.kind != kind } + notes.filter { $0.kind == kind }
    }

    var isEmpty: Bool { notes.isEmpty }

    func contains(_ kind: String) -> Bool { notes.contains { $0.kind == kind } }
}

extension String {
    /// `self` with the first `placeholder` replaced by `value`, found by bytes: cheaper than
    /// the general `replacing`, which showed in profiles of the rewriter.
    func filling(_ placeholder: String, with value: String) -> String {
        let bytes = Array(utf8)
        let needle = Array(placeholder.utf8)
        guard !needle.isEmpty, bytes.count >= needle.count else { return self }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] && bytes[start..<(start + needle.count)].elementsEqual(needle) {
            return String(decoding: bytes[..<start], as: UTF8.self) + value + String(decoding: bytes[(start + needle.count)...], as: UTF8.self)
        }
        return self
    }
}
