/// What a session asks the front end to show, in order. Text from the user inside these
/// is not yet sanitised; the front end does that when it prints.
public enum SessionOutput: Sendable, Equatable {
    public struct MenuItem: Sendable, Equatable {
        public var number: Int
        public var id: String
        public var title: String
        public var summary: String
    }

    /// The two-line greeting.
    case greeting([String])
    /// The numbered list of scenarios.
    case menu([MenuItem])
    /// A line said by the coach or the partner (`name` is how to label it).
    case line(speaker: Speaker, name: String, text: String)
    /// The partner's openness after they spoke, for the meter.
    case meter(name: String, openness: Int)
    /// Help, confirmations and problems, said by rapport itself.
    case notice(String)
    /// The end of a practice.
    case scorecard(Scorecard, Outcome)
    /// An I-statement rewrite (`/rewrite`).
    case rewrite(RewriteResult)
}
