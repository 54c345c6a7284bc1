/// A blank filled in by the user: in a session, a sentence that named nothing that happened
/// ("ur so selfish") is answered by the coach's question ("What did they do, that time, that
/// felt selfish?"), and the answer is what goes where the blank was, in the user's words:
/// "you left me at the party" → "I feel hurt when you left me at the party, because…". An
/// answer with no subject is about them ("left me at the party"); "when" is not said twice.
struct BlankAnswer: Sendable {
    let classes: RewriteWordClasses
    let verbs: VerbInflector
    let display: DisplayTable
    let check: FinalCheck

    /// What goes where the blank was, or nil when the answer is not something that happened.
    func observation(from words: [RewriteWord]) -> String? {
        var said = words.filter { !$0.isSymbol }
        while let last = said.last, last.isMark { said.removeLast() }
        while let first = said.first, first.isMark || classes.match(.opener, said, at: 0) != nil {
            said.removeFirst(first.isMark ? 1 : classes.match(.opener, said, at: 0)!)
        }
        if let first = said.first, ["when", "whenever", "like", "that", "because"].contains(first.norm) { said.removeFirst() }
        guard let first = said.first, said.count >= 2 else { return nil }
        // "left me at the party": what they did.
        if !classes.contains(.subject, first), !classes.contains(.other, first), !classes.contains(.speaker, first),
           let forms = verbs.forms(of: first.norm), forms.base != first.norm || verbs.isListed(first.norm) {
            said.insert(classes.make("you"), at: 0)
        }
        guard check.problems(inObservation: said).isEmpty else { return nil }
        var text = RewriteText.render(said, display)
        if let initial = text.first, initial.isUppercase, !text.hasPrefix("I ") { text = initial.lowercased() + text.dropFirst() }
        guard check.problems(inText: text).isEmpty else { return nil }
        return text
    }
}
