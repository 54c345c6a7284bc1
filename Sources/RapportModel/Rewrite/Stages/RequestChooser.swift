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
    let textWords: [String: [String]]
    /// Each text's words that are not plain, worked out once (see `FaithfulnessGuard`).
    let notPlain: [String: [String]]
    let general: RewriteKnowledge.Kind
    let display: DisplayTable

    /// Requests built from the sentence longer than this are too long to say aloud.
    static let longest = 70
    /// The same in words, to skip writing out one that cannot fit.
    static let longestInWords = 14

    /// The request, and its words as read (for the final check).
    func choose(clauses: [Clause], observation: ObservationBuilder.Observation, kind: RewriteKnowledge.Kind,
                label: RewriteKnowledge.LabelAdvice?, raised: FaithfulnessGuard.Raised) -> (text: String, words: [String]) {
        var candidates: [Candidate] = []
        if let order = clauses.first(where: { $0.role == .command(controlling: false) }), order.words.count <= Self.longestInWords,
           let asked = withoutAny(order.words) {
            candidates.append(.asking(opening: "Could you", words: asked, ending: "?"))
        }
        if let primary = observation.primary, let positive = positive(of: primary), positive.count <= Self.longestInWords {
            candidates.append(.asking(opening: "Could you", words: positive, ending: "?"))
        }
        // With nothing observed, the thing the sentence named says what it was about.
        let thing = thingNamed(clauses, observation).map { Candidate.asking(opening: "Could we talk about", words: $0, ending: " tonight?") }
        if observation.text == nil, let thing { candidates.append(thing) }
        if observation.text == nil, let label, !(observation.label ?? "").hasPrefix("like") { candidates.append(.written(label.request)) }
        candidates += kind.requests.map(Candidate.written)
        if observation.text != nil, let thing { candidates.append(thing) }
        candidates += general.requests.map(Candidate.written)
        for candidate in candidates {
            // The guard first: a request is only written out once it may be said.
            switch candidate {
            case .written(let text):
                if faithfulness.allows(notPlain: notPlain[text] ?? [], in: raised) { return (text, textWords[text] ?? []) }
            case .asking(let opening, var words, let ending):
                // Built from the sentence's own words, so only the length can rule it out.
                // An order's first word loses the capital it had at the start of its
                // sentence ("Buy your own." → "Could you buy your own?").
                if let first = words.first, first.norm != "i", first.text == first.text.capitalized {
                    words[0].text = first.text.lowercased()
                }
                let text = opening + " " + RewriteText.render(words, display) + ending
                if text.unicodeScalars.count <= Self.longest {
                    let plain = { (said: String) in said.lowercased().split { !$0.isLetter }.map(String.init) }
                    return (text, plain(opening) + words.filter { !$0.isMark }.map(\.norm) + plain(ending))
                }
            }
        }
        let last = general.requests.last ?? "Could we talk about it tonight?"
        return (last, textWords[last] ?? [])
    }

    /// A request from the data, or one built from the sentence ("Could you" + its words).
    private enum Candidate {
        case written(String)
        case asking(opening: String, words: [RewriteWord], ending: String)
    }

    /// "you don't put the toilet seat down" → "put the toilet seat down". Only a habit in
    /// the present (a past one cannot be asked for again), only with something after the
    /// verb, and never a guess at their mind or a "let me" (that would ask permission).
    private func positive(of clause: Clause) -> [RewriteWord]? {
        let words = clause.words
        guard words.count >= 4, words[0].norm == "you", ["do", "does"].contains(words[1].norm), words[2].norm == "not" else { return nil }
        // "you don't text me every hour and share your location" (from "you need to…"): asking
        // for what a demand said would still control.
        guard !(clause.wasFramed && classes.occurs(.controlling, in: words)) else { return nil }
        var rest = Array(words[3...])
        // "you don't text back and then act like…": the "not" is about the first act only,
        // so the request asks for that one ("Could you text back?"), never the rest.
        if let joint = rest.indices.dropFirst().first(where: { classes.contains(.joiner, rest[$0]) || ["or", "so", "because", "then"].contains(rest[$0].norm) }) {
            rest = Array(rest[..<joint])
        }
        guard let verb = rest.first, rest.count >= 2, verbs.forms(of: verb.norm) != nil,
              !classes.contains(.mindReading, verb), !["let", "want", "have", "need", "know", "get", "seem"].contains(verb.norm) else { return nil }
        return withoutAny(rest)
    }

    /// What is asked for, with "any…" said as "some…" where nothing makes it a question or a
    /// negative ("help me with anything" → "help me with something"; "tell me if you need
    /// anything" stays); nil when it ends on one ("say anything", "tell me anything"): that
    /// asks for nothing in particular.
    private func withoutAny(_ words: [RewriteWord]) -> [RewriteWord]? {
        guard let anyAt = words.firstIndex(where: { classes.contains(.anyWord, $0) }) else { return words }
        if words[..<anyAt].contains(where: { FinalCheck.licensesAny.contains($0.norm) }) { return words }
        if let last = words.last(where: { !$0.isMark }), classes.contains(.anyWord, last) { return nil }
        return words.map { classes.contains(.anyWord, $0) ? classes.make(ClauseRoles.someForm(of: $0.norm)) : $0 }
    }

    /// The thing the sentence is about: the object of its first action or of an order, or
    /// what a verdict was on ("the kitchen is disgusting" → "the kitchen"). Only a noun
    /// phrase before any preposition: "on my day off" is when, not what.
    private func thingNamed(_ clauses: [Clause], _ observation: ObservationBuilder.Observation) -> [RewriteWord]? {
        // What they did (before any preposition), an order, what sarcastic praise was about
        // ("you actually put one plate in the dishwasher"), or a thing a verdict was on.
        // Never a rhetorical question's ("should I throw you a parade?").
        var sources: [(words: [RewriteWord], wholeClause: Bool)] = []
        if let primary = observation.primary { sources.append((primary.words, false)) }
        sources += clauses.filter { if case .command = $0.role { return true } else { return false } }.map { ($0.words, false) }
        sources += clauses.filter { $0.role == .jab && !$0.context.isEmpty }.map { ($0.context, true) }
        sources += clauses.filter { $0.role == .jab && !$0.isQuestion && $0.words.first.map { classes.contains(.determiner, $0) } == true }
            .map { ($0.words, false) }
        for (words, wholeClause) in sources {
            let beforePreposition = wholeClause ? words[...] : words.prefix { !classes.contains(.phraseEnd, $0) }
            guard let start = beforePreposition.indices.first(where: { classes.contains(.determiner, words[$0]) && !["all", "every", "each", "no", "any", "this", "that"].contains(words[$0].norm) }) else { continue }
            var end = start + 1
            while end < words.count, end - start <= 3, !words[end].isMark, !classes.contains(.phraseEnd, words[end]),
                  !classes.contains(.determiner, words[end]), !classes.contains(.aux, words[end]) {
                end += 1
            }
            guard end > start + 1 else { continue }
            var phrase = Array(words[start..<end])
            // "your fault" is a verdict, not a thing to talk about.
            if phrase.indices.contains(where: { classes.match(.verdict, phrase, at: $0) != nil }) { continue }
            // "your phone" → "the phone": the thing, not whose fault it is.
            if phrase[0].norm == "your", !classes.contains(.person, phrase[1]) { phrase[0] = classes.make("the") }
            return phrase
        }
        return nil
    }
}
