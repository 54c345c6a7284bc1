/// The request: something concrete they can say yes to, that follows from what the
/// sentence said. In order: an order said as a request ("tell her to stop" → "Could you
/// tell her to stop?"); the positive of what they don't do ("you don't put the seat down"
/// → "Could you put the seat down?"); the label's request when a bare label is all there
/// is; the kind's requests; talking about the thing the sentence named ("Could we talk
/// about the thermostat tonight?"); and last the general "Could we talk about it
/// tonight?". Every candidate passes the faithfulness guard or is skipped.
struct RequestChooser: Sendable {
    let classes: RewriteWordClasses
    let verbs: VerbInflector
    let faithfulness: FaithfulnessGuard
    let wordsOf: [String: [String]]
    let general: RewriteKnowledge.Kind
    let display: [RewriteKnowledge.Display]

    /// Requests built from the sentence longer than this are too long to say aloud.
    static let longest = 70
    /// The same in words, to skip writing out one that cannot fit.
    static let longestInWords = 14

    func choose(clauses: [Clause], observation: ObservationBuilder.Observation, kind: RewriteKnowledge.Kind,
                label: RewriteKnowledge.LabelAdvice?, raised: FaithfulnessGuard.Raised) -> String {
        var candidates: [(text: String, words: [String])] = []
        func data(_ text: String) { candidates.append((text, wordsOf[text] ?? [])) }
        if let order = clauses.first(where: { $0.role == .command(controlling: false) }), order.words.count <= Self.longestInWords {
            candidates.append(ask("Could you", order.words))
        }
        if let primary = observation.primary, let positive = positive(of: primary), positive.count <= Self.longestInWords {
            candidates.append(ask("Could you", positive))
        }
        // With nothing observed, the thing the sentence named says what it was about.
        let thing = thingNamed(clauses, observation).map { ask("Could we talk about", $0, ending: " tonight?") }
        if observation.text == nil, let thing { candidates.append(thing) }
        if observation.text == nil, let label, !(observation.label ?? "").hasPrefix("like") { data(label.request) }
        kind.requests.forEach(data)
        if observation.text != nil, let thing { candidates.append(thing) }
        general.requests.forEach(data)
        for candidate in candidates where candidate.text.count <= Self.longest && faithfulness.allows(candidate.words, in: raised) {
            return candidate.text
        }
        return general.requests.last ?? "Could we talk about it tonight?"
    }

    /// "Could you" + the words + "?", with the words' norms for the guard.
    private func ask(_ opening: String, _ words: [RewriteWord], ending: String = "?") -> (text: String, words: [String]) {
        let body = RewriteText.render(words, display)
        let openingWords = opening.lowercased().split(separator: " ").map(String.init)
        return (opening + " " + body + ending, openingWords + words.filter { !$0.isMark && !$0.made }.map(\.norm))
    }

    /// "you don't put the toilet seat down" → "put the toilet seat down". Only a habit in
    /// the present (a past one cannot be asked for again), only with something after the
    /// verb, and never a guess at their mind or a "let me" (that would ask permission).
    private func positive(of clause: Clause) -> [RewriteWord]? {
        let words = clause.words
        guard words.count >= 4, words[0].norm == "you", ["do", "does"].contains(words[1].norm), words[2].norm == "not" else { return nil }
        var rest = Array(words[3...])
        guard let verb = rest.first, rest.count >= 2, verbs.forms(of: verb.norm) != nil,
              !classes.contains(.mindReading, verb), !["let", "want", "have", "need", "know", "get", "seem"].contains(verb.norm) else { return nil }
        // "tell me anything" → "tell me something" asks for nothing in particular.
        if let last = rest.last, classes.contains(.anyWord, last) { return nil }
        rest = rest.map { classes.contains(.anyWord, $0) ? classes.make(ClauseRoles.someForm(of: $0.norm)) : $0 }
        return rest
    }

    /// The thing the sentence is about: the object of its first action or of an order, or
    /// what a verdict was on ("the kitchen is disgusting" → "the kitchen").
    private func thingNamed(_ clauses: [Clause], _ observation: ObservationBuilder.Observation) -> [RewriteWord]? {
        var sources: [[RewriteWord]] = []
        if let primary = observation.primary { sources.append(primary.words) }
        sources += clauses.filter { if case .command = $0.role { return true } else { return false } }.map(\.words)
        sources += clauses.filter { $0.role == .jab }.map(\.words)
        for words in sources {
            guard let start = words.indices.first(where: { classes.contains(.determiner, words[$0]) && !["all", "every", "each", "no", "any", "this", "that"].contains(words[$0].norm) }) else { continue }
            var end = start + 1
            while end < words.count, end - start <= 3, !words[end].isMark, !classes.contains(.phraseEnd, words[end]),
                  !classes.contains(.determiner, words[end]), !classes.contains(.aux, words[end]) {
                end += 1
            }
            guard end > start + 1 else { continue }
            var phrase = Array(words[start..<end])
            // "your phone" → "the phone": the thing, not whose fault it is.
            if phrase[0].norm == "your", !classes.contains(.person, phrase[1]) { phrase[0] = classes.make("the") }
            return phrase
        }
        return nil
    }
}
