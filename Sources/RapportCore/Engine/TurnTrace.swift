/// What the engine did with the last reply: the transitions it took (a skip on the way
/// into a state and a reply read again included) and every line it said, with the
/// partner's openness after each. Tests and `rapport` tools read it to check that the
/// coach agrees with itself; the conversation keeps only the latest one.
public struct TurnTrace: Sendable {
    /// A line as it was said.
    public struct SaidLine: Sendable {
        public var line: SpokenLine
        public var text: String
        /// The partner's openness once the line was said (nil without a partner).
        public var openness: Int?
    }

    /// The kinds the reply carried.
    public var kinds: Set<SignalKind> = []
    public var taken: [Transition] = []
    public var lines: [SaidLine] = []
}
