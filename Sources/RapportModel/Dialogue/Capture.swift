/// What a state keeps of the user's reply, for `{slot}` in later lines.
///
///     capture: situation                          the reply, as typed
///     capture: {slot: who, as: person}            the person it names ("my dad"), or "them"
///     capture: {slot: deed, as: phrase}           the first clause of a long answer
///     capture: {slot: situation, person: who}     as typed, and any person it names goes to {who}
///     capture: {slot: deed, as: phrase, unless: [appreciation]}
///                                                 not a reply that is the thanks itself
///     capture: {slot: situation, opening: [acknowledgement]}
///                                                 also from the words the practice was chosen with
public struct Capture: Sendable, Equatable {
    /// How much of the reply the slot holds.
    public enum Kind: String, Sendable, CaseIterable {
        /// The reply as typed.
        case text
        /// The person the reply names: "my brother Tom", "Sam"; "idk" or "no one" is "them".
        /// A reply that names nobody and says something else is not captured.
        case person
        /// The first clause of the reply, without fillers ("um, so she fed my cat when…" →
        /// "she fed my cat").
        case phrase
    }

    public var slot: String
    public var kind: Kind
    /// Another slot to fill with a person the reply happens to name ("I hung up on my dad"
    /// fills {who} with "my dad"), so the question about them can be skipped.
    public var person: String?
    /// A reply carrying one of these kinds answers something else ("thanks for everything,
    /// ur the best" is the thank-you, not what they did): it is not captured.
    public var unless: [SignalKind] = []
    /// Whether the words the practice was chosen with at the menu can fill this slot, when
    /// they name someone and then say what it is about ("sorry to my sister | for missing
    /// her recital"); nil when they cannot. The kinds listed make the whole words the answer
    /// ("I hung up on my dad" names the act itself).
    public var opening: [SignalKind]?

    public init(slot: String, kind: Kind = .text, person: String? = nil, unless: [SignalKind] = [], opening: [SignalKind]? = nil) {
        self.slot = slot
        self.kind = kind
        self.person = person
        self.unless = unless
        self.opening = opening
    }

    /// Every slot this capture can fill.
    public var slots: [String] { [slot] + (person.map { [$0] } ?? []) }
}
