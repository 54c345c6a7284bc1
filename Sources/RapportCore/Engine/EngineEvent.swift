/// What the engine asks the front end to show, in order.
public enum EngineEvent: Sendable, Equatable {
    /// A line said by the coach or the partner, in a state.
    case say(speaker: Speaker, text: String, state: String)
    /// The partner's openness after they spoke (0–100), for the meter.
    case partnerMood(name: String, openness: Int)
    /// The session ended; the scorecard is final.
    case ended(outcome: Outcome, scorecard: Scorecard)
}
