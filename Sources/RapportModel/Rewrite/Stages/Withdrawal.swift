/// Shutting a talk down ("whatever, do what u want", "fine. I'm done talking.", "k not doing
/// this rn") blames nobody in words, but it is stonewalling, and its antidote is to say you
/// are flooded and when you will come back: "I feel overwhelmed right now, because I need a
/// break. Could we take twenty minutes and come back to this?". It names no topic, so it
/// invents none; the words are the [flooded] kind of kinds.txt.
struct Withdrawal: Sendable {
    let kind: RewriteKnowledge.Kind

    /// The rewrite and its variants (feeling first, "right now" first, the question form).
    func rewrite(notes: inout RewriteNotes, shutting: String) -> [String] {
        let feeling = kind.feelings.first ?? "overwhelmed"
        let need = kind.needs.first ?? "a break"
        notes.add("stonewalling", shutting)
        notes.add("feeling", feeling, why: kind.why)
        let statement = "I feel \(feeling) right now, because I need \(need)."
        guard let request = kind.requests.first else { return [statement] }
        var variants = [statement + " " + request, "Right now I feel \(feeling), because I need \(need). " + request]
        for opening in ["Could we ", "Could you "] where request.hasPrefix(opening) {
            variants.append("Would you be willing to " + request.dropFirst(opening.count) + " Right now I feel \(feeling), because I need \(need).")
        }
        return variants
    }
}
