/// The safety dialogue (`Dialogues/safety.yaml`) read as what the engine needs: the check-in
/// question for each kind of danger, the kind line after a clear no, the stop for each kind,
/// and the quiet line after a stop. The engine picks states by these names; the file only
/// words them.
public struct SafetyScript: Sendable {
    /// The states the safety dialogue must have.
    public static let requiredStates = [
        "check-in-self", "check-in-hurt", "check-in-others", "carry-on",
        "stop", "stop-hurt", "stop-others", "after-menu", "after-practice",
    ]
    /// The placeholder for the words that raised a check-in.
    public static let wordsPlaceholder = "words"

    public let dialogue: Dialogue

    public init(_ dialogue: Dialogue) {
        self.dialogue = dialogue
    }

    /// The state that asks about `topic`.
    public static func checkIn(_ topic: SafetyTopic) -> String {
        switch topic {
        case .selfHarm: return "check-in-self"
        case .beingHurt: return "check-in-hurt"
        case .harmingOthers: return "check-in-others"
        }
    }

    /// The state that stops for `topic`.
    public static func stop(_ topic: SafetyTopic) -> String {
        switch topic {
        case .selfHarm: return "stop"
        case .beingHurt: return "stop-hurt"
        case .harmingOthers: return "stop-others"
        }
    }

    /// The lines of a state, each a list of variants; empty when the state is missing.
    public func lines(_ state: String) -> [[String]] {
        dialogue.states[state]?.say.map(\.variants) ?? []
    }
}
