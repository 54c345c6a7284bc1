/// What `rapport rewrite` returns for one sentence (SPEC.md's shape, plus alternatives).
public struct RewriteResult: Sendable, Equatable {
    public struct Note: Sendable, Equatable {
        /// What was changed: absolute, label, faux-feeling, disguised, accusing-question, …
        public var kind: String
        public var message: String
    }

    public var input: String
    /// The suggested sentence; equal to `input` when `changed` is false.
    public var rewrite: String
    public var changed: Bool
    public var notes: [Note]
    /// Up to three versions, from short to full (the last is `rewrite`).
    public var alternatives: [String]

    /// The JSON object for `rapport rewrite --json`.
    public func json(includeAlternatives: Bool) -> JSONText {
        var json = JSONText()
        json.raw("{")
        json.key("input"); json.string(input); json.raw(", ")
        json.key("rewrite"); json.string(rewrite); json.raw(", ")
        json.key("changed"); json.raw(changed ? "true" : "false"); json.raw(", ")
        json.key("notes"); json.raw("[")
        for (index, note) in notes.enumerated() {
            if index > 0 { json.raw(", ") }
            json.raw("{"); json.key("kind"); json.string(note.kind); json.raw(", ")
            json.key("message"); json.string(note.message); json.raw("}")
        }
        json.raw("]")
        if includeAlternatives {
            json.raw(", "); json.key("alternatives"); json.raw("[")
            for (index, text) in alternatives.enumerated() {
                if index > 0 { json.raw(", ") }
                json.string(text)
            }
            json.raw("]")
        }
        json.raw("}")
        return json
    }
}
