/// What someone else gets from them, set against what the speaker gets: "your friends get
/// your best mood and I get the leftovers", "work gets the best of you and we get
/// whatever's left", "everyone else gets the nice version of you". The complaint is that
/// the speaker seems to come second, so it is said as a comparison ("when your friends
/// seem to come first"); the speaker's half, usually sarcastic, is not the observation.
/// Not a sharing-out ("my sister gets the keys on Friday and I get them back on Monday"):
/// the getter is not the speaker's, the listener is in the first half, and what the
/// speaker gets is a thing of its own, not "them" or "it".
struct ShareContrast: Sendable {
    let classes: RewriteWordClasses

    private static let get: Set<String> = ["get", "gets", "got", "getting"]

    /// Who gets, when `first` is the other side of a contrast and `second` the speaker's.
    func getter(_ first: [RewriteWord], then second: [RewriteWord]) -> [RewriteWord]? {
        guard let subject = getterOf(first), speakerGets(second) else { return nil }
        return subject
    }

    /// Who gets, when the clause says "everyone else gets…": the contrast in one clause.
    func othersGet(_ words: [RewriteWord]) -> [RewriteWord]? {
        guard let subject = getterOf(words), classes.match(.everyoneElse, subject, at: 0) == subject.count else { return nil }
        return subject
    }

    /// "X gets <something>", X not the speaker's and not a pronoun, with "you" in it.
    private func getterOf(_ words: [RewriteWord]) -> [RewriteWord]? {
        guard let verb = words.prefix(5).firstIndex(where: { Self.get.contains($0.norm) }), verb > 0, verb + 1 < words.count,
              takesAThing(words, after: verb) else { return nil }
        let subject = Array(words[..<verb])
        guard let head = subject.first, !classes.contains(.speaker, head),
              !["you", "it", "this", "that", "there", "he", "she", "they", "things"].contains(head.norm),
              !subject.contains(where: { classes.contains(.aux, $0) || $0.norm == "not" || $0.isMark }) else { return nil }
        let listenerIn = words.contains { ["you", "your", "yours", "yourself"].contains($0.norm) }
        return listenerIn || classes.match(.everyoneElse, subject, at: 0) == subject.count ? subject : nil
    }

    /// "I get the leftovers", "we get whatever's left", "I can't even get an hour".
    private func speakerGets(_ words: [RewriteWord]) -> Bool {
        guard let head = words.first, ["i", "we"].contains(head.norm),
              let verb = words.prefix(5).dropFirst().firstIndex(where: { Self.get.contains($0.norm) }) else { return false }
        return takesAThing(words, after: verb)
    }

    /// A thing follows the verb ("a text", "the best of you", "whatever's left", "an hour"),
    /// not "to", a pronoun ("them back") or a state ("get sick", "get home").
    private func takesAThing(_ words: [RewriteWord], after verb: Int) -> Bool {
        guard verb + 1 < words.count else { return false }
        let next = words[verb + 1]
        return classes.contains(.determiner, next) || ["more", "whatever", "nothing", "leftovers", "scraps"].contains(next.norm)
            || next.norm.first?.isNumber == true
    }
}
