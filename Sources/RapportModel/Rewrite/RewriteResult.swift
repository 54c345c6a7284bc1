/// What `rapport rewrite` returns for one sentence (SPEC.md's shape, plus alternatives and
/// what a session needs when the sentence names nothing that happened).
public struct RewriteResult: Sendable, Equatable {
    public struct Note: Sendable, Equatable {
        /// What was changed: absolute, label, blank, faux-feeling, disguised, sarcasm, …
        public var kind: String
        public var message: String
    }

    public var input: String
    /// The suggested sentence; equal to `input` when `changed` is false.
    public var rewrite: String
    public var changed: Bool
    public var notes: [Note]
    /// Different ways to say it, each faithful: feeling first (the `rewrite`), observation
    /// first, and a question form that leads with the request. One entry when unchanged.
    public var alternatives: [String]
    /// The sentence named nothing that happened (a bare label, a guess at their mind), so
    /// `rewrite` has a marked blank ("when ___"). In a session the coach asks
    /// `observationQuestion` and rewrites the answer instead.
    public var observationMissing = false
    /// What to ask for the missing observation ("What did they do, that time, that felt
    /// selfish?"); nil when nothing is missing.
    public var observationQuestion: String?
    /// The rewrite as a session says it: the same, but with no blank where the observation
    /// is missing ("I feel hurt, because I need…"). A blank is for batch output only.
    public var spoken: String
    /// The note a session gives with `spoken` when the observation is missing: it asks what
    /// happened instead of pointing at a blank; nil otherwise (the first note is used).
    public var spokenNote: String?

    public init(input: String, rewrite: String, changed: Bool, notes: [Note], alternatives: [String],
                observationMissing: Bool = false, observationQuestion: String? = nil) {
        self.input = input
        self.rewrite = rewrite
        self.changed = changed
        self.notes = notes
        self.alternatives = alternatives
        self.observationMissing = observationMissing
        self.observationQuestion = observationQuestion
        spoken = rewrite
    }

    /// The sentence back as it was.
    static func unchanged(_ sentence: String, notes: [Note] = []) -> RewriteResult {
        RewriteResult(input: sentence, rewrite: sentence, changed: false, notes: notes, alternatives: [sentence])
    }

    /// The JSON object for `rapport rewrite --json`: SPEC.md's four fields, then
    /// `observation_missing` (and `ask` when it is true), then `alternatives` if asked for.
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
        json.raw(", "); json.key("observation_missing"); json.raw(observationMissing ? "true" : "false")
        if let observationQuestion {
            json.raw(", "); json.key("ask"); json.string(observationQuestion)
        }
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
