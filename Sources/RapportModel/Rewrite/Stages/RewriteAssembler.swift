/// Puts the parts together, three ways, each saying the same faithful thing:
/// feeling first ("I feel hurt when…, because I need…. Could we…?", the main rewrite),
/// observation first ("When…, I feel hurt, because I need…. Could we…?"), and a question
/// form that leads with the request ("Would you be willing to…? When…, I feel hurt,
/// because I need….").
struct RewriteAssembler: Sendable {
    struct Parts: Sendable {
        var feeling: String
        /// What follows "when" (the observation, or the blank with its context).
        var when: String
        /// "when", or "about" before an observation said with "-ing".
        var connective = "when"
        var isPast: Bool
        var need: String
        var request: String?
    }

    func feelingFirst(_ parts: Parts) -> String {
        let statement = RewriteText.sentence("I \(feel(parts)) \(parts.feeling) \(parts.connective) \(parts.when), because I need \(parts.need).")
        return parts.request.map { statement + " " + $0 } ?? statement
    }

    /// The feeling and the need, with where it happened if that is known, and no "when":
    /// what a session says when the sentence named nothing that happened ("I felt
    /// embarrassed in front of my parents, because I need…").
    func withoutObservation(_ parts: Parts) -> String {
        let place = parts.when.isEmpty ? "" : " " + parts.when
        let statement = RewriteText.sentence("I \(feel(parts)) \(parts.feeling)\(place), because I need \(parts.need).")
        return parts.request.map { statement + " " + $0 } ?? statement
    }

    func observationFirst(_ parts: Parts) -> String {
        let statement = RewriteText.sentence("When \(opening(parts)), I \(feel(parts)) \(parts.feeling), because I need \(parts.need).")
        return parts.request.map { statement + " " + $0 } ?? statement
    }

    func questionFirst(_ parts: Parts) -> String? {
        guard let request = parts.request, let willing = willing(request) else { return nil }
        return willing + " " + RewriteText.sentence("When \(opening(parts)), I \(feel(parts)) \(parts.feeling), because I need \(parts.need).")
    }

    /// What follows a leading "When": the observation, or "I think about" a manner ("When I
    /// think about how you talk to my mom, …").
    private func opening(_ parts: Parts) -> String {
        parts.connective == "about" ? "I think about " + parts.when : parts.when
    }

    private func feel(_ parts: Parts) -> String { parts.isPast ? "felt" : "feel" }

    /// "Could you call me back?" → "Would you be willing to call me back?".
    private func willing(_ request: String) -> String? {
        for opening in ["Could you ", "Could we ", "Can we ", "Can you ", "Would you "] where request.hasPrefix(opening) {
            return "Would you be willing to " + request.dropFirst(opening.count)
        }
        return nil
    }
}
