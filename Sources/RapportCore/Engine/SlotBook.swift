/// The slots a practice has filled, and which hold the user's own words (not the "them"
/// stand-in): what `{who}` says and what `known:` conditions see. It also remembers a
/// question skipped because its answer was known, so that the answer typed anyway
/// ("my brother Tom" after "I forgot to pick my brother up") still lands in its slot.
struct SlotBook: Sendable {
    private(set) var values: [String: String] = [:]
    private(set) var known: Set<String> = []
    /// The capture of a state skipped on the way in, waiting for one reply.
    var skippedQuestion: Capture?
    private let reader: SlotReader

    init(words: SlotWords) {
        reader = SlotReader(words: words)
    }

    subscript(slot: String) -> String? { values[slot] }

    /// Fills the capture's slots from a reply; false when the reply answers something else.
    mutating func fill(_ capture: Capture, from text: String, kinds: Set<SignalKind>) -> Bool {
        guard kinds.isDisjoint(with: capture.unless) else {
            // The reply is something else (the thank-you itself): nothing is taken from it.
            if capture.kind == .person, values[capture.slot] == nil { values[capture.slot] = SlotReader.stranger }
            return false
        }
        var fits = true
        switch capture.kind {
        case .text:
            keep(text, in: capture.slot)
        case .phrase:
            if let phrase = reader.phrase(from: text) { keep(phrase, in: capture.slot) } else { fits = false }
        case .person:
            switch reader.person(in: text, kinds: kinds) {
            case .named(let person):
                keep(person, in: capture.slot)
            case .nobody:
                keep(SlotReader.stranger, in: capture.slot)
            case .notAPerson:
                // Not taken: the lines go on with a stand-in, and the slot stays unknown.
                if values[capture.slot] == nil { values[capture.slot] = SlotReader.stranger }
                fits = false
            }
        }
        if let other = capture.person, !known.contains(other), let person = reader.findPerson(in: text) {
            keep(person, in: other)
        }
        return fits
    }

    /// Whether a reply is only the answer to the question skipped just before; if so, it
    /// fills that slot. Either way the skipped question is forgotten.
    mutating func takeLateAnswer(_ text: String, kinds: Set<SignalKind>) -> Bool {
        guard let skipped = skippedQuestion else { return false }
        skippedQuestion = nil
        guard text.split(separator: " ").count <= 4, kinds.isSubset(of: SlotReader.answerKinds),
              case .named(let person) = reader.person(in: text, kinds: kinds) else { return false }
        keep(person, in: skipped.slot)
        return true
    }

    /// Fills a dialogue's person slots with someone `text` names, before it starts: the
    /// words a practice was chosen with ("I need to apologise to my sister").
    /// The slot that holds the words a practice was chosen with at the menu, when they say
    /// who it is about ("i need to say no to my mum who keeps asking to borrow money"): a
    /// first question about what it is about can be skipped (`skip: when: {known: [opening]}`).
    static let opening = "opening"

    /// `kinds`: what the analysis found in the words. A capture marked `opening:` also takes
    /// what they say it is about ("…to my sister for missing her recital"), or the words
    /// themselves when they carry one of its kinds ("I hung up on my dad").
    mutating func notePerson(in text: String, kinds: Set<SignalKind> = [], for dialogue: Dialogue) {
        guard let person = reader.findPerson(in: text) else { return }
        keep(text, in: SlotBook.opening)
        for capture in dialogue.orderedStates.compactMap(\.capture) {
            for slot in [capture.kind == .person ? capture.slot : nil, capture.person].compactMap({ $0 }) where !known.contains(slot) {
                keep(person, in: slot)
            }
        }
        for capture in dialogue.orderedStates.compactMap(\.capture) where !known.contains(capture.slot) {
            guard let whole = capture.opening else { continue }
            if let about = reader.about(in: text) {
                keep(about, in: capture.slot)
            } else if !kinds.isDisjoint(with: whole), let phrase = reader.phrase(from: text) {
                keep(phrase, in: capture.slot)
            }
        }
    }

    private mutating func keep(_ words: String, in slot: String) {
        values[slot] = words
        known.insert(slot)
    }
}
