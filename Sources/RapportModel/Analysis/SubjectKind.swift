/// Who a clause is about, as a rule's `by` guard asks: the speaker, the person spoken to,
/// another person, or a thing. Read from the nearest subject word before the words in
/// question, in the same clause (see `LineView.subject(before:)`).
public enum SubjectKind: String, Sendable, CaseIterable {
    /// "I", or no subject at all, as texting drops it: "cut again last night".
    case `self`
    /// "you", "u".
    case you
    /// Anyone else: "he", "my dad", "everyone".
    case person
    /// "it", "this commute", "the pills".
    case thing
}
