/// Leave to do what hurts, given with irony: "Oh yes, definitely buy a motorbike", "sure, go
/// ahead, spend the whole weekend at the pub", "great, just cancel on me again, see if I
/// care", "yeah go on, leave your socks everywhere, I love tidying up after you". The order
/// is what they do (or mean to): "you cancel on me", said "about you cancelling on me"; it
/// is never asked back ("Could you cancel on me?"). Leave given plainly is not a complaint:
/// "Sure, go ahead and take the car tonight, I don't need it", "Definitely buy the blue
/// one". Irony shows as an "oh" in the leave ("oh totally"), a grievance ("again", an act
/// people complain about), a sweeping word ("everywhere", "the whole weekend"), or a jab or
/// the speaker's own "I love…" after it.
struct SarcasticPermission: Sendable {
    let classes: RewriteWordClasses
    let verbs: VerbInflector

    struct Found: Sendable, Equatable {
        /// The clause that holds the order, and where in it the order starts.
        var clause: Int
        var start: Int
        /// The leave as typed ("Oh yes, definitely").
        var leave: String
        var ironic: Bool
    }

    func find(_ clauses: [Clause], grievance: Bool) -> Found? {
        var leave: [RewriteWord] = []
        var permitted: Set<String> = []
        var oh = false
        for (index, clause) in clauses.enumerated() {
            let words = clause.words
            var position = 0
            while position < words.count {
                let word = words[position]
                if word.isMark || word.isSymbol { position += 1; continue }
                if let length = classes.match(.permission, words, at: position) {
                    permitted.insert(words[position..<(position + length)].map(\.norm).joined(separator: " "))
                } else if let length = classes.match(.opener, words, at: position) ?? classes.match(.filler, words, at: position) {
                    if word.norm == "oh" { oh = true }
                    leave += words[position..<(position + length)]
                    position += length
                    continue
                } else {
                    break
                }
                let length = classes.match(.permission, words, at: position)!
                leave += words[position..<(position + length)]
                position += length
            }
            if position == words.count { continue } // a clause of leave only ("Oh yes,")
            guard !permitted.isEmpty, isOrder(Array(words[position...])) else { return nil }
            // "please" alone gives no leave, except to keep on ("Please, keep talking over me").
            if permitted == ["please"], !["keep", "carry"].contains(words[position].norm) { return nil }
            let rest = clauses[(index + 1)...]
            let ironic = oh || grievance || sweeping(Array(words[position...]))
                || rest.contains { isJab($0.words) || isSpeakersOwnLove($0.words) }
            return Found(clause: index, start: position, leave: leave.map(\.text).joined(separator: " "), ironic: ironic)
        }
        return nil
    }

    /// An order to do something, not to stop: "buy a motorbike", "cancel on me".
    private func isOrder(_ words: [RewriteWord]) -> Bool {
        guard let first = words.first, words.count >= 2, !classes.contains(.subject, first), !classes.contains(.aux, first),
              !classes.contains(.stop, first) else { return false }
        return classes.contains(.plainVerb, first) || (verbs.isListed(first.norm) && verbs.forms(of: first.norm)?.base == first.norm)
    }

    private func sweeping(_ words: [RewriteWord]) -> Bool {
        let classesOfSweep: [WordClass] = [.absolute, .allThings, .allPlaces, .everyPeriod]
        return classesOfSweep.contains { classes.occurs($0, in: words) }
            || zip(words, words.dropFirst()).contains { $0.0.norm == "the" && $0.1.norm == "whole" }
    }

    private func isJab(_ words: [RewriteWord]) -> Bool {
        let content = words.filter { !$0.isMark && !$0.isSymbol }
        return !content.isEmpty && classes.match(.jab, content, at: 0) == content.count
    }

    /// "I love tidying up after you": what the speaker is left with, called a joy.
    func isSpeakersOwnLove(_ words: [RewriteWord]) -> Bool {
        let content = words.filter { !$0.isMark && !$0.isSymbol }
        guard content.count >= 3, content[0].norm == "i", ["love", "enjoy", "adore"].contains(content[1].norm) else { return false }
        return content[2].norm.hasSuffix("ing")
    }
}
