/// What a typed line can carry. The first twenty are fixed by SPEC.md; the rest are
/// rapport's own additions, which the scenarios use (SPEC.md allows more kinds).
public enum SignalKind: String, CaseIterable, Sendable, Codable, Comparable {
    // Fixed by SPEC.md.
    case acknowledgement
    case remorse
    case commitment
    case repair
    case nonApology = "non-apology"
    case excuse
    case blameShift = "blame-shift"
    case minimizing
    case youStatement = "you-statement"
    case absolute
    case label
    case contempt
    case defensiveness
    case stonewalling
    case iStatement = "i-statement"
    case request
    case validation
    case crisis
    /// May signal danger but is not clear: the coach asks before going on.
    case risk
    /// Orders, controls or issues an ultimatum about the other's behaviour; never a `request`.
    case demand

    // rapport's additions.
    /// A need named by the speaker ("I need", "it matters to me").
    case need
    /// An open question or an invitation to hear the other's side.
    case curiosity
    /// Says back what the other person said or felt ("sounds like you…").
    case reflection
    /// Owns part of the problem ("you're right, I haven't…", "that's on me").
    case ownership
    /// A generous reading of the other ("I know you've been busy").
    case benefitOfDoubt = "benefit-of-doubt"
    /// A pause that promises to come back ("let's take twenty minutes").
    case timeOut = "time-out"
    /// The speaker sounds overwhelmed ("I can't think straight").
    case flooded
    /// Names a good moment to talk: soon, calm, private, in person.
    case timing
    /// Names a risky moment or channel: by text, in front of others, mid-row.
    case poorTiming = "poor-timing"
    /// Says what the speaker will or won't do ("I'm not okay with…", "I'll step out if…").
    case boundary
    /// Thanks or appreciates the other person.
    case appreciation
    /// An evaluation dressed up as a feeling ("I feel ignored").
    case fauxFeeling = "faux-feeling"
    /// A genuine feeling word the speaker uses about themselves.
    case feeling
    /// Says yes to what was offered ("yes", "sure", "let's do it").
    case agreement
    /// Says no to what was offered ("no thanks", "not now", "skip").
    case decline
    /// Fixes before asked ("you should just…", "have you tried…").
    case advice
    /// Not sure, or only half: "maybe", "idk", "kind of", "not really".
    case unsure
    /// Answers no: "no", "nope, just tired", "not at all", "I'm fine". The safety check-in
    /// carries on only after one, with nothing unsure or worrying beside it.
    case answerNo = "answer-no"
    /// Sounds in pain without saying danger ("I hate myself", "I can't take it anymore"):
    /// two such cues in one line make it `risk`.
    case distress

    /// The kinds SPEC.md fixes, in its order.
    public static let specified: [SignalKind] = Array(allCases.prefix(20))

    public static func < (lhs: SignalKind, rhs: SignalKind) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int { SignalKind.allCases.firstIndex(of: self) ?? 0 }
}
