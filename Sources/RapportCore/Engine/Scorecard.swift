/// How a session went against the scenario's rubric, as saved in the transcript's `end`
/// record and shown to the user.
public struct Scorecard: Sendable, Equatable {
    public struct Pitfall: Sendable, Equatable {
        public var kind: SignalKind
        /// The user's own words that carried it.
        public var text: String
    }

    /// Rubric parts (signal kind names) the user's replies carried, in rubric order.
    public var met: [String]
    public var missed: [String]
    /// Pitfalls from the scenario's list that the user's replies carried.
    public var pitfalls: [Pitfall]
    /// One concrete thing to try next time.
    public var next: String?
    /// The rubric's names for the parts, for display ("Owning what you did").
    public var partNames: [String: String]

    public init(met: [String] = [], missed: [String] = [], pitfalls: [Pitfall] = [], next: String? = nil,
                partNames: [String: String] = [:]) {
        self.met = met
        self.missed = missed
        self.pitfalls = pitfalls
        self.next = next
        self.partNames = partNames
    }
}
