/// What a `crisis` or `risk` signal is about, so the coach asks the right question and
/// points to the right help: the speaker's own life, being hurt by someone, or hurting
/// someone else. Set by the `@about` lines of `Vocabulary/rules/*.rules`.
public enum SafetyTopic: String, Sendable, CaseIterable, Codable {
    /// Suicide, self-harm, wanting to be gone.
    case selfHarm = "self"
    /// Being hit, threatened, controlled, followed or abused by someone.
    case beingHurt = "hurt"
    /// Wanting or fearing to hurt someone else, a child included.
    case harmingOthers = "others"
}
